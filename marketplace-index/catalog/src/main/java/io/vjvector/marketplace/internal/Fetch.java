package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.CatalogSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads metadata files with a size cap, so that a hostile mirror cannot make a client read without
 * end.
 */
public final class Fetch {

  public static final int ROOT_LIMIT = 64 * 1024;
  public static final int SIGNATURE_LIMIT = 64 * 1024;
  public static final int KEYS_LIMIT = 1024 * 1024;
  public static final int INDEX_LIMIT = 32 * 1024 * 1024;

  private Fetch() {}

  public static Optional<byte[]> optional(CatalogSource source, String path, int limit)
      throws CatalogException {
    Optional<InputStream> opened;
    try {
      opened = source.open(path);
    } catch (IOException e) {
      throw new CatalogException(
          Reason.IO_ERROR, "cannot read " + path + " from " + source + ": " + e.getMessage(), e);
    }
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = opened.get()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new CatalogException(
            Reason.MALFORMED, path + " is larger than the " + limit + " bytes allowed");
      }
      return Optional.of(bytes);
    } catch (IOException e) {
      throw new CatalogException(
          Reason.IO_ERROR, "cannot read " + path + " from " + source + ": " + e.getMessage(), e);
    }
  }

  public static byte[] required(CatalogSource source, String path, int limit)
      throws CatalogException {
    return optional(source, path, limit)
        .orElseThrow(() -> new CatalogException(Reason.NOT_FOUND, source + " has no " + path));
  }

  /** A detached signature file; its absence means the document is unsigned. */
  public static byte[] signatures(CatalogSource source, String document) throws CatalogException {
    return optional(source, document + ".sig", SIGNATURE_LIMIT)
        .orElseThrow(
            () ->
                new CatalogException(
                    Reason.MISSING_SIGNATURE,
                    document + " has no signature file " + document + ".sig"));
  }
}
