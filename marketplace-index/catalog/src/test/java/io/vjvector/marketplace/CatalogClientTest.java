package io.vjvector.marketplace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.marketplace.CatalogException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class CatalogClientTest {

  @TempDir Path temp;
  TestCatalog catalog;

  @BeforeEach
  void setUp() throws Exception {
    catalog = new TestCatalog(temp);
  }

  @Test
  void verifiesACatalogAndItsArtifacts() throws Exception {
    catalog.publish("com.acme.embed", "1.2.0");
    catalog.publish("com.acme", "0.1.0");
    catalog.write();

    VerifiedCatalog verified = catalog.refresh();

    assertEquals(2, verified.entries().size());
    CatalogEntry entry = verified.entries().get(0);
    assertEquals("com.acme.embed", entry.id());
    assertEquals(new Version(1, 2, 0), entry.version());
    assertEquals("acme", entry.publisher());
    assertEquals(PluginKind.EMBEDDER, entry.kind());
    assertEquals(new VersionRange("[0.3.0,1.0.0)"), entry.sdkRange());
    assertEquals(
        Map.of(
            "io.vjvector.sdk.embed", new VersionRange("[0.1.0,1.0.0)"),
            "io.vjvector.sdk.vector", new VersionRange("[0.3.0,1.0.0)")),
        entry.sdkImports());
    assertEquals(17, entry.javaVersion());
    assertEquals(
        List.of("network;hosts=\"api.example.com,backup.example.com\""), entry.permissions());
    assertFalse(entry.yanked());
    assertEquals(new TrustState(catalog.initial().rootKey(), 0, 1, 1), verified.trustState());

    Path target = temp.resolve("downloads/plugin.jar");
    catalog.client().fetchArtifact(entry, target);
    assertArrayEquals(Files.readAllBytes(catalog.dir.resolve(entry.artifact())), readAll(target));
  }

  @Test
  void yankingNeedsNoPublisherSignature() throws Exception {
    catalog.publish("com.acme.embed", "1.0.0");
    catalog.entries.set(0, catalog.entries.get(0).withYanked(true));
    catalog.write();

    VerifiedCatalog verified = catalog.refresh();

    assertTrue(verified.entries().get(0).yanked());
    assertTrue(verified.installable("com.acme.embed").isEmpty());
  }

  @Test
  void artifactWithOtherBytesOfTheSameLengthIsRejected() throws Exception {
    CatalogEntry entry = catalog.publish("com.acme.embed", "1.0.0");
    catalog.write();
    Path artifact = catalog.dir.resolve(entry.artifact());
    byte[] bytes = Files.readAllBytes(artifact);
    bytes[bytes.length / 2] ^= 1;
    Files.write(artifact, bytes);

    Path target = temp.resolve("plugin.jar");
    assertReason(Reason.DIGEST_MISMATCH, () -> catalog.client().fetchArtifact(entry, target));
    assertFalse(Files.exists(target), "nothing is written when the check fails");
    assertEquals(List.of(), leftovers(temp), "no temporary file is left behind");
  }

  @Test
  void truncatedOrExtendedArtifactIsRejected() throws Exception {
    CatalogEntry entry = catalog.publish("com.acme.embed", "1.0.0");
    catalog.write();
    Path artifact = catalog.dir.resolve(entry.artifact());
    byte[] bytes = Files.readAllBytes(artifact);

    Files.write(artifact, java.util.Arrays.copyOf(bytes, bytes.length - 1));
    assertReason(
        Reason.SIZE_MISMATCH, () -> catalog.client().fetchArtifact(entry, temp.resolve("a.jar")));

    Files.write(artifact, java.util.Arrays.copyOf(bytes, bytes.length + 1));
    assertReason(
        Reason.SIZE_MISMATCH, () -> catalog.client().fetchArtifact(entry, temp.resolve("b.jar")));
  }

  @Test
  void missingArtifactIsNotFound() throws Exception {
    CatalogEntry entry = catalog.publish("com.acme.embed", "1.0.0");
    catalog.write();
    Files.delete(catalog.dir.resolve(entry.artifact()));

    assertReason(
        Reason.NOT_FOUND, () -> catalog.client().fetchArtifact(entry, temp.resolve("a.jar")));
  }

  @Test
  void artifactDescribingAnotherBundleIsRejected() throws Exception {
    // acme signs an entry in its own namespace that points at a jar of another name: the host
    // would otherwise install io.vjvector.engine under acme's prefix.
    catalog.publish("com.acme.embed", "1.0.0");
    CatalogEntry honest = catalog.entries.remove(0);
    Map<String, String> evil = TestJars.plugin("io.vjvector.engine", "1.0.0");
    catalog.publish(evil, "acme", catalog.acme);
    CatalogEntry evilEntry = catalog.entries.remove(0);
    CatalogEntry forged =
        CatalogWriter.signEntry(
            new CatalogEntry(
                honest.id(),
                honest.version(),
                honest.name(),
                honest.description(),
                honest.publisher(),
                honest.kind(),
                honest.sdkImports(),
                honest.sdkRange(),
                honest.javaVersion(),
                evilEntry.artifact(),
                evilEntry.size(),
                evilEntry.sha256(),
                honest.permissions(),
                false,
                null),
            catalog.acme);
    catalog.entries.add(forged);
    catalog.write();

    CatalogEntry verified = catalog.refresh().entries().get(0);
    CatalogException e =
        assertReason(
            Reason.MANIFEST_MISMATCH,
            () -> catalog.client().fetchArtifact(verified, temp.resolve("x.jar")));
    assertTrue(e.getMessage().contains("id (manifest: io.vjvector.engine"), e.getMessage());
  }

  @Test
  void tamperedIndexFailsItsSignature() throws Exception {
    catalog.publish("com.acme.embed", "1.0.0");
    catalog.write();
    replaceInFile(CatalogWriter.INDEX_FILE, "\"yanked\" : false", "\"yanked\" : true");

    assertReason(Reason.BAD_SIGNATURE, catalog::refresh);
  }

  @Test
  void tamperedKeysFailsItsSignature() throws Exception {
    catalog.write();
    replaceInFile(CatalogWriter.KEYS_FILE, "\"com.acme\"", "\"io\"");

    assertReason(Reason.BAD_SIGNATURE, catalog::refresh);
  }

  @Test
  void entryChangedByTheIndexOperatorFailsThePublisherSignature() throws Exception {
    CatalogEntry entry = catalog.publish("com.acme.embed", "1.0.0");
    CatalogEntry widened =
        new CatalogEntry(
            entry.id(),
            entry.version(),
            entry.name(),
            entry.description(),
            entry.publisher(),
            entry.kind(),
            entry.sdkImports(),
            entry.sdkRange(),
            entry.javaVersion(),
            entry.artifact(),
            entry.size(),
            entry.sha256(),
            List.of("filesystem.write"),
            false,
            entry.signature());
    catalog.entries.set(0, widened);
    catalog.write();

    CatalogException e = assertReason(Reason.BAD_SIGNATURE, catalog::refresh);
    assertTrue(e.getMessage().contains("com.acme.embed@1.0.0"), e.getMessage());
  }

  @Test
  void indexSignedByAnotherKeyIsRejected() throws Exception {
    catalog.publish("com.acme.embed", "1.0.0");
    catalog.writeKeys().writeIndex(catalog.acme);

    assertReason(Reason.MISSING_SIGNATURE, catalog::refresh);
  }

  @Test
  void keysSignedByAnotherKeyOrUnsignedAreRejected() throws Exception {
    catalog.writeKeys(SigningKeys.generate()).writeIndex();
    assertReason(Reason.MISSING_SIGNATURE, catalog::refresh);

    catalog.write();
    Files.delete(catalog.dir.resolve("keys.json.sig"));
    assertReason(Reason.MISSING_SIGNATURE, catalog::refresh);
  }

  @Test
  void expiredMetadataIsRejected() throws Exception {
    catalog.publish("com.acme.embed", "1.0.0");
    catalog.indexExpires = TestCatalog.NOW;
    catalog.write();
    CatalogException e = assertReason(Reason.EXPIRED, catalog::refresh);
    assertTrue(e.getMessage().startsWith("EXPIRED: index.json"), e.getMessage());

    catalog.indexExpires = TestCatalog.NOW.plus(Duration.ofDays(1));
    catalog.keysExpires = TestCatalog.NOW.minusSeconds(1);
    catalog.write();
    e = assertReason(Reason.EXPIRED, catalog::refresh);
    assertTrue(e.getMessage().startsWith("EXPIRED: keys.json"), e.getMessage());
  }

  @Test
  void olderMetadataThanSeenBeforeIsARollback() throws Exception {
    catalog.publish("com.acme.embed", "1.0.0");
    catalog.indexVersion = 5;
    catalog.keysVersion = 3;
    catalog.write();
    TrustState seen = catalog.refresh().trustState();
    assertEquals(5, seen.indexVersion());
    assertEquals(3, seen.keysVersion());
    assertEquals(seen, catalog.client().refresh(seen).trustState(), "the same versions again");

    catalog.indexVersion = 4;
    catalog.writeIndex();
    CatalogException e = assertReason(Reason.ROLLBACK, () -> catalog.client().refresh(seen));
    assertTrue(e.getMessage().contains("index.json version 4"), e.getMessage());

    catalog.indexVersion = 5;
    catalog.keysVersion = 2;
    catalog.write();
    e = assertReason(Reason.ROLLBACK, () -> catalog.client().refresh(seen));
    assertTrue(e.getMessage().contains("keys.json version 2"), e.getMessage());
  }

  @Test
  void publisherSigningOutsideItsPrefixIsRejected() throws Exception {
    catalog.publish("com.acmex.embed", "1.0.0");
    catalog.write();

    CatalogException e = assertReason(Reason.PREFIX_VIOLATION, catalog::refresh);
    assertTrue(e.getMessage().contains("com.acmex.embed@1.0.0"), e.getMessage());
  }

  @Test
  void unknownPublisherIsRejected() throws Exception {
    KeyPair mallory = SigningKeys.generate();
    catalog.publish(TestJars.plugin("com.acme.embed", "1.0.0"), "mallory", mallory);
    catalog.write();

    CatalogException e = assertReason(Reason.UNKNOWN_KEY, catalog::refresh);
    assertTrue(e.getMessage().contains("'mallory'"), e.getMessage());
  }

  @Test
  void entrySignedByAKeyThatIsNotItsPublishersIsRejected() throws Exception {
    catalog.publish(TestJars.plugin("com.acme.embed", "1.0.0"), "acme", SigningKeys.generate());
    catalog.write();

    assertReason(Reason.UNKNOWN_KEY, catalog::refresh);
  }

  @Test
  void missingIndexIsNotFound() throws Exception {
    catalog.writeKeys();

    assertReason(Reason.NOT_FOUND, catalog::refresh);
  }

  @Test
  void signedButMalformedIndexIsRejected() throws Exception {
    catalog.writeKeys();
    for (String text :
        List.of(
            "{\"type\":\"vjvector-index\",\"specVersion\":1,\"version\":1,\"version\":2}",
            "{\"type\":\"vjvector-index\",\"specVersion\":2,\"version\":1,"
                + "\"expires\":\"2031-01-01T00:00:00Z\",\"entries\":[]}",
            "{\"type\":\"vjvector-index\",\"specVersion\":1,\"version\":1,"
                + "\"expires\":\"2031-01-01T00:00:00Z\",\"entries\":[],\"extra\":1}",
            "not json")) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      catalog.write(CatalogWriter.INDEX_FILE, bytes);
      catalog.write(
          CatalogWriter.INDEX_FILE + ".sig", CatalogWriter.signIndex(bytes, catalog.indexKey));
      assertReason(Reason.MALFORMED, catalog::refresh);
    }
  }

  @Test
  void entryWithoutSdkImportsHasNoSdkRange() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.tool", "1.0.0");
    headers.put("Import-Package", "java.util");
    CatalogEntry entry = catalog.publish(headers, "acme", catalog.acme);
    catalog.write();

    assertNull(entry.sdkRange());
    assertEquals(entry, catalog.refresh().entries().get(0));
  }

  private void replaceInFile(String path, String from, String to) throws Exception {
    Path file = catalog.dir.resolve(path);
    String text = Files.readString(file);
    assertTrue(text.contains(from), text);
    Files.writeString(file, text.replace(from, to));
  }

  private static byte[] readAll(Path file) throws Exception {
    return Files.readAllBytes(file);
  }

  private static List<Path> leftovers(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(".download-")).toList();
    }
  }

  static CatalogException assertReason(Reason reason, Executable executable) {
    CatalogException e = assertThrows(CatalogException.class, executable);
    assertEquals(reason, e.reason(), e.getMessage());
    return e;
  }
}
