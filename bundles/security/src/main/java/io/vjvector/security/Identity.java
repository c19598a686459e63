package io.vjvector.security;

import java.util.Set;

/**
 * An authenticated caller. Every request acts for exactly one tenant.
 *
 * @param subject who: an API key id ({@code key:<id>}), a token subject or an LDAP user name
 * @param tenant the one tenant the caller acts for
 * @param roles the caller's role names (built-in or the tenant's custom roles)
 * @param collections the collections the caller may touch; empty means every collection of the
 *     tenant
 * @param method how the caller proved who it is: {@code api-key}, {@code jwt}, {@code ldap}, {@code
 *     saml} or {@code console}
 */
public record Identity(
    String subject, String tenant, Set<String> roles, Set<String> collections, String method) {
  /** Copies the sets. */
  public Identity {
    roles = Set.copyOf(roles);
    collections = Set.copyOf(collections);
  }

  /**
   * Whether the caller may touch the collection at all (its key is not limited to others).
   *
   * @param collection a collection name
   * @return true if in scope
   */
  public boolean inScope(String collection) {
    return collections.isEmpty() || collections.contains(collection);
  }
}
