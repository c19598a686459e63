package io.vjvector.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admission rules applied to real plugin jars, as an installer would check them. */
class PluginAdmissionTest {
  private final AdmissionService admission = new AdmissionService(List.of("mvn:io.vjvector/"));

  @TempDir Path dir;

  private static Map<String, String> plugin() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Bundle-ManifestVersion", "2");
    h.put("Bundle-SymbolicName", "com.example.hashing.embedder");
    h.put("Bundle-Version", "1.0.0");
    h.put(
        "Import-Package",
        "io.vjvector.sdk.embed;version=\"[1.0,2)\",io.vjvector.sdk.host;version=\"[1.0,2)\","
            + "java.lang,java.util,javax.xml.parsers,org.w3c.dom");
    h.put(
        "Require-Capability",
        "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.4.0))\","
            + "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
    return h;
  }

  private Path jar(Map<String, String> headers) throws IOException {
    Manifest m = manifest(headers);
    Path jar = Files.createTempFile(dir, "plugin", ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, m)) {
      j.putNextEntry(new ZipEntry("com/example/hashing/readme.txt"));
      j.write("x".getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    return jar;
  }

  private static Manifest manifest(Map<String, String> headers) {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    headers.forEach(m.getMainAttributes()::putValue);
    return m;
  }

  private List<String> check(Map<String, String> headers) throws IOException {
    return admission.check(jar(headers));
  }

  private static void assertRejectedFor(List<String> reasons, String what) {
    assertTrue(
        reasons.stream().anyMatch(r -> r.contains(what)),
        "expected a reason naming " + what + ", got " + reasons);
  }

  @Test
  void aPluginThatUsesOnlyTheSdkAndTheJdkIsAdmitted() throws IOException {
    assertEquals(List.of(), check(plugin()));
  }

  @Test
  void importsOutsideTheSdkAndTheJdkAreRejected() throws IOException {
    for (String pkg :
        List.of(
            "io.vjvector.engine",
            "io.vjvector.engine.internal",
            "io.vjvector.sdk.internal",
            "org.apache.cxf.jaxrs",
            "org.osgi.framework",
            "com.fasterxml.jackson.databind")) {
      Map<String, String> h = plugin();
      h.put("Import-Package", h.get("Import-Package") + "," + pkg);
      assertRejectedFor(check(h), pkg);
    }
  }

  @Test
  void everyViolationIsReported() throws IOException {
    Map<String, String> h = plugin();
    h.put("Import-Package", "io.vjvector.sdk.embed,io.vjvector.engine,org.apache.cxf.jaxrs");
    h.put("DynamicImport-Package", "*");
    h.put("Export-Package", "io.vjvector.sdk.embed;version=\"9.0\"");
    List<String> reasons = check(h);
    assertRejectedFor(reasons, "io.vjvector.engine");
    assertRejectedFor(reasons, "org.apache.cxf.jaxrs");
    assertRejectedFor(reasons, "DynamicImport-Package");
    assertRejectedFor(reasons, "may not export io.vjvector.sdk.embed");
  }

  @Test
  void requireBundleAndFragmentsAreRejected() throws IOException {
    Map<String, String> h = plugin();
    h.put("Require-Bundle", "io.vjvector.engine");
    assertRejectedFor(check(h), "Require-Bundle");
    h = plugin();
    h.put("Fragment-Host", "io.vjvector.engine");
    assertRejectedFor(check(h), "Fragment-Host");
  }

  @Test
  void ownExportedPackagesMayBeImportedButNotUnderIoVjvector() throws IOException {
    Map<String, String> h = plugin();
    h.put("Export-Package", "com.example.hashing.api;version=\"1.0\"");
    h.put("Import-Package", h.get("Import-Package") + ",com.example.hashing.api");
    assertEquals(List.of(), check(h));
    h.put("Export-Package", "io.vjvector.hashing;version=\"1.0\"");
    h.put("Import-Package", h.get("Import-Package") + ",io.vjvector.hashing");
    assertRejectedFor(check(h), "io.vjvector.hashing");
  }

  @Test
  void failsClosedOnWhatItCannotRead() throws IOException {
    Path notAJar = Files.writeString(dir.resolve("plugin.jar"), "not a zip");
    assertFalse(admission.check(notAJar).isEmpty());
    assertFalse(admission.check(dir.resolve("missing.jar")).isEmpty());
    Map<String, String> noBundle = plugin();
    noBundle.remove("Bundle-ManifestVersion");
    assertRejectedFor(check(noBundle), "Bundle-ManifestVersion");
    Map<String, String> malformed = plugin();
    malformed.put("Import-Package", "io.vjvector.sdk.embed;version=\"[1.0,2)");
    assertFalse(check(malformed).isEmpty());
  }

  @Test
  void whoIsAPlugin() {
    PluginRules rules = new PluginRules(List.of("mvn:io.vjvector/"), java.util.Set.of());
    assertTrue(rules.isHost(0, "System Bundle"));
    assertTrue(rules.isHost(12, "mvn:io.vjvector/vjvector-engine/0.1.0"));
    assertFalse(rules.isHost(40, "file:/tmp/io.vjvector.engine.jar"));
    assertFalse(rules.isHost(41, "mvn:io.vjvectorx/evil/1.0"));

    assertTrue(PluginRules.declaresPlugin(manifest(plugin()).getMainAttributes()));
    Map<String, String> declared = Map.of("VJVector-Kind", "embedder");
    assertTrue(PluginRules.declaresPlugin(manifest(declared).getMainAttributes()));
    Map<String, String> provides =
        Map.of(
            "Provide-Capability",
            "osgi.service;objectClass:List<String>=\"io.vjvector.sdk.embed.Embedder\"");
    assertTrue(PluginRules.declaresPlugin(manifest(provides).getMainAttributes()));
    Map<String, String> library =
        Map.of("Import-Package", "org.slf4j;version=\"[1.7,2)\",javax.xml.parsers");
    assertFalse(PluginRules.declaresPlugin(manifest(library).getMainAttributes()));
  }

  @Test
  void headerPackageNames() {
    assertEquals(
        List.of("a.b", "c.d", "e", "f.g"),
        PluginRules.packageNames("a.b;c.d;version=\"[1,2)\",e;resolution:=optional,f.g"));
  }
}
