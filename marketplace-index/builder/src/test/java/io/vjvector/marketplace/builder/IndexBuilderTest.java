package io.vjvector.marketplace.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder end to end, as a release script would drive it. */
class IndexBuilderTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  @TempDir Path temp;
  Path keys;
  Path catalog;
  Path plugins;
  Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  String out;
  String err;

  @BeforeEach
  void setUp() throws Exception {
    keys = temp.resolve("keys");
    catalog = temp.resolve("catalog");
    plugins = Files.createDirectories(temp.resolve("plugins"));
    for (String key : List.of("root", "index", "acme", "other")) {
      ok("keygen", "--out", key(key));
    }
    ok(
        "delegate",
        "--root-key",
        key("root") + ".key",
        "--catalog",
        catalog.toString(),
        "--index-public-key",
        key("index") + ".pub",
        "--publisher",
        "acme",
        "--public-key",
        key("acme") + ".pub",
        "--prefix",
        "com.acme.");
  }

  @Test
  void keygenWritesAPrivateKeyOnlyItsOwnerCanRead() throws Exception {
    Path privateKey = Path.of(key("root") + ".key");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
    assertTrue(Files.readString(privateKey).contains("-----BEGIN PRIVATE KEY-----"));
    assertEquals(2, run("keygen", "--out", key("root")), "never overwrites a key");
  }

  @Test
  void buildsAndVerifiesACatalog() throws Exception {
    PluginJars.write(plugins, "com.acme.embed", "1.0.0");
    PluginJars.write(plugins, "com.acme.chunk", "2.1.0");

    ok(build("--artifacts", plugins.toString(), "--root-key", key("root") + ".pub"));
    assertTrue(out.contains("added com.acme.embed@1.0.0 embedder"), out);
    assertTrue(out.contains("index.json version 1, 2 entries"), out);

    ok("verify", catalog.toString(), "--root-key", key("root") + ".pub");
    assertTrue(out.contains("2 entries"), out);
    assertTrue(out.contains("ok com.acme.chunk@2.1.0"), out);
    try (Stream<Path> stored = Files.list(catalog.resolve("artifacts/sha256"))) {
      assertTrue(
          stored.allMatch(f -> f.getFileName().toString().matches("[0-9a-f]{64}\\.jar")),
          "artifacts are stored under their digest only");
    }
    // A later build keeps existing entries and raises the version.
    PluginJars.write(plugins, "com.acme.embed", "1.1.0");
    ok(build("--artifacts", plugins.resolve("com.acme.embed-1.1.0.jar").toString()));
    assertTrue(out.contains("index.json version 2, 3 entries"), out);
  }

  @Test
  void tamperedArtifactIsCaughtByVerify() throws Exception {
    PluginJars.write(plugins, "com.acme.embed", "1.0.0");
    ok(build("--artifacts", plugins.toString()));
    Path artifact;
    try (Stream<Path> stored = Files.list(catalog.resolve("artifacts/sha256"))) {
      artifact = stored.findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(artifact);
    bytes[bytes.length - 30] ^= 0x20;
    Files.write(artifact, bytes);

    fails("DIGEST_MISMATCH", "verify", catalog.toString(), "--root-key", key("root") + ".pub");
    ok("verify", catalog.toString(), "--root-key", key("root") + ".pub", "--no-artifacts");
  }

  @Test
  void pluginOutsideThePublishersPrefixIsRefused() throws Exception {
    PluginJars.write(plugins, "org.example.embed", "1.0.0");

    fails("PREFIX_VIOLATION", build("--artifacts", plugins.toString()));
    assertTrue(err.contains("org.example.embed-1.0.0.jar"), err);
    assertTrue(Files.notExists(catalog.resolve("index.json")), "nothing is published");
  }

  @Test
  void pluginWithForbiddenImportsIsRefusedWithEveryViolation() throws Exception {
    Map<String, String> headers = PluginJars.headers("com.acme.embed", "1.0.0");
    headers.put("Import-Package", "io.vjvector.engine,org.osgi.framework,io.vjvector.sdk.embed");
    headers.put("DynamicImport-Package", "*");
    headers.put("Export-Package", "io.vjvector.sdk.embed");
    PluginJars.write(plugins.resolve("bad.jar"), headers, "bad");

    fails("NOT_ADMISSIBLE", build("--artifacts", plugins.toString()));
    for (String violation :
        List.of(
            "FORBIDDEN_IMPORT io.vjvector.engine",
            "FORBIDDEN_IMPORT org.osgi.framework",
            "DYNAMIC_IMPORT",
            "FORBIDDEN_EXPORT io.vjvector.sdk.embed")) {
      assertTrue(err.contains(violation), err);
    }
    // The operator may allow more system packages; the io.vjvector rules stay.
    headers.remove("DynamicImport-Package");
    headers.remove("Export-Package");
    headers.put("Import-Package", "org.osgi.framework,io.vjvector.sdk.embed");
    PluginJars.write(plugins.resolve("bad.jar"), headers, "better");
    ok(build("--artifacts", plugins.toString(), "--allow-package", "org.osgi.framework"));
  }

  @Test
  void publishedVersionsNeverChange() throws Exception {
    PluginJars.write(plugins, "com.acme.embed", "1.0.0");
    ok(build("--artifacts", plugins.toString()));
    PluginJars.write(
        plugins.resolve("com.acme.embed-1.0.0.jar"),
        PluginJars.headers("com.acme.embed", "1.0.0"),
        "different bytes");

    fails("MALFORMED", build("--artifacts", plugins.toString()));
    assertTrue(err.contains("already published with other content"), err);
  }

  @Test
  void expiredIndexIsRejected() throws Exception {
    PluginJars.write(plugins, "com.acme.embed", "1.0.0");
    ok(build("--artifacts", plugins.toString(), "--expires-days", "1"));

    clock = Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC);
    fails("EXPIRED", "verify", catalog.toString(), "--root-key", key("root") + ".pub");
    assertTrue(err.contains("index.json"), err);
  }

  @Test
  void stateFileTurnsAnOldIndexIntoARollback() throws Exception {
    String state = temp.resolve("state.json").toString();
    PluginJars.write(plugins, "com.acme.embed", "1.0.0");
    ok(build("--artifacts", plugins.toString()));
    Path saved = Files.createDirectories(temp.resolve("v1"));
    for (String file : List.of("index.json", "index.json.sig")) {
      Files.copy(catalog.resolve(file), saved.resolve(file));
    }
    ok(build("--yank", "com.acme.embed@1.0.0"));
    ok("verify", catalog.toString(), "--root-key", key("root") + ".pub", "--state", state);
    assertTrue(out.contains("(yanked)"), out);

    for (String file : List.of("index.json", "index.json.sig")) {
      Files.copy(saved.resolve(file), catalog.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    // Without the state, version 1 is valid; with it, it undoes a yank and is refused.
    ok("verify", catalog.toString(), "--root-key", key("root") + ".pub");
    fails(
        "ROLLBACK",
        "verify",
        catalog.toString(),
        "--root-key",
        key("root") + ".pub",
        "--state",
        state);
  }

  @Test
  void unknownOrWrongKeysAreRefused() throws Exception {
    PluginJars.write(plugins, "com.acme.embed", "1.0.0");

    fails(
        "UNKNOWN_KEY",
        "build",
        "--out",
        catalog.toString(),
        "--publisher-key",
        key("other") + ".key",
        "--index-key",
        key("index") + ".key",
        "--artifacts",
        plugins.toString());
    fails(
        "UNKNOWN_KEY",
        "build",
        "--out",
        catalog.toString(),
        "--publisher-key",
        key("acme") + ".key",
        "--artifacts",
        plugins.toString());
    ok(build("--artifacts", plugins.toString()));
    fails("MISSING_SIGNATURE", "verify", catalog.toString(), "--root-key", key("other") + ".pub");
  }

  @Test
  void rootRotationIsFollowedByClientsOfTheOldRoot() throws Exception {
    PluginJars.write(plugins, "com.acme.embed", "1.0.0");
    ok(build("--artifacts", plugins.toString()));
    String state = temp.resolve("state.json").toString();
    ok("verify", catalog.toString(), "--root-key", key("root") + ".pub", "--state", state);
    ok("keygen", "--out", key("root2"));

    ok(
        "rotate-root",
        "--catalog",
        catalog.toString(),
        "--root-key",
        key("root") + ".key",
        "--new-root-key",
        key("root2") + ".key");
    assertTrue(Files.exists(catalog.resolve("root/1.json.sig")));

    // The shipped (old) root key still leads to the catalog through the cross-signed rotation,
    // and so does the state saved before the rotation.
    ok("verify", catalog.toString(), "--root-key", key("root") + ".pub");
    assertTrue(out.contains("root version 1"), out);
    ok("verify", catalog.toString(), "--root-key", key("root") + ".pub", "--state", state);
    // A new assembly ships the new key with the root version that named it.
    ok("verify", catalog.toString(), "--root-key", key("root2") + ".pub", "--root-version", "1");
    // From now on only the new root signs delegations.
    ok(
        "delegate",
        "--root-key",
        key("root2") + ".key",
        "--catalog",
        catalog.toString(),
        "--publisher",
        "other",
        "--public-key",
        key("other") + ".pub",
        "--prefix",
        "org.other");
    ok("verify", catalog.toString(), "--root-key", key("root") + ".pub", "--state", state);
    ok(
        "delegate",
        "--root-key",
        key("root") + ".key",
        "--catalog",
        catalog.toString(),
        "--revoke",
        "other");
    fails("MISSING_SIGNATURE", "verify", catalog.toString(), "--root-key", key("root") + ".pub");
  }

  @Test
  void rootRotationWithoutTheNewKeysSignatureIsRejected() throws Exception {
    PluginJars.write(plugins, "com.acme.embed", "1.0.0");
    ok(build("--artifacts", plugins.toString()));
    ok("keygen", "--out", key("root2"));
    ok(
        "rotate-root",
        "--catalog",
        catalog.toString(),
        "--root-key",
        key("root") + ".key",
        "--new-root-key",
        key("root2") + ".key");
    // Keep only the old root's signature on root/1.json.
    Path sig = catalog.resolve("root/1.json.sig");
    String text = Files.readString(sig);
    int second = text.indexOf("}, {");
    assertTrue(second > 0, text);
    Files.writeString(sig, text.substring(0, second) + "} ]\n}\n");

    fails("MISSING_SIGNATURE", "verify", catalog.toString(), "--root-key", key("root") + ".pub");
  }

  @Test
  void publisherKeyRotationReSignsItsEntries() throws Exception {
    PluginJars.write(plugins, "com.acme.embed", "1.0.0");
    ok(build("--artifacts", plugins.toString()));
    ok("keygen", "--out", key("acme2"));
    ok(
        "delegate",
        "--root-key",
        key("root") + ".key",
        "--catalog",
        catalog.toString(),
        "--publisher",
        "acme",
        "--public-key",
        key("acme2") + ".pub",
        "--prefix",
        "com.acme");
    fails("UNKNOWN_KEY", "verify", catalog.toString(), "--root-key", key("root") + ".pub");

    ok(
        "build",
        "--out",
        catalog.toString(),
        "--publisher-key",
        key("acme2") + ".key",
        "--index-key",
        key("index") + ".key");
    ok("verify", catalog.toString(), "--root-key", key("root") + ".pub");
  }

  @Test
  void usageErrors() {
    assertEquals(2, run());
    assertEquals(2, run("frobnicate"));
    assertEquals(2, run("build", "--out", catalog.toString(), "--expire-days", "3"));
    assertTrue(err.contains("unknown option --expire-days"), err);
    assertEquals(2, run("verify", catalog.toString()));
  }

  private String[] build(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "build",
                "--out",
                catalog.toString(),
                "--publisher-key",
                key("acme") + ".key",
                "--index-key",
                key("index") + ".key"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private String key(String name) {
    return keys.resolve(name).toString();
  }

  private void ok(String... args) {
    assertEquals(0, run(args), () -> "exit status of " + List.of(args) + "\n" + out + err);
  }

  private void fails(String reason, String... args) {
    assertEquals(1, run(args), () -> "exit status of " + List.of(args) + "\n" + out + err);
    assertTrue(err.startsWith("error: " + reason + ": "), err);
  }

  private int run(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int status =
        new IndexBuilder(
                clock,
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8))
            .run(args);
    out = stdout.toString(StandardCharsets.UTF_8);
    err = stderr.toString(StandardCharsets.UTF_8);
    return status;
  }
}
