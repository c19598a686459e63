package io.vjvector.itests;

import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogWriter;
import io.vjvector.marketplace.Delegations;
import io.vjvector.marketplace.IndexDocument;
import io.vjvector.marketplace.PluginManifest;
import io.vjvector.marketplace.PublisherKey;
import io.vjvector.marketplace.SigningKeys;
import io.vjvector.marketplace.TrustedKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Signed catalogs for the marketplace tests, written by the test (outside the container) with the
 * catalog library, one directory per case, all under one root key:
 *
 * <ul>
 *   <li>{@code good/}: keys v1, index v5 with the sample embedder 1.0.0 and 1.1.0, a broken 1.2.0
 *       of it (starts, never registers its service), a plugin with a forbidden import and one that
 *       needs SDK 2;
 *   <li>{@code tampered/}: the same signed metadata, artifact bytes changed;
 *   <li>{@code badsig/}: index v6 signed by a key the root never delegated;
 *   <li>{@code expired/}: index v6 whose {@code expires} has passed;
 *   <li>{@code prefix/}: index v6 with an entry outside the publisher's prefix;
 *   <li>{@code old/}: a valid index v4 (older than v5: a rollback once v5 was seen).
 * </ul>
 */
final class TestCatalogs {
  static final String PUBLISHER = "vjvector-samples";
  static final String PREFIX = "io.vjvector.samples";
  static final String FORBIDDEN = PREFIX + ".forbidden";
  static final String FUTURE = PREFIX + ".future";

  private final KeyPair root = SigningKeys.generate();
  private final KeyPair index = SigningKeys.generate();
  private final KeyPair publisher = SigningKeys.generate();
  private final KeyPair stranger = SigningKeys.generate();
  private final Path dir;

  TestCatalogs(Path dir) {
    this.dir = dir;
  }

  /** Writes every case; returns the PEM file of the root key the host must trust. */
  Path write(String embedderId, Path embedderV1, Path embedderV2) throws Exception {
    Files.createDirectories(dir);
    Path forbidden =
        manifestOnlyJar(
            dir.resolve("forbidden.jar"),
            FORBIDDEN,
            "io.vjvector.sdk.embed;version=\"[1.0,2)\",org.apache.cxf.jaxrs;version=\"[3.6,4)\"");
    Path future =
        manifestOnlyJar(
            dir.resolve("future.jar"), FUTURE, "io.vjvector.sdk.embed;version=\"[2.0,3)\"");
    Path evil =
        manifestOnlyJar(
            dir.resolve("evil.jar"),
            "com.evil.embedder",
            "io.vjvector.sdk.embed;version=\"[1.0,2)\"");
    // the embedder's next version, broken: it resolves and starts but never registers its service
    Path broken =
        manifestOnlyJar(
            dir.resolve("broken.jar"),
            embedderId,
            "1.2.0",
            "io.vjvector.sdk.embed;version=\"[1.0,2)\"");
    List<Path> good = List.of(embedderV1, embedderV2, broken, forbidden, future);
    Instant later = Instant.now().plus(Duration.ofDays(30));

    catalog("good", good, 5, later, index);
    catalog("tampered", good, 5, later, index);
    for (Path jar : List.of(embedderV1, embedderV2, broken)) {
      Path artifact = dir.resolve("tampered").resolve(CatalogEntry.artifactPath(sha256(jar)));
      byte[] bytes = Files.readAllBytes(artifact);
      bytes[bytes.length / 2] ^= 0x5a;
      Files.write(artifact, bytes);
    }
    catalog("badsig", good, 6, later, stranger);
    catalog("expired", good, 6, Instant.now().minus(Duration.ofDays(1)), index);
    List<Path> withEvil = new ArrayList<>(good);
    withEvil.add(evil);
    catalog("prefix", withEvil, 6, later, index);
    catalog("old", good, 4, later, index);

    Path pem = dir.resolve("root.pem");
    Files.writeString(pem, SigningKeys.toPem(root.getPublic()), StandardCharsets.US_ASCII);
    return pem;
  }

  private void catalog(String name, List<Path> jars, long version, Instant expires, KeyPair signer)
      throws Exception {
    Path c = dir.resolve(name);
    Files.createDirectories(c.resolve("artifacts/sha256"));
    Delegations keys =
        new Delegations(
            1,
            Instant.now().plus(Duration.ofDays(365)),
            TrustedKey.of(index.getPublic()),
            List.of(
                new PublisherKey(
                    PUBLISHER, TrustedKey.of(publisher.getPublic()), List.of(PREFIX))));
    byte[] keysBytes = CatalogWriter.keys(keys);
    Files.write(c.resolve("keys.json"), keysBytes);
    Files.write(c.resolve("keys.json.sig"), CatalogWriter.signKeys(keysBytes, root));
    List<CatalogEntry> entries = new ArrayList<>();
    for (Path jar : jars) {
      String sha = sha256(jar);
      Files.copy(jar, c.resolve(CatalogEntry.artifactPath(sha)));
      PluginManifest m = PluginManifest.of(PluginManifest.readManifest(jar));
      entries.add(CatalogWriter.signEntry(m.toEntry(PUBLISHER, Files.size(jar), sha), publisher));
    }
    byte[] indexBytes = CatalogWriter.index(new IndexDocument(version, expires, entries));
    Files.write(c.resolve("index.json"), indexBytes);
    Files.write(c.resolve("index.json.sig"), CatalogWriter.signIndex(indexBytes, signer));
  }

  /** A bundle that is only a manifest: enough for the checks that must refuse it. */
  private static Path manifestOnlyJar(Path file, String bsn, String imports) throws IOException {
    return manifestOnlyJar(file, bsn, "1.0.0", imports);
  }

  private static Path manifestOnlyJar(Path file, String bsn, String version, String imports)
      throws IOException {
    Manifest mf = new Manifest();
    Attributes a = mf.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Bundle-ManifestVersion", "2");
    a.putValue("Bundle-SymbolicName", bsn);
    a.putValue("Bundle-Version", version);
    a.putValue("Bundle-Name", bsn);
    a.putValue("Import-Package", imports);
    a.putValue("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
    a.putValue("VJVector-Kind", "embedder");
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, mf)) {
      jar.flush();
    }
    return file;
  }

  static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
