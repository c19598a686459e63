package io.vjvector.marketplace;

import java.util.List;
import java.util.Objects;

/**
 * A catalog that passed every check of {@link CatalogClient#refresh}.
 *
 * @param keys the delegations in force
 * @param index the index, every entry verified against its publisher
 * @param trustState the state to persist so that later refreshes refuse older metadata
 */
public record VerifiedCatalog(Delegations keys, IndexDocument index, TrustState trustState) {

  /** Requires all three. */
  public VerifiedCatalog {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(trustState, "trustState");
  }

  /**
   * @return the verified entries, yanked ones included
   */
  public List<CatalogEntry> entries() {
    return index.entries();
  }

  /**
   * @param id a plugin id
   * @return its entries that are not yanked, in catalog order
   */
  public List<CatalogEntry> installable(String id) {
    return index.entries().stream().filter(e -> e.id().equals(id) && !e.yanked()).toList();
  }
}
