package io.vjvector.marketplace;

import io.vjvector.marketplace.internal.ArtifactFetcher;
import io.vjvector.marketplace.internal.MetadataVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Reads a catalog from any {@link CatalogSource} and trusts nothing it has not verified. Typical
 * use by the host:
 *
 * <pre>{@code
 * TrustState state = Files.exists(stateFile) ? TrustState.load(stateFile)
 *                                            : TrustState.initial(shippedRootKey);
 * VerifiedCatalog catalog = client.refresh(state);
 * catalog.trustState().save(stateFile);            // rollback protection from now on
 * Compatibility.check(entry, hostSdk, Runtime.version().feature()).require();
 * client.fetchArtifact(entry, downloads.resolve(entry.sha256() + ".jar"));
 * admission.require(PluginManifest.readManifest(jar));
 * }</pre>
 */
public final class CatalogClient {

  private final CatalogSource source;
  private final Clock clock;

  /**
   * @param source where the catalog's files come from
   * @param clock the time that {@code expires} fields are compared with
   */
  public CatalogClient(CatalogSource source, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Follows root rotations, then verifies {@code keys.json}, {@code index.json} and every entry:
   * signatures, expiry, versions not older than {@code trusted}'s, publishers known and within
   * their prefixes. Any failure rejects the whole catalog.
   *
   * @param trusted what this client trusts and has seen
   * @return the verified catalog, with the trust state to persist
   * @throws CatalogException naming the first check that failed
   */
  public VerifiedCatalog refresh(TrustState trusted) throws CatalogException {
    return new MetadataVerifier(source, clock).verify(trusted);
  }

  /**
   * Downloads an entry's artifact to {@code target}, which is written only if the artifact's
   * length, SHA-256 and manifest match the entry.
   *
   * @param entry an entry of a {@link VerifiedCatalog}
   * @param target where the verified jar goes
   * @throws CatalogException SIZE_MISMATCH, DIGEST_MISMATCH, MANIFEST_MISMATCH, NOT_FOUND or
   *     IO_ERROR
   */
  public void fetchArtifact(CatalogEntry entry, Path target) throws CatalogException {
    ArtifactFetcher.fetch(source, entry, target);
  }
}
