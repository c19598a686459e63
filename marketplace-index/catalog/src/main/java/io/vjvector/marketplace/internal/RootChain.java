package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.CatalogSource;
import io.vjvector.marketplace.KeySignature;
import io.vjvector.marketplace.TrustedKey;
import java.util.List;
import java.util.Optional;

/**
 * Follows root rotations from the trusted root: {@code root/<n+1>.json} is accepted only when the
 * root key in force (version n) and the new key it names have both signed it. Absent files end the
 * walk; nothing ever moves the client back to an older root.
 */
public final class RootChain {

  /** The root in force after the walk. */
  public record Root(TrustedKey key, long version) {}

  /** More rotations than any real catalog will have; stops a mirror from walking us forever. */
  private static final int MAX_ROTATIONS = 1024;

  private RootChain() {}

  public static String path(long version) {
    return "root/" + version + ".json";
  }

  public static Root walk(CatalogSource source, Root trusted) throws CatalogException {
    Root current = trusted;
    for (int step = 0; step < MAX_ROTATIONS; step++) {
      long next = current.version() + 1;
      String path = path(next);
      Optional<byte[]> document = Fetch.optional(source, path, Fetch.ROOT_LIMIT);
      if (document.isEmpty()) {
        return current;
      }
      List<KeySignature> signatures =
          SignatureCodec.read(Fetch.signatures(source, path), path + ".sig");
      Signer.requireSignedBy(
          Role.ROOT,
          path,
          document.get(),
          signatures,
          current.key(),
          "root key of root version " + current.version());
      RootDocument root = RootDocument.read(document.get(), path);
      if (root.version() != next) {
        throw new CatalogException(
            Reason.MALFORMED, path + " says it is root version " + root.version());
      }
      Signer.requireSignedBy(
          Role.ROOT, path, document.get(), signatures, root.rootKey(), "new root key it names");
      current = new Root(root.rootKey(), next);
    }
    throw new CatalogException(
        Reason.MALFORMED, "more than " + MAX_ROTATIONS + " root rotations in one refresh");
  }
}
