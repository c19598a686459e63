package io.vjvector.marketplace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code index.json}, signed by the index key.
 *
 * @param version increases with every change; clients refuse a version older than one they saw
 * @param expires clients refuse the document from this time on
 * @param entries the plugins, each signed by its publisher
 */
public record IndexDocument(long version, Instant expires, List<CatalogEntry> entries) {

  /** Requires a positive version. */
  public IndexDocument {
    Objects.requireNonNull(expires, "expires");
    entries = List.copyOf(entries);
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
  }
}
