package io.vjvector.marketplace;

import io.vjvector.marketplace.internal.SymbolicNames;
import java.util.List;
import java.util.Objects;

/**
 * A publisher's key as delegated by the root: the publisher may sign entries whose id (bundle
 * symbolic name) equals one of its prefixes or starts with a prefix followed by a dot.
 *
 * @param id the publisher id, e.g. {@code acme}
 * @param key the publisher's signing key
 * @param prefixes the symbolic-name prefixes it may publish under, e.g. {@code com.acme}
 */
public record PublisherKey(String id, TrustedKey key, List<String> prefixes) {

  /** Requires a valid id and at least one prefix, each a valid symbolic name. */
  public PublisherKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    prefixes = List.copyOf(prefixes);
    if (!SymbolicNames.isPublisherId(id)) {
      throw new IllegalArgumentException("bad publisher id '" + id + "'");
    }
    if (prefixes.isEmpty()) {
      throw new IllegalArgumentException("publisher " + id + " has no prefixes");
    }
    for (String prefix : prefixes) {
      if (!SymbolicNames.isValid(prefix)) {
        throw new IllegalArgumentException(
            "publisher " + id + ": prefix '" + prefix + "' is not a symbolic name");
      }
    }
  }

  /**
   * @param symbolicName an entry id
   * @return whether this publisher may sign an entry with that id
   */
  public boolean allows(String symbolicName) {
    for (String prefix : prefixes) {
      if (symbolicName.equals(prefix) || symbolicName.startsWith(prefix + ".")) {
        return true;
      }
    }
    return false;
  }
}
