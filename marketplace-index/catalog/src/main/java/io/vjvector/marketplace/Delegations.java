package io.vjvector.marketplace;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The content of {@code keys.json}, signed by the root key: which key signs the index, and which
 * publishers may sign entries under which prefixes.
 *
 * @param version increases with every change; clients refuse a version older than one they saw
 * @param expires clients refuse the document from this time on
 * @param indexKey the key that signs {@code index.json}
 * @param publishers the delegated publishers, ids unique
 */
public record Delegations(
    long version, Instant expires, TrustedKey indexKey, List<PublisherKey> publishers) {

  /** Requires a positive version and unique publisher ids. */
  public Delegations {
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(indexKey, "indexKey");
    publishers = List.copyOf(publishers);
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
    Set<String> ids = new HashSet<>();
    for (PublisherKey publisher : publishers) {
      if (!ids.add(publisher.id())) {
        throw new IllegalArgumentException("publisher " + publisher.id() + " is delegated twice");
      }
    }
  }

  /**
   * @param id a publisher id
   * @return its delegation, or empty if the root does not know it
   */
  public Optional<PublisherKey> publisher(String id) {
    return publishers.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
