package io.vjvector.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Identity and access: authenticates credentials, answers permission questions and manages tenants,
 * API keys and roles. Every method that changes state persists it before returning.
 *
 * <p>Management methods throw {@link IllegalArgumentException} for bad input, {@link
 * java.util.NoSuchElementException} for unknown tenants, keys or roles, and {@link
 * IllegalStateException} for conflicts (an existing name, a built-in role).
 */
@ProviderType
public interface Security {
  /** The tenant every node has. */
  String DEFAULT_TENANT = "default";

  /** The built-in role names. */
  String PLATFORM_ADMIN = "platform-admin";

  /** Administers one tenant. */
  String TENANT_ADMIN = "tenant-admin";

  /** Reads and writes data. */
  String WRITER = "writer";

  /** Reads data. */
  String READER = "reader";

  /**
   * Authenticates an HTTP {@code Authorization} header value: {@code Bearer vjv_...} (API key),
   * {@code Bearer <JWT>} (OIDC, when configured) or {@code Basic ...} (LDAP, when configured).
   *
   * @param authorization the header value, or null
   * @return who is calling
   * @throws AuthenticationException if it is missing, malformed, unknown, expired or revoked, or
   *     its tenant no longer exists
   */
  Identity authenticate(String authorization) throws AuthenticationException;

  /**
   * Authenticates a SAML 2.0 response posted by the identity provider (console and dashboard
   * sign-in), when SAML is configured.
   *
   * @param samlResponse the base64 {@code SAMLResponse} form value
   * @return who signed in
   * @throws AuthenticationException if it is not a valid, fresh, signed assertion for this node
   */
  Identity authenticateSaml(String samlResponse) throws AuthenticationException;

  /**
   * Opens a session for a caller who signed in through SAML: a bearer token {@code vjs_...} that
   * authenticates as that identity until it expires. Sessions live in memory only.
   *
   * @param identity who signed in
   * @param ttl how long the token works, at most 12 hours
   * @return the token
   */
  String openSession(Identity identity, java.time.Duration ttl);

  /**
   * What the caller may do: the union of its roles' permissions.
   *
   * @param identity the caller
   * @return the permissions
   */
  Set<Permission> permissions(Identity identity);

  /**
   * Whether the caller may do something.
   *
   * @param identity the caller
   * @param permission what
   * @return true if one of its roles grants it
   */
  default boolean allowed(Identity identity, Permission permission) {
    return permissions(identity).contains(permission);
  }

  /**
   * Lists tenants.
   *
   * @return every tenant, by name
   */
  List<Tenant> tenants();

  /**
   * Looks a tenant up.
   *
   * @param name its name
   * @return the tenant, if it exists
   */
  Optional<Tenant> tenant(String name);

  /**
   * Creates a tenant.
   *
   * @param name its name: 1 to 64 of {@code a-z0-9_-}, starting with a letter or digit
   * @param limits its limits
   * @return the tenant
   */
  Tenant createTenant(String name, TenantLimits limits);

  /**
   * Changes a tenant's status or limits.
   *
   * @param name its name
   * @param status the new status, or null to keep it
   * @param limits the new limits, or null to keep them
   * @return the tenant
   */
  Tenant updateTenant(String name, Tenant.Status status, TenantLimits limits);

  /**
   * Deletes a tenant's identity records: its keys and roles. The caller deletes its data (and key)
   * from the engine first.
   *
   * @param name its name; the default tenant cannot be deleted
   * @return true if it existed
   */
  boolean deleteTenant(String name);

  /**
   * Lists a tenant's API keys, revoked ones too.
   *
   * @param tenant the tenant
   * @return its keys
   */
  List<ApiKey> keys(String tenant);

  /**
   * Creates an API key.
   *
   * @param tenant the tenant it acts for
   * @param name a label
   * @param roles its roles (built-in or the tenant's custom roles)
   * @param collections the collections it may touch; empty for all
   * @param expires when it stops working, or null for never
   * @return the key and its one-time secret
   */
  ApiKey.Created createKey(
      String tenant, String name, Set<String> roles, Set<String> collections, Instant expires);

  /**
   * Revokes a key: it stops working for the next request.
   *
   * @param tenant the key's tenant
   * @param id the key's id
   * @return the revoked key
   */
  ApiKey revokeKey(String tenant, String id);

  /**
   * Gives a key a new secret; the old one stops working at once.
   *
   * @param tenant the key's tenant
   * @param id the key's id
   * @return the key and its new one-time secret
   */
  ApiKey.Created rotateKey(String tenant, String id);

  /**
   * Lists the roles a tenant can use: the built-in ones and its own.
   *
   * @param tenant the tenant
   * @return the roles
   */
  List<Role> roles(String tenant);

  /**
   * Creates or replaces one of a tenant's custom roles.
   *
   * @param tenant the tenant
   * @param name the role's name (not a built-in one)
   * @param permissions what it allows ({@link Permission#PLATFORM_ADMIN} is never allowed)
   * @return the role
   */
  Role putRole(String tenant, String name, Set<Permission> permissions);

  /**
   * Deletes one of a tenant's custom roles.
   *
   * @param tenant the tenant
   * @param name the role's name
   * @return true if it existed
   */
  boolean deleteRole(String tenant, String name);
}
