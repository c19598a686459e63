package io.vjvector.security;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as listed: never its secret, which is shown once when the key is created or rotated
 * and stored only as a salted hash.
 *
 * @param id the public id (the part after {@code vjv_})
 * @param tenant the tenant it acts for
 * @param name a label
 * @param roles its roles
 * @param collections the collections it may touch; empty means all of the tenant's
 * @param created when it was created or last rotated
 * @param expires when it stops working, or null
 * @param revoked when it was revoked, or null
 */
public record ApiKey(
    String id,
    String tenant,
    String name,
    Set<String> roles,
    Set<String> collections,
    Instant created,
    Instant expires,
    Instant revoked) {
  /** Copies the sets. */
  public ApiKey {
    roles = Set.copyOf(roles);
    collections = Set.copyOf(collections);
  }

  /**
   * A freshly created key with its one-time secret.
   *
   * @param key the key
   * @param token the whole credential, {@code vjv_<id>_<secret>}: shown once
   */
  public record Created(ApiKey key, String token) {}
}
