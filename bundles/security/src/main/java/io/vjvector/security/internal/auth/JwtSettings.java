package io.vjvector.security.internal.auth;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How bearer JWTs from an OpenID Connect / OAuth 2 provider are verified and mapped to identities.
 *
 * @param issuer the exact {@code iss} value required
 * @param audience a value the {@code aud} claim must contain
 * @param jwksUrl where the provider publishes its public keys (checked by {@link UrlGuard})
 * @param algorithms accepted signature algorithms; null or empty for RS256, ES256 and PS256.
 *     Symmetric (HS*) algorithms and {@code none} are never accepted
 * @param tenantClaim the claim naming the tenant (dotted paths allowed); null or blank for {@code
 *     tenant}
 * @param defaultTenant tenant for tokens without the claim; null to refuse such tokens
 * @param rolesClaim the claim with the roles, a list or a space/comma separated string; may be a
 *     dotted path such as {@code realm_access.roles}; null or blank for {@code roles}
 * @param roleMapping claim value to role name; null or empty means claim values are role names
 * @param clockSkewSeconds tolerated clock skew; negative for the default of 60
 * @param jwksCacheSeconds how long fetched keys are cached; zero or negative for the default of 300
 */
public record JwtSettings(
    String issuer,
    String audience,
    String jwksUrl,
    Set<String> algorithms,
    String tenantClaim,
    String defaultTenant,
    String rolesClaim,
    Map<String, String> roleMapping,
    long clockSkewSeconds,
    long jwksCacheSeconds) {
  /** The algorithms accepted when none are configured. */
  public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "ES256", "PS256");

  /** The algorithms that may be configured: asymmetric signatures only. */
  public static final Set<String> SUPPORTED_ALGORITHMS =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

  /** Default clock skew in seconds. */
  public static final long DEFAULT_CLOCK_SKEW_SECONDS = 60;

  /** Default JWKS cache time in seconds. */
  public static final long DEFAULT_JWKS_CACHE_SECONDS = 300;

  /** Validates and applies defaults. */
  public JwtSettings {
    issuer = required(issuer, "issuer");
    audience = required(audience, "audience");
    jwksUrl = required(jwksUrl, "jwksUrl");
    if (algorithms == null || algorithms.isEmpty()) {
      algorithms = DEFAULT_ALGORITHMS;
    } else {
      Set<String> checked = new LinkedHashSet<>();
      for (String alg : algorithms) {
        String a = alg == null ? "" : alg.trim();
        if (a.toUpperCase(Locale.ROOT).startsWith("HS") || a.equalsIgnoreCase("none")) {
          throw new IllegalArgumentException(
              "JWT algorithm " + a + " is not accepted: only asymmetric signatures");
        }
        if (!SUPPORTED_ALGORITHMS.contains(a)) {
          throw new IllegalArgumentException("unknown JWT algorithm " + a);
        }
        checked.add(a);
      }
      algorithms = Set.copyOf(checked);
    }
    tenantClaim = tenantClaim == null || tenantClaim.isBlank() ? "tenant" : tenantClaim.trim();
    defaultTenant = defaultTenant == null || defaultTenant.isBlank() ? null : defaultTenant.trim();
    rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim.trim();
    roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    clockSkewSeconds = clockSkewSeconds < 0 ? DEFAULT_CLOCK_SKEW_SECONDS : clockSkewSeconds;
    jwksCacheSeconds = jwksCacheSeconds <= 0 ? DEFAULT_JWKS_CACHE_SECONDS : jwksCacheSeconds;
  }

  /**
   * Settings with every default.
   *
   * @param issuer the required issuer
   * @param audience the required audience
   * @param jwksUrl the JWKS URL
   * @return the settings
   */
  public static JwtSettings of(String issuer, String audience, String jwksUrl) {
    return new JwtSettings(issuer, audience, jwksUrl, null, null, null, null, null, -1, 0);
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("JWT setting " + name + " is required");
    }
    return value.trim();
  }
}
