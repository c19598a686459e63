package io.vjvector.security;

import java.util.Locale;

/** What a caller may do. Roles are named sets of permissions. */
public enum Permission {
  /** List and read collections, read points, search, scroll, count, recommend. */
  DATA_READ,
  /** Upsert and delete points, create and drop payload indexes. */
  DATA_WRITE,
  /** Create and delete collections. */
  COLLECTIONS_MANAGE,
  /** Manage the tenant's API keys and custom roles; read its usage and security events. */
  TENANT_ADMIN,
  /** Erase or export a data subject's points (GDPR). */
  DATA_SUBJECT,
  /** Manage tenants, plugins and the marketplace; verify the audit log; every tenant's events. */
  PLATFORM_ADMIN;

  /**
   * The permission's external name, e.g. {@code data:read}.
   *
   * @return the name
   */
  public String externalName() {
    return name().toLowerCase(Locale.ROOT).replaceFirst("_", ":").replace('_', '-');
  }

  /**
   * The permission of an external name.
   *
   * @param name e.g. {@code data:read}
   * @return the permission
   * @throws IllegalArgumentException if there is none of that name
   */
  public static Permission of(String name) {
    for (Permission p : values()) {
      if (p.externalName().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown permission: " + name);
  }
}
