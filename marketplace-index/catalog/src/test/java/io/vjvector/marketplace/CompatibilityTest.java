package io.vjvector.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.Compatibility.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class CompatibilityTest {

  private static final Map<String, Version> HOST_SDK =
      Map.of(
          "io.vjvector.sdk.embed", new Version(0, 1, 0),
          "io.vjvector.sdk.vector", new Version(0, 3, 2),
          "io.vjvector.sdk.error", new Version(0, 1, 0));

  @Test
  void entryWithinTheHostsSdkAndJavaIsCompatible() throws Exception {
    Compatibility result =
        Compatibility.check(entry(TestJars.plugin("com.acme.a", "1")), HOST_SDK, 17);

    assertTrue(result.isCompatible());
    result.require();
  }

  @Test
  void sdkRangeNotSatisfied() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.put("Import-Package", "io.vjvector.sdk.vector;version=\"[0.4,1)\"");

    Compatibility result = Compatibility.check(entry(headers), HOST_SDK, 21);

    assertFalse(result.isCompatible());
    assertEquals(
        List.of(Problem.SDK_RANGE_NOT_SATISFIED),
        result.findings().stream().map(Compatibility.Finding::problem).toList());
    assertTrue(result.findings().get(0).detail().contains("0.3.2"));
    CatalogException e = assertThrows(CatalogException.class, result::require);
    assertEquals(Reason.INCOMPATIBLE, e.reason());
  }

  @Test
  void sdkPackageTheHostLacks() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.put("Import-Package", "io.vjvector.sdk.rerank;version=\"[0.1,1)\"");

    Compatibility result = Compatibility.check(entry(headers), HOST_SDK, 17);

    assertEquals(Problem.SDK_PACKAGE_MISSING, result.findings().get(0).problem());
  }

  @Test
  void pluginNeedingANewerJavaThanTheHost() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.put("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=21))\"");

    Compatibility result = Compatibility.check(entry(headers), HOST_SDK, 17);

    assertEquals(
        List.of(Problem.JAVA_TOO_OLD),
        result.findings().stream().map(Compatibility.Finding::problem).toList());
    assertTrue(Compatibility.check(entry(headers), HOST_SDK, 21).isCompatible());
  }

  @Test
  void everyProblemIsReported() throws Exception {
    Map<String, String> headers = TestJars.plugin("com.acme.a", "1");
    headers.put("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=25))\"");

    Compatibility result = Compatibility.check(entry(headers), Map.of(), 17);

    assertEquals(
        List.of(Problem.SDK_PACKAGE_MISSING, Problem.SDK_PACKAGE_MISSING, Problem.JAVA_TOO_OLD),
        result.findings().stream().map(Compatibility.Finding::problem).toList());
  }

  private static CatalogEntry entry(Map<String, String> headers) throws CatalogException {
    return PluginManifest.of(TestJars.manifest(headers)).toEntry("acme", 1000, "0".repeat(64));
  }
}
