package io.vjvector.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Security settings (PID {@code io.vjvector.security}). Nothing is needed to start: API keys work
 * out of the box; OIDC, LDAP and SAML are off until their settings are given.
 */
@ObjectClassDefinition(name = "VJVector security", description = "Identity, limits and audit")
public @interface SecurityConfig {
  /** The PID. */
  String PID = "io.vjvector.security";

  /**
   * Where tenants, key hashes, roles and the audit log live.
   *
   * @return a directory
   */
  @AttributeDefinition(description = "State directory; empty: ${karaf.data}/vjvector-security")
  String stateDir() default "";

  /**
   * Where the first platform-admin key is written on a fresh node (mode 0600).
   *
   * @return a file
   */
  @AttributeDefinition(description = "Bootstrap admin key file; empty: <stateDir>/admin.key")
  String bootstrapKeyFile() default "";

  /**
   * Default most collections of a tenant.
   *
   * @return collections, 0 for no limit
   */
  @AttributeDefinition(description = "Default most collections a tenant may have (0: no limit)")
  long maxCollections() default 1000;

  /**
   * Default most points of a tenant.
   *
   * @return points, 0 for no limit
   */
  @AttributeDefinition(description = "Default most points a tenant may store (0: no limit)")
  long maxPoints() default 0;

  /**
   * Default most bytes of a tenant.
   *
   * @return bytes, 0 for no limit
   */
  @AttributeDefinition(description = "Default most bytes a tenant may store on disk (0: no limit)")
  long maxStoredBytes() default 0;

  /**
   * Default sustained reads a second.
   *
   * @return requests a second
   */
  @AttributeDefinition(description = "Default read/search requests a second per tenant")
  long readsPerSecond() default 5000;

  /**
   * Default sustained writes a second.
   *
   * @return requests a second
   */
  @AttributeDefinition(description = "Default write requests a second per tenant")
  long writesPerSecond() default 2000;

  /**
   * Default sustained admin requests a second.
   *
   * @return requests a second
   */
  @AttributeDefinition(description = "Default management requests a second per tenant")
  long adminPerSecond() default 50;

  /**
   * Failed authentications from one address within a minute that raise an event.
   *
   * @return failures
   */
  @AttributeDefinition(description = "Auth failures a minute from one source that raise an event")
  int authFailureBurst() default 10;

  /**
   * Refused (rate-limited) requests of one caller within a minute that raise an event.
   *
   * @return refusals
   */
  @AttributeDefinition(description = "Rate-limited requests a minute of one caller for an event")
  int rateLimitedBurst() default 100;

  /**
   * Points returned to one caller within a minute that raise a bulk-read event.
   *
   * @return points
   */
  @AttributeDefinition(description = "Points read a minute by one caller that raise an event")
  long bulkReadPoints() default 100_000;

  /**
   * OIDC issuer; empty turns bearer JWTs off.
   *
   * @return the issuer
   */
  @AttributeDefinition(description = "OIDC issuer (iss); empty: JWTs are not accepted")
  String jwt_issuer() default "";

  /**
   * OIDC audience.
   *
   * @return the audience
   */
  @AttributeDefinition(description = "Expected audience (aud)")
  String jwt_audience() default "";

  /**
   * JWKS URL.
   *
   * @return a URL
   */
  @AttributeDefinition(description = "JWKS URL (link-local and metadata addresses are refused)")
  String jwt_jwksUrl() default "";

  /**
   * Accepted algorithms.
   *
   * @return JWS algorithm names
   */
  @AttributeDefinition(description = "Accepted JWS algorithms (asymmetric only)")
  String[] jwt_algorithms() default {"RS256", "ES256", "PS256"};

  /**
   * Claim naming the tenant.
   *
   * @return a claim name
   */
  @AttributeDefinition(description = "Claim that names the tenant")
  String jwt_tenantClaim() default "tenant";

  /**
   * Tenant of tokens without the tenant claim.
   *
   * @return a tenant, or empty to refuse them
   */
  @AttributeDefinition(description = "Tenant of tokens without the claim; empty: refuse them")
  String jwt_defaultTenant() default "";

