package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.CatalogSource;
import io.vjvector.marketplace.Delegations;
import io.vjvector.marketplace.IndexDocument;
import io.vjvector.marketplace.KeySignature;
import io.vjvector.marketplace.PublisherKey;
import io.vjvector.marketplace.TrustState;
import io.vjvector.marketplace.TrustedKey;
import io.vjvector.marketplace.VerifiedCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The whole trust decision, in order: root rotations, then {@code keys.json} against the root, then
 * {@code index.json} against the index key, then every entry against its publisher. Each document's
 * signature is checked before a byte of it is interpreted.
 */
public final class MetadataVerifier {

  public static final String KEYS = "keys.json";
  public static final String INDEX = "index.json";

  private final CatalogSource source;
  private final Clock clock;

  public MetadataVerifier(CatalogSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  public VerifiedCatalog verify(TrustState trusted) throws CatalogException {
    RootChain.Root root =
        RootChain.walk(source, new RootChain.Root(trusted.rootKey(), trusted.rootVersion()));
    Instant now = clock.instant();

    byte[] keysBytes = signedBy(Role.KEYS, KEYS, Fetch.KEYS_LIMIT, root.key(), rootName(root));
    Delegations keys = KeysCodec.read(keysBytes, KEYS);
    fresh(KEYS, keys.version(), keys.expires(), trusted.keysVersion(), now);

    byte[] indexBytes =
        signedBy(
            Role.INDEX,
            INDEX,
            Fetch.INDEX_LIMIT,
            keys.indexKey(),
            "index key of keys.json version " + keys.version());
    IndexDocument index = IndexCodec.read(indexBytes, INDEX);
    fresh(INDEX, index.version(), index.expires(), trusted.indexVersion(), now);
    for (CatalogEntry entry : index.entries()) {
      verifyEntry(entry, keys);
    }
    return new VerifiedCatalog(
        keys, index, new TrustState(root.key(), root.version(), keys.version(), index.version()));
  }

  private byte[] signedBy(Role role, String path, int limit, TrustedKey key, String keyName)
      throws CatalogException {
    byte[] document = Fetch.required(source, path, limit);
    List<KeySignature> signatures =
        SignatureCodec.read(Fetch.signatures(source, path), path + ".sig");
    Signer.requireSignedBy(role, path, document, signatures, key, keyName);
    return document;
  }

  private static void fresh(String path, long version, Instant expires, long seen, Instant now)
      throws CatalogException {
    if (version < seen) {
      throw new CatalogException(
          Reason.ROLLBACK,
          path + " version " + version + " is older than version " + seen + " seen before");
    }
    if (!now.isBefore(expires)) {
      throw new CatalogException(
          Reason.EXPIRED,
          path + " version " + version + " expired at " + expires + " (now " + now + ")");
    }
  }

  private static void verifyEntry(CatalogEntry entry, Delegations keys) throws CatalogException {
    String what = INDEX + ": " + entry.coordinates();
    PublisherKey publisher =
        keys.publisher(entry.publisher())
            .orElseThrow(
                () ->
                    new CatalogException(
                        Reason.UNKNOWN_KEY,
                        what
                            + " names publisher '"
                            + entry.publisher()
                            + "', which keys.json version "
                            + keys.version()
                            + " does not delegate"));
    if (!entry.signature().keyId().equals(publisher.key().keyId())) {
      throw new CatalogException(
          Reason.UNKNOWN_KEY,
          what
              + " is signed by key "
              + entry.signature().keyId()
              + ", not by the key of publisher '"
              + publisher.id()
              + "' ("
              + publisher.key().keyId()
              + ")");
    }
    Signer.requireSignedBy(
        Role.ENTRY,
        what,
        EntryCodec.canonical(entry),
        List.of(entry.signature()),
        publisher.key(),
        "key of publisher '" + publisher.id() + "'");
    if (!publisher.allows(entry.id())) {
      throw new CatalogException(
          Reason.PREFIX_VIOLATION,
          what
              + ": publisher '"
              + publisher.id()
              + "' may publish under "
              + publisher.prefixes()
              + " only");
    }
  }

  private static String rootName(RootChain.Root root) {
    return "root key of root version " + root.version();
  }
}
