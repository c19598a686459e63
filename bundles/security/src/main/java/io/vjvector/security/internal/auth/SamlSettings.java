package io.vjvector.security.internal.auth;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

/**
 * How SAML 2.0 responses from one identity provider (console and dashboard single sign-on) are
 * verified and mapped to identities.
 *
 * @param spEntityId this server's entity id: the audience the assertion must be restricted to
 * @param acsUrl this server's assertion consumer service URL: the expected Recipient and
 *     Destination
 * @param idpCertificate the identity provider's signing certificate; the only key signatures are
 *     checked with (RSA of at least 2048 bits, or EC)
 * @param idpEntityId the identity provider's entity id: the expected Issuer
 * @param tenantAttribute the attribute naming the tenant; null to always use the default tenant
 * @param defaultTenant the tenant when the attribute is absent; null to refuse such assertions
 * @param rolesAttribute the attribute listing the roles (or groups); null or blank for {@code
 *     roles}
 * @param roleMapping attribute value to role name; null or empty means values are role names
 * @param clockSkewSeconds tolerated clock skew; negative for the default of 60
 */
public record SamlSettings(
    String spEntityId,
    String acsUrl,
    X509Certificate idpCertificate,
    String idpEntityId,
    String tenantAttribute,
    String defaultTenant,
    String rolesAttribute,
    Map<String, String> roleMapping,
    long clockSkewSeconds) {
  /** Default clock skew in seconds. */
  public static final long DEFAULT_CLOCK_SKEW_SECONDS = 60;

  /** Validates and applies defaults. */
  public SamlSettings {
    spEntityId = required(spEntityId, "spEntityId");
    acsUrl = required(acsUrl, "acsUrl");
    idpEntityId = required(idpEntityId, "idpEntityId");
    if (idpCertificate == null) {
      throw new IllegalArgumentException("SAML setting idpCertificate is required");
    }
    String keyAlgorithm = idpCertificate.getPublicKey().getAlgorithm();
    if (idpCertificate.getPublicKey() instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < 2048) {
        throw new IllegalArgumentException("SAML idpCertificate: RSA keys need 2048 bits or more");
      }
    } else if (!"EC".equals(keyAlgorithm)) {
      throw new IllegalArgumentException("SAML idpCertificate: only RSA and EC keys are supported");
    }
    tenantAttribute = tenantAttribute == null || tenantAttribute.isBlank() ? null : tenantAttribute;
    defaultTenant = defaultTenant == null || defaultTenant.isBlank() ? null : defaultTenant.trim();
    if (tenantAttribute == null && defaultTenant == null) {
      throw new IllegalArgumentException("SAML settings need a tenantAttribute or defaultTenant");
    }
    rolesAttribute = rolesAttribute == null || rolesAttribute.isBlank() ? "roles" : rolesAttribute;
    roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    clockSkewSeconds = clockSkewSeconds < 0 ? DEFAULT_CLOCK_SKEW_SECONDS : clockSkewSeconds;
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("SAML setting " + name + " is required");
    }
    return value.trim();
  }
}
