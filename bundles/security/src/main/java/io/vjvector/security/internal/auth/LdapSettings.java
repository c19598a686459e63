package io.vjvector.security.internal.auth;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.util.Map;

/**
 * How users are checked against an LDAP directory (OpenLDAP, 389, Active Directory, ...).
 *
 * @param url {@code ldap://host:port} or {@code ldaps://host:port}
 * @param bindDn the service account used to search; null for anonymous search
 * @param bindPassword the service account's password; never logged ({@link #toString()} masks it)
 * @param userBaseDn where users are searched (whole subtree)
 * @param userFilter the user search filter, {@code {0}} standing for the escaped user name, e.g.
 *     {@code (uid={0})} or {@code (sAMAccountName={0})}
 * @param groupBaseDn where groups are searched; null or blank to use only the user's {@code
 *     memberOf} values
 * @param groupFilter the group search filter, {@code {0}} standing for the escaped user DN and
 *     {@code {1}} for the escaped user name, e.g. {@code (member={0})}; null or blank for {@code
 *     (member={0})}
 * @param groupNameAttribute the group attribute holding its name; null or blank for {@code cn}
 * @param groupRoleMapping group name or group DN to role name; empty means group names are role
 *     names
 * @param tenant the tenant of this directory's users; may be null if every user has the tenant
 *     attribute
 * @param tenantAttribute an optional user attribute whose value overrides the tenant
 * @param timeoutMillis connect and response timeout; zero or negative for 5000
 */
public record LdapSettings(
    String url,
    String bindDn,
    String bindPassword,
    String userBaseDn,
    String userFilter,
    String groupBaseDn,
    String groupFilter,
    String groupNameAttribute,
    Map<String, String> groupRoleMapping,
    String tenant,
    String tenantAttribute,
    int timeoutMillis) {
  /** Default timeout in milliseconds. */
  public static final int DEFAULT_TIMEOUT_MILLIS = 5_000;

  /** Validates and applies defaults. */
  public LdapSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("LDAP setting url is required");
    }
    url = url.trim();
    try {
      LDAPURL parsed = new LDAPURL(url);
      if (!parsed.hostProvided()) {
        throw new IllegalArgumentException("LDAP url needs a host");
      }
    } catch (LDAPException e) {
      throw new IllegalArgumentException("LDAP url is malformed", e);
    }
    bindDn = blankToNull(bindDn);
    if (userBaseDn == null || userBaseDn.isBlank()) {
      throw new IllegalArgumentException("LDAP setting userBaseDn is required");
    }
    userBaseDn = userBaseDn.trim();
    userFilter = checkFilter(userFilter, "userFilter", true);
    groupBaseDn = blankToNull(groupBaseDn);
    groupFilter =
        groupFilter == null || groupFilter.isBlank()
            ? "(member={0})"
            : checkFilter(groupFilter, "groupFilter", false);
    groupNameAttribute =
        groupNameAttribute == null || groupNameAttribute.isBlank()
            ? "cn"
            : groupNameAttribute.trim();
    groupRoleMapping = groupRoleMapping == null ? Map.of() : Map.copyOf(groupRoleMapping);
    tenant = blankToNull(tenant);
    tenantAttribute = blankToNull(tenantAttribute);
    if (tenant == null && tenantAttribute == null) {
      throw new IllegalArgumentException("LDAP settings need a tenant or a tenantAttribute");
    }
    timeoutMillis = timeoutMillis <= 0 ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
  }

  private static String checkFilter(String filter, String name, boolean needsPlaceholder) {
    if (filter == null || filter.isBlank()) {
      throw new IllegalArgumentException("LDAP setting " + name + " is required");
    }
    String f = filter.trim();
    if (needsPlaceholder && !f.contains("{0}")) {
      throw new IllegalArgumentException("LDAP setting " + name + " must contain {0}");
    }
    try {
      Filter.create(f.replace("{0}", "x").replace("{1}", "x"));
    } catch (LDAPException e) {
      throw new IllegalArgumentException("LDAP setting " + name + " is not a valid filter", e);
    }
    return f;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Like the record's, with the password masked. */
  @Override
  public String toString() {
    return "LdapSettings[url="
        + url
        + ", bindDn="
        + bindDn
        + ", bindPassword="
        + (bindPassword == null ? "null" : "***")
        + ", userBaseDn="
        + userBaseDn
        + ", userFilter="
        + userFilter
        + ", groupBaseDn="
        + groupBaseDn
        + ", groupFilter="
        + groupFilter
        + ", groupNameAttribute="
        + groupNameAttribute
        + ", groupRoleMapping="
        + groupRoleMapping
        + ", tenant="
        + tenant
        + ", tenantAttribute="
        + tenantAttribute
        + ", timeoutMillis="
        + timeoutMillis
        + "]";
  }
}
