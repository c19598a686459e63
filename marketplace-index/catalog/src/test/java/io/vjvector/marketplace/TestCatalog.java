package io.vjvector.marketplace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A catalog on disk written through {@link CatalogWriter}: one root, one index key, publisher
 * {@code acme} under {@code com.acme}. Tests change a field and rewrite the documents to make each
 * case.
 */
final class TestCatalog {

  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final Path dir;
  final Path work;
  KeyPair root = SigningKeys.generate();
  KeyPair indexKey = SigningKeys.generate();
  KeyPair acme = SigningKeys.generate();
  long keysVersion = 1;
  Instant keysExpires = NOW.plus(Duration.ofDays(365));
  long indexVersion = 1;
  Instant indexExpires = NOW.plus(Duration.ofDays(7));
  final List<PublisherKey> publishers = new ArrayList<>();
  final List<CatalogEntry> entries = new ArrayList<>();

  TestCatalog(Path temp) throws IOException {
    dir = Files.createDirectories(temp.resolve("catalog"));
    work = Files.createDirectories(temp.resolve("work"));
    publishers.add(new PublisherKey("acme", TrustedKey.of(acme.getPublic()), List.of("com.acme")));
  }

  /** Writes a plugin jar, stores it content-addressed and lists its entry signed by acme. */
  CatalogEntry publish(String symbolicName, String version) throws Exception {
    return publish(TestJars.plugin(symbolicName, version), "acme", acme);
  }

  CatalogEntry publish(Map<String, String> headers, String publisher, KeyPair signer)
      throws Exception {
    Path jar = TestJars.write(work.resolve(headers.get("Bundle-SymbolicName") + ".jar"), headers);
    byte[] bytes = Files.readAllBytes(jar);
    String sha256 = sha256(bytes);
    Path stored = dir.resolve(CatalogEntry.artifactPath(sha256));
    Files.createDirectories(stored.getParent());
    Files.write(stored, bytes);
    CatalogEntry entry =
        CatalogWriter.signEntry(
            PluginManifest.of(PluginManifest.readManifest(jar))
                .toEntry(publisher, bytes.length, sha256),
            signer);
    entries.add(entry);
    return entry;
  }

  TestCatalog writeKeys() throws IOException {
    return writeKeys(root);
  }

  TestCatalog writeKeys(KeyPair signer) throws IOException {
    byte[] keys =
        CatalogWriter.keys(
            new Delegations(
                keysVersion, keysExpires, TrustedKey.of(indexKey.getPublic()), publishers));
    write(CatalogWriter.KEYS_FILE, keys);
    write(CatalogWriter.KEYS_FILE + ".sig", CatalogWriter.signKeys(keys, signer));
    return this;
  }

  TestCatalog writeIndex() throws Exception {
    return writeIndex(indexKey);
  }

  TestCatalog writeIndex(KeyPair signer) throws Exception {
    byte[] index = CatalogWriter.index(new IndexDocument(indexVersion, indexExpires, entries));
    write(CatalogWriter.INDEX_FILE, index);
    write(CatalogWriter.INDEX_FILE + ".sig", CatalogWriter.signIndex(index, signer));
    return this;
  }

  TestCatalog write() throws Exception {
    return writeKeys().writeIndex();
  }

  void write(String path, byte[] bytes) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  TrustState initial() {
    return TrustState.initial(root.getPublic());
  }

  CatalogClient client() {
    return new CatalogClient(CatalogSource.of(dir), CLOCK);
  }

  VerifiedCatalog refresh() throws CatalogException {
    return client().refresh(initial());
  }

  static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