  /**
   * Claim holding the roles (a dotted path is allowed).
   *
   * @return a claim name
   */
  @AttributeDefinition(description = "Claim that holds roles, e.g. roles or realm_access.roles")
  String jwt_rolesClaim() default "roles";

  /**
   * Claim value to role mapping.
   *
   * @return entries {@code value=role}
   */
  @AttributeDefinition(description = "Role mapping, entries value=role; empty: values are roles")
  String[] jwt_roleMapping() default {};

  /**
   * Hosts that may be fetched even if they are link-local.
   *
   * @return host or host:port entries
   */
  @AttributeDefinition(description = "Hosts allowed even if link-local (SSRF guard override)")
  String[] jwt_allowedHosts() default {};

  /**
   * LDAP URL; empty turns LDAP sign-in off.
   *
   * @return {@code ldap://host:port} or {@code ldaps://...}
   */
  @AttributeDefinition(description = "LDAP URL; empty: HTTP Basic/LDAP sign-in is off")
  String ldap_url() default "";

  /**
   * Service bind DN.
   *
   * @return a DN
   */
  @AttributeDefinition(description = "Service account DN used to look users up")
  String ldap_bindDn() default "";

  /**
   * Service bind password.
   *
   * @return the password
   */
  @AttributeDefinition(type = AttributeType.PASSWORD, description = "Service account password")
  String ldap_bindPassword() default "";

  /**
   * Where users are.
   *
   * @return a DN
   */
  @AttributeDefinition(description = "Base DN of users")
  String ldap_userBaseDn() default "";

  /**
   * User search filter.
   *
   * @return a filter with {0} for the user name
   */
  @AttributeDefinition(description = "User filter; {0} is the user name (AD: (sAMAccountName={0}))")
  String ldap_userFilter() default "(uid={0})";

  /**
   * Where groups are.
   *
   * @return a DN
   */
  @AttributeDefinition(description = "Base DN of groups")
  String ldap_groupBaseDn() default "";

  /**
   * Group search filter.
   *
   * @return a filter with {0} for the user DN
   */
  @AttributeDefinition(description = "Group filter; {0} is the user's DN")
  String ldap_groupFilter() default "(member={0})";

  /**
   * Group to role mapping.
   *
   * @return entries {@code group=role}
   */
  @AttributeDefinition(description = "Group (cn or DN) to role, entries group=role")
  String[] ldap_groupRoleMapping() default {};

  /**
   * Tenant of the directory's users.
   *
   * @return a tenant
   */
  @AttributeDefinition(description = "Tenant the directory's users act for")
  String ldap_tenant() default "default";

  /**
   * SAML service provider entity id; empty turns SAML off.
   *
   * @return the entity id (audience)
   */
  @AttributeDefinition(description = "SAML SP entity id (audience); empty: SAML is off")
  String saml_spEntityId() default "";

  /**
   * Assertion consumer URL.
   *
   * @return the URL the IdP posts to
   */
  @AttributeDefinition(description = "Assertion consumer service URL (Recipient)")
  String saml_acsUrl() default "";

  /**
   * IdP entity id.
   *
   * @return the issuer
   */
  @AttributeDefinition(description = "IdP entity id (Issuer)")
  String saml_idpEntityId() default "";

  /**
   * IdP signing certificate.
   *
   * @return a PEM file
   */
  @AttributeDefinition(description = "IdP signing certificate, PEM file")
  String saml_idpCertificateFile() default "";

  /**
   * Attribute naming the tenant.
   *
   * @return an attribute name
   */
  @AttributeDefinition(description = "Assertion attribute that names the tenant")
  String saml_tenantAttribute() default "tenant";

  /**
   * Tenant of assertions without it.
   *
   * @return a tenant or empty
   */
  @AttributeDefinition(description = "Tenant of assertions without the attribute")
  String saml_defaultTenant() default "";

  /**
   * Attribute holding roles.
   *
   * @return an attribute name
   */
  @AttributeDefinition(description = "Assertion attribute that holds roles or groups")
  String saml_rolesAttribute() default "roles";

  /**
   * Attribute value to role mapping.
   *
   * @return entries {@code value=role}
   */
  @AttributeDefinition(description = "Role mapping, entries value=role")
  String[] saml_roleMapping() default {};
}
