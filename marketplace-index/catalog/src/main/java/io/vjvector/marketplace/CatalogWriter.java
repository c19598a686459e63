package io.vjvector.marketplace;

import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.internal.EntryCodec;
import io.vjvector.marketplace.internal.IndexCodec;
import io.vjvector.marketplace.internal.KeysCodec;
import io.vjvector.marketplace.internal.MetadataVerifier;
import io.vjvector.marketplace.internal.Role;
import io.vjvector.marketplace.internal.RootChain;
import io.vjvector.marketplace.internal.RootDocument;
import io.vjvector.marketplace.internal.SignatureCodec;
import io.vjvector.marketplace.internal.Signer;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The publishing side of the catalog format, for tools that build a catalog (the index builder):
 * documents and their detached signature files ({@code <document>.sig}). Its {@code parse} methods
 * read a catalog the tool itself owns and check no signature, expiry or version: hosts use {@link
 * CatalogClient}.
 */
public final class CatalogWriter {

  /** The delegations document, signed by the root key. */
  public static final String KEYS_FILE = MetadataVerifier.KEYS;

  /** The index, signed by the index key. */
  public static final String INDEX_FILE = MetadataVerifier.INDEX;

  /** Appended to a document's path to name its signature file. */
  public static final String SIGNATURE_SUFFIX = ".sig";

  private CatalogWriter() {}

  /**
   * @param version the root version, 1 for the first rotation
   * @return the path of that root document, {@code root/<version>.json}
   */
  public static String rootPath(long version) {
    return RootChain.path(version);
  }

  /**
   * @param version the new root version: the highest published plus one
   * @param rootKey the root key from that version on
   * @return the root document
   */
  public static byte[] root(long version, PublicKey rootKey) {
    return new RootDocument(version, TrustedKey.of(rootKey)).write();
  }

  /**
   * @param document a root document
   * @param previousRoot the root key in force until this version
   * @param newRoot the key the document names
   * @return its signature file, signed by both keys
   */
  public static byte[] signRoot(byte[] document, KeyPair previousRoot, KeyPair newRoot) {
    return signatures(Role.ROOT, document, List.of(previousRoot, newRoot));
  }

  /**
   * @param delegations the delegations
   * @return {@code keys.json}
   */
  public static byte[] keys(Delegations delegations) {
    return KeysCodec.write(delegations);
  }

  /**
   * @param document {@code keys.json}
   * @param root the root key in force
   * @return its signature file
   */
  public static byte[] signKeys(byte[] document, KeyPair root) {
    return signatures(Role.KEYS, document, List.of(root));
  }

  /**
   * @param entry an entry, signed or not
   * @param publisher the key pair of the entry's publisher
   * @return the entry carrying the publisher's signature
   * @throws CatalogException MALFORMED if the entry breaks a rule of the format
   */
  public static CatalogEntry signEntry(CatalogEntry entry, KeyPair publisher)
      throws CatalogException {
    EntryCodec.validate(entry, entry.coordinates());
    return entry.withSignature(Signer.sign(Role.ENTRY, EntryCodec.canonical(entry), publisher));
  }

  /**
   * @param index the index; every entry signed
   * @return {@code index.json}
   * @throws CatalogException MALFORMED if an entry is unsigned, invalid or listed twice
   */
  public static byte[] index(IndexDocument index) throws CatalogException {
    Set<String> seen = new HashSet<>();
    for (CatalogEntry entry : index.entries()) {
      EntryCodec.validate(entry, entry.coordinates());
      if (entry.signature() == null || !seen.add(entry.coordinates())) {
        throw new CatalogException(
            Reason.MALFORMED, entry.coordinates() + " is unsigned or listed twice");
      }
    }
    return IndexCodec.write(index);
  }

  /**
   * @param document {@code index.json}
   * @param indexKey the index key that {@code keys.json} delegates
   * @return its signature file
   */
  public static byte[] signIndex(byte[] document, KeyPair indexKey) {
    return signatures(Role.INDEX, document, List.of(indexKey));
  }

  /**
   * @param document {@code keys.json} of a catalog the caller owns
   * @return its content; nothing is verified
   * @throws CatalogException MALFORMED
   */
  public static Delegations parseKeys(byte[] document) throws CatalogException {
    return KeysCodec.read(document, KEYS_FILE);
  }

  /**
   * @param document {@code index.json} of a catalog the caller owns
   * @return its content; no signature is verified
   * @throws CatalogException MALFORMED
   */
  public static IndexDocument parseIndex(byte[] document) throws CatalogException {
    return IndexCodec.read(document, INDEX_FILE);
  }

  private static byte[] signatures(Role role, byte[] document, List<KeyPair> keys) {
    Map<String, KeySignature> byKey = new LinkedHashMap<>();
    for (KeyPair key : keys) {
      KeySignature signature = Signer.sign(role, document, key);
      byKey.putIfAbsent(signature.keyId(), signature);
    }
    return SignatureCodec.write(List.copyOf(byKey.values()));
  }
}
