package io.vjvector.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.marketplace.CatalogException.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class PluginManifestTest {

  @Test
  void readsWhatTheCatalogNeeds() throws Exception {
    PluginManifest plugin = read(TestJars.plugin("com.acme.embed;singleton:=true", "1.2"));

    assertEquals("com.acme.embed", plugin.id());
    assertEquals(new Version(1, 2, 0), plugin.version());
    assertEquals("Plugin com.acme.embed;singleton:=true", plugin.name());
    assertEquals(PluginKind.EMBEDDER, plugin.kind());
    assertEquals(new VersionRange("[0.3.0,1.0.0)"), plugin.sdkRange());
    assertEquals(17, plugin.javaVersion());
  }

  @Test
  void optionalSdkImportsAreNotRequirements() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.put(
        "Import-Package",
        "io.vjvector.sdk.embed;version=\"[0.1,0.2)\","
            + "io.vjvector.sdk.rerank;version=\"[0.5,1)\";resolution:=optional");

    assertEquals(
        Map.of("io.vjvector.sdk.embed", new VersionRange("[0.1,0.2)")), read(headers).sdkImports());
  }

  @Test
  void disjointSdkRangesHaveNoSummaryRange() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.put(
        "Import-Package",
        "io.vjvector.sdk.embed;version=\"[0.1,0.2)\",io.vjvector.sdk.vector;version=\"[0.3,0.4)\"");

    PluginManifest plugin = read(headers);
    assertEquals(2, plugin.sdkImports().size());
    assertNull(plugin.sdkRange());
  }

  @Test
  void javaVersionFromTheExecutionEnvironment() throws Exception {
    assertEquals(11, java("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version>=11))\""));
    assertEquals(8, java("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=1.8))\""));
    assertEquals(8, java("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version>=1.8)(!(version>=9.0)))\""));
    assertEquals(
        11,
        java(
            "osgi.extender;filter:=\"(osgi.extender=osgi.component)\","
                + "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\","
                + "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=11))\""));

    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.remove("Require-Capability");
    headers.put("Bundle-RequiredExecutionEnvironment", "JavaSE-21,JavaSE-17");
    assertEquals(17, read(headers).javaVersion());
  }

  @Test
  void unreadableOrMissingJavaRequirementIsMalformed() {
    for (String requirement :
        List.of(
            "osgi.ee;filter:=\"(osgi.ee=JavaSE)\"",
            "osgi.ee;filter:=\"(|(&(osgi.ee=JavaSE)(version=17))(osgi.ee=JavaSE))\"",
            "osgi.ee",
            "osgi.extender;filter:=\"(osgi.extender=osgi.component)\"")) {
      CatalogException e = assertThrows(CatalogException.class, () -> java(requirement));
      assertEquals(Reason.MALFORMED, e.reason(), requirement);
    }
  }

  @Test
  void kindAndPermissionsFromVjvectorHeaders() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.put("VJVector-Kind", "document-loader");
    headers.put("VJVector-Permissions", "network;hosts=\"a.example,b.example\", filesystem.read");

    PluginManifest plugin = read(headers);
    assertEquals(PluginKind.DOCUMENT_LOADER, plugin.kind());
    assertEquals(
        List.of("network;hosts=\"a.example,b.example\"", "filesystem.read"), plugin.permissions());

    headers.put("VJVector-Kind", "toaster");
    assertEquals(
        Reason.MALFORMED, assertThrows(CatalogException.class, () -> read(headers)).reason());
  }

  @Test
  void kindOtherWhenNoSdkServiceIsProvided() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.put("Provide-Capability", "osgi.service;objectClass:List<String>=\"com.acme.Thing\"");
    assertEquals(PluginKind.OTHER, read(headers).kind());

    headers.put(
        "Provide-Capability",
        "osgi.service;objectClass:List<String>=\"java.lang.Runnable,io.vjvector.sdk.rag.Reranker\"");
    assertEquals(PluginKind.RERANKER, read(headers).kind());
  }

  @Test
  void notABundleIsMalformed() {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.remove("Bundle-SymbolicName");
    CatalogException e = assertThrows(CatalogException.class, () -> read(headers));
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains("Bundle-SymbolicName"), e.getMessage());
  }

  private static int java(String requireCapability) throws CatalogException {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.put("Require-Capability", requireCapability);
    return read(headers).javaVersion();
  }

  private static PluginManifest read(Map<String, String> headers) throws CatalogException {
    return PluginManifest.of(TestJars.manifest(headers));
  }
}
