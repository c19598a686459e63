package io.vjvector.security.internal;

import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import io.vjvector.security.internal.auth.JwtAuthenticator;
import io.vjvector.security.internal.auth.JwtSettings;
import io.vjvector.security.internal.auth.LdapAuthenticator;
import io.vjvector.security.internal.auth.LdapSettings;
import io.vjvector.security.internal.auth.SamlAuthenticator;
import io.vjvector.security.internal.auth.SamlSettings;
import io.vjvector.security.internal.auth.UrlGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Identities proven elsewhere: OIDC bearer JWTs, LDAP directories and SAML identity providers, each
 * on only when configured. A configuration that is set but unsafe or incomplete (a JWKS URL on a
 * metadata address, an issuer without a JWKS URL, an unreadable IdP certificate) stops the security
 * service from starting: the API then answers 503 rather than accept tokens it cannot check.
 */
class ExternalIdentities implements AutoCloseable {
  private final JwtAuthenticator jwt;
  private final LdapAuthenticator ldap;
  private final SamlAuthenticator saml;

  ExternalIdentities() {
    this(null, null, null);
  }

  ExternalIdentities(JwtAuthenticator jwt, LdapAuthenticator ldap, SamlAuthenticator saml) {
    this.jwt = jwt;
    this.ldap = ldap;
    this.saml = saml;
  }

  static ExternalIdentities of(SecurityConfig c) {
    JwtAuthenticator jwt = null;
    if (!c.jwt_issuer().isBlank()) {
      if (c.jwt_jwksUrl().isBlank() || c.jwt_audience().isBlank()) {
        throw new IllegalArgumentException(
            "jwt.issuer is set: jwt.jwksUrl and jwt.audience are required too");
      }
      UrlGuard guard = new UrlGuard(set(c.jwt_allowedHosts()));
      guard.checkWithoutResolving(c.jwt_jwksUrl());
      jwt =
          new JwtAuthenticator(
              new JwtSettings(
                  c.jwt_issuer(),
                  c.jwt_audience(),
                  c.jwt_jwksUrl(),
                  set(c.jwt_algorithms()),
                  c.jwt_tenantClaim(),
                  blankToNull(c.jwt_defaultTenant()),
                  c.jwt_rolesClaim(),
                  map(c.jwt_roleMapping()),
                  JwtSettings.DEFAULT_CLOCK_SKEW_SECONDS,
                  0),
              guard);
    }
    LdapAuthenticator ldap = null;
    if (!c.ldap_url().isBlank()) {
      ldap =
          new LdapAuthenticator(
              new LdapSettings(
                  c.ldap_url(),
                  blankToNull(c.ldap_bindDn()),
                  blankToNull(c.ldap_bindPassword()),
                  c.ldap_userBaseDn(),
                  c.ldap_userFilter(),
                  c.ldap_groupBaseDn(),
                  c.ldap_groupFilter(),
                  "cn",
                  map(c.ldap_groupRoleMapping()),
                  c.ldap_tenant(),
                  null,
                  0));
    }
    SamlAuthenticator saml = null;
    if (!c.saml_spEntityId().isBlank()) {
      saml =
          new SamlAuthenticator(
              new SamlSettings(
                  c.saml_spEntityId(),
                  c.saml_acsUrl(),
                  certificate(c.saml_idpCertificateFile()),
                  c.saml_idpEntityId(),
                  c.saml_tenantAttribute(),
                  blankToNull(c.saml_defaultTenant()),
                  c.saml_rolesAttribute(),
                  map(c.saml_roleMapping()),
                  SamlSettings.DEFAULT_CLOCK_SKEW_SECONDS));
    }
    return new ExternalIdentities(jwt, ldap, saml);
  }

  Identity jwt(String token) throws AuthenticationException {
    if (jwt == null) {
      throw new AuthenticationException("bearer JWTs are not accepted: OIDC is not configured");
    }
    return jwt.authenticate(token);
  }

  Identity ldap(String user, char[] password) throws AuthenticationException {
    if (ldap == null) {
      throw new AuthenticationException(
          "basic credentials are not accepted: LDAP is not configured");
    }
    try {
      return ldap.authenticate(user, password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  Identity saml(String response) throws AuthenticationException {
    if (saml == null) {
      throw new AuthenticationException("SAML is not configured");
    }
    return saml.authenticate(response);
  }

  @Override
  public void close() {
    if (jwt != null) {
      jwt.close();
    }
    if (ldap != null) {
      ldap.close();
    }
  }

  private static X509Certificate certificate(String file) {
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("saml.idpCertificateFile is required for SAML");
    }
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("cannot read the SAML IdP certificate " + file, e);
    }
  }

  /** Values from a .cfg file arrive as one comma-separated string or as an array. */
  static Set<String> set(String[] values) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  static Map<String, String> map(String[] entries) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String e : set(entries)) {
      int eq = e.lastIndexOf('=');
      if (eq <= 0 || eq == e.length() - 1) {
        throw new IllegalArgumentException("mapping entries are 'value=role', not '" + e + "'");
      }
      out.put(e.substring(0, eq).strip(), e.substring(eq + 1).strip());
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
