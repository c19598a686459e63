package io.vjvector.marketplace;

import io.vjvector.marketplace.internal.TrustStateFile;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Objects;

/**
 * What a client trusts and has seen: the current root key and the highest versions of the root,
 * {@code keys.json} and {@code index.json} it has accepted. The client persists it after every
 * successful {@link CatalogClient#refresh} and never accepts older metadata afterwards.
 *
 * @param rootKey the root key in force
 * @param rootVersion the version of the root document that named it; 0 for the shipped key
 * @param keysVersion the highest {@code keys.json} version accepted; 0 if none
 * @param indexVersion the highest {@code index.json} version accepted; 0 if none
 */
public record TrustState(
    TrustedKey rootKey, long rootVersion, long keysVersion, long indexVersion) {

  /** Requires a key and non-negative versions. */
  public TrustState {
    Objects.requireNonNull(rootKey, "rootKey");
    if (rootVersion < 0 || keysVersion < 0 || indexVersion < 0) {
      throw new IllegalArgumentException("versions cannot be negative");
    }
  }

  /**
   * @param shippedRootKey the root key that ships with the host
   * @return the state of a client that has seen nothing yet
   */
  public static TrustState initial(PublicKey shippedRootKey) {
    return initial(shippedRootKey, 0);
  }

  /**
   * @param shippedRootKey a root key that ships with the host after a rotation
   * @param rootVersion the root version that named it ({@code root/<rootVersion>.json}); the walk
   *     continues after it, since earlier rotations are not signed by this key
   * @return the state of a client that has seen nothing yet
   */
  public static TrustState initial(PublicKey shippedRootKey, long rootVersion) {
    return new TrustState(TrustedKey.of(shippedRootKey), rootVersion, 0, 0);
  }

  /**
   * @param file a file written by {@link #save}
   * @return the state it holds
   * @throws CatalogException MALFORMED or IO_ERROR: a client that cannot read its state must not
   *     start over from the shipped key, or rollback protection would be lost
   */
  public static TrustState load(Path file) throws CatalogException {
    return TrustStateFile.load(file);
  }

  /**
   * Writes the state durably and atomically (temporary file, fsync, rename).
   *
   * @param file where to keep it
   * @throws CatalogException IO_ERROR if it cannot be written
   */
  public void save(Path file) throws CatalogException {
    TrustStateFile.save(this, file);
  }
}
