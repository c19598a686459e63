package io.vjvector.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.ManifestAdmission.Type;
import io.vjvector.marketplace.ManifestAdmission.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestAdmissionTest {

  private final ManifestAdmission admission =
      new ManifestAdmission(ManifestAdmission.jdkPackages());

  @Test
  void pluginImportingTheSdkAndTheJdkIsAdmitted() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1.0.0");
    headers.put(
        "Import-Package",
        "io.vjvector.sdk.embed;version=\"[0.1,1)\",io.vjvector.sdk,java.util,"
            + "javax.net.ssl,javax.crypto,org.w3c.dom,org.xml.sax;resolution:=optional,"
            + "com.acme.a.api;version=\"[1.0,2)\"");
    headers.put(
        "Export-Package", "com.acme.a.api;version=\"1.0.0\";uses:=\"java.util,javax.crypto\"");

    assertEquals(List.of(), admission.check(TestJars.manifest(headers)));
    admission.require(TestJars.manifest(headers));
  }

  @Test
  void jdkPackagesIncludeTheNonJavaNamespaces() {
    Set<String> jdk = ManifestAdmission.jdkPackages();
    assertTrue(
        jdk.containsAll(Set.of("javax.net.ssl", "javax.crypto", "org.w3c.dom", "org.xml.sax")));
    assertTrue(!jdk.contains("sun.misc") && !jdk.contains("jdk.internal.misc"));
  }

  @Test
  void everyViolationIsReported() {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1.0.0");
    headers.put(
        "Import-Package",
        "io.vjvector.engine;version=\"[0.3,1)\",io.vjvector.sdk.embed,org.osgi.framework,"
            + "sun.misc,io.vjvector.internal.x;resolution:=optional,io.vjvector.sdk.internal");
    headers.put("DynamicImport-Package", "*");
    headers.put("Export-Package", "io.vjvector.sdk.embed;version=\"9.0\",com.acme.a.api");
    headers.put("Require-Bundle", "io.vjvector.engine");
    headers.put("Fragment-Host", "io.vjvector.engine");
    headers.put(
        "Require-Capability",
        "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\","
            + "osgi.wiring.package;filter:=\"(osgi.wiring.package=io.vjvector.engine)\"");

    List<Violation> violations = admission.check(TestJars.manifest(headers));

    assertEquals(
        List.of(
            new Violation(Type.FORBIDDEN_EXPORT, "io.vjvector.sdk.embed", null),
            new Violation(Type.FORBIDDEN_IMPORT, "io.vjvector.engine", null),
            new Violation(Type.FORBIDDEN_IMPORT, "org.osgi.framework", null),
            new Violation(Type.FORBIDDEN_IMPORT, "sun.misc", null),
            new Violation(Type.FORBIDDEN_IMPORT, "io.vjvector.internal.x", null),
            new Violation(Type.FORBIDDEN_IMPORT, "io.vjvector.sdk.internal", null),
            new Violation(Type.DYNAMIC_IMPORT, "DynamicImport-Package", null),
            new Violation(Type.REQUIRE_BUNDLE, "Require-Bundle", null),
            new Violation(Type.FRAGMENT, "Fragment-Host", null),
            new Violation(Type.FORBIDDEN_REQUIREMENT, "osgi.wiring.package", null)),
        violations.stream().map(v -> new Violation(v.type(), v.subject(), null)).toList());
    CatalogException e =
        assertThrows(CatalogException.class, () -> admission.require(TestJars.manifest(headers)));
    assertEquals(Reason.NOT_ADMISSIBLE, e.reason());
    assertTrue(e.getMessage().contains("FORBIDDEN_IMPORT sun.misc"), e.getMessage());
  }

  @Test
  void systemPackagesComeFromTheCaller() {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1.0.0");
    headers.put("Import-Package", "javax.net.ssl,org.osgi.framework;version=\"[1.10,2)\"");

    assertEquals(
        List.of("javax.net.ssl"),
        new ManifestAdmission(Set.of("org.osgi.framework"))
            .check(TestJars.manifest(headers)).stream().map(Violation::subject).toList());
    assertEquals(
        List.of(),
        new ManifestAdmission(Set.of("org.osgi.framework", "javax.net.ssl"))
            .check(TestJars.manifest(headers)));
  }

  @Test
  void notABundleOrUnreadableHeaders() {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1.0.0");
    headers.remove("Bundle-ManifestVersion");
    headers.put("Import-Package", "io.vjvector.sdk.embed;version=\"[0.1,1)");

    assertEquals(
        List.of(Type.NOT_A_BUNDLE, Type.MALFORMED_HEADER),
        admission.check(TestJars.manifest(headers)).stream().map(Violation::type).toList());
  }
}
