package io.vjvector.security.internal;

import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;

/** Identities proven elsewhere: OIDC bearer JWTs, LDAP directories and SAML identity providers. */
class ExternalIdentities implements AutoCloseable {
  static ExternalIdentities of(SecurityConfig config) {
    return new ExternalIdentities();
  }

  Identity jwt(String token) throws AuthenticationException {
    throw new AuthenticationException("bearer JWTs are not accepted: OIDC is not configured");
  }

  Identity ldap(String user, char[] password) throws AuthenticationException {
    throw new AuthenticationException("basic credentials are not accepted: LDAP is not configured");
  }

  Identity saml(String response) throws AuthenticationException {
    throw new AuthenticationException("SAML is not configured");
  }

  @Override
  public void close() {}
}
