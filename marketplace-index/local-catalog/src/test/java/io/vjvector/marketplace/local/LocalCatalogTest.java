package io.vjvector.marketplace.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.marketplace.CatalogClient;
import io.vjvector.marketplace.CatalogEntry;
import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogSource;
import io.vjvector.marketplace.ManifestAdmission;
import io.vjvector.marketplace.PluginKind;
import io.vjvector.marketplace.PluginManifest;
import io.vjvector.marketplace.SigningKeys;
import io.vjvector.marketplace.TrustState;
import io.vjvector.marketplace.VerifiedCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.VersionRange;

/**
 * The catalog this module's build produced, checked the way a host will use it: verified from the
 * root public key, every artifact downloaded and admitted.
 */
class LocalCatalogTest {
  private static final String EMBEDDER = "io.vjvector.samples.openai.embedder";
  private static final String RELEASE = "io/vjvector/samples/openai/release.properties";
  private static final Path CATALOG = Path.of(System.getProperty("catalog.dir"));
  private static final Path KEYS = Path.of(System.getProperty("keys.dir"));

  private static CatalogClient client;
  private static VerifiedCatalog catalog;

  @TempDir Path downloads;

  @BeforeAll
  static void verify() throws Exception {
    client = new CatalogClient(CatalogSource.of(CATALOG), Clock.systemUTC());
    catalog = client.refresh(TrustState.initial(publicKey("root.pub")));
  }

  private static PublicKey publicKey(String file) throws Exception {
    return SigningKeys.readPublicKey(Files.readString(KEYS.resolve(file)));
  }

  private Path download(CatalogEntry entry) throws CatalogException {
    Path jar = downloads.resolve(entry.sha256() + ".jar");
    client.fetchArtifact(entry, jar);
    return jar;
  }

  private CatalogEntry entry(String coordinates) {
    return catalog.entries().stream()
        .filter(e -> e.coordinates().equals(coordinates))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + coordinates + " in " + catalog.entries()));
  }

  @Test
  void holdsEverySampleAndBothEmbedderReleases() {
    Map<String, String> kinds = new TreeMap<>();
    catalog.entries().forEach(e -> kinds.put(e.coordinates(), e.kind().id()));
    assertEquals(
        Map.of(
            "io.vjvector.samples.file.eventsink@1.0.0",
            PluginKind.EVENT_SINK.id(),
            "io.vjvector.samples.mmr.reranker@1.0.0",
            PluginKind.RERANKER.id(),
            EMBEDDER + "@1.0.0",
            PluginKind.EMBEDDER.id(),
            EMBEDDER + "@1.1.0",
            PluginKind.EMBEDDER.id()),
        kinds);
    assertEquals(2, catalog.installable(EMBEDDER).size());
    catalog.entries().forEach(e -> assertEquals(System.getProperty("publisher.id"), e.publisher()));
  }

  @Test
  void everyPluginNeedsOnlySdkOneAndJava17AndAsksOnlyForWhatItUses() {
    VersionRange sdk1 = VersionRange.valueOf("[1.0.0,2.0.0)");
    for (CatalogEntry e : catalog.entries()) {
      assertTrue(e.sdkImports().size() >= 1, e.coordinates());
      e.sdkImports()
          .forEach((pkg, range) -> assertEquals(sdk1, range, e.coordinates() + " " + pkg));
      assertEquals(17, e.javaVersion(), e.coordinates());
      assertEquals(
          e.id().equals(EMBEDDER) ? List.of("network") : List.of(),
          e.permissions(),
          e.coordinates());
    }
  }

  @Test
  void everyArtifactPassesAdmissionAndMatchesItsEntry() throws Exception {
    ManifestAdmission admission = new ManifestAdmission(ManifestAdmission.jdkPackages());
    for (CatalogEntry e : catalog.entries()) {
      Manifest manifest = PluginManifest.readManifest(download(e));
      assertEquals(List.of(), admission.check(manifest), e.coordinates());
      assertNull(manifest.getMainAttributes().getValue("Export-Package"), e.coordinates());
      assertEquals(List.of(), PluginManifest.of(manifest).differences(e), e.coordinates());
      String imports = manifest.getMainAttributes().getValue("Import-Package");
      for (String pkg : imports.split(",(?=[a-z])")) {
        String name = pkg.split(";")[0];
        assertTrue(name.startsWith("io.vjvector.sdk.") || name.startsWith("java."), name);
      }
    }
  }

  @Test
  void theTwoEmbedderReleasesDifferOnlyInVersion() throws Exception {
    Map<String, byte[]> v1 = contents(download(entry(EMBEDDER + "@1.0.0")));
    Map<String, byte[]> v2 = contents(download(entry(EMBEDDER + "@1.1.0")));
    assertEquals("1.0.0", release(v1));
    assertEquals("1.1.0", release(v2));
    assertEquals(v1.keySet(), v2.keySet());
    for (String name : v1.keySet()) {
      if (!name.equals(RELEASE) && !name.equals(JarFile.MANIFEST_NAME)) {
        assertArrayEquals(v1.get(name), v2.get(name), name);
      }
    }
    assertTrue(v1.containsKey("OSGI-INF/io.vjvector.samples.openai.OpenAiEmbedder.xml"));
  }

  @Test
  void aHostThatTrustsAnotherRootRejectsTheCatalog() {
    TrustState stranger = TrustState.initial(SigningKeys.generate().getPublic());
    CatalogException e = assertThrows(CatalogException.class, () -> client.refresh(stranger));
    assertTrue(
        e.reason() == CatalogException.Reason.UNKNOWN_KEY
            || e.reason() == CatalogException.Reason.MISSING_SIGNATURE
            || e.reason() == CatalogException.Reason.BAD_SIGNATURE,
        e.reason() + ": " + e.getMessage());
  }

  private static Map<String, byte[]> contents(Path jar) throws IOException {
    Map<String, byte[]> contents = new HashMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().filter(e -> !e.isDirectory()).toList()) {
        try (InputStream in = file.getInputStream(entry)) {
          contents.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return contents;
  }

  private static String release(Map<String, byte[]> contents) throws IOException {
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(contents.get(RELEASE)));
    return properties.getProperty("version");
  }
}
