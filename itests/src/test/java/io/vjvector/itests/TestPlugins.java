package io.vjvector.itests;

import io.vjvector.itests.plugin.TinyEmbedder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * Synthetic plugin bundles, built with TinyBundles outside the container (TinyBundles is not
 * there): both pack {@link TinyEmbedder} with its DS descriptor; one imports only the SDK, the
 * other also a host package and a CXF package, which the rules forbid.
 */
final class TestPlugins {
  private TestPlugins() {}

  static void write(Path dir, String admitted, String forbidden) {
    try {
      Files.createDirectories(dir);
      write(
          plugin(admitted)
              .setHeader(
                  "Import-Package",
                  "io.vjvector.sdk.embed;version=\"[1.0,2)\",io.vjvector.sdk.host;version=\"[1.0,2)\","
                      + "java.lang,java.util,javax.xml.parsers"),
          dir.resolve("tiny.jar"));
      write(
          plugin(forbidden)
              .setHeader("VJVector-Kind", "embedder")
              .setHeader(
                  "Import-Package",
                  "io.vjvector.sdk.embed;version=\"[1.0,2)\",io.vjvector.sdk.host;version=\"[1.0,2)\","
                      + "io.vjvector.engine,org.apache.cxf.jaxrs"),
          dir.resolve("bad.jar"));
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the test plugins", e);
    }
  }

  private static TinyBundle plugin(String symbolicName) {
    return TinyBundles.bundle()
        .addClass(TinyEmbedder.class)
        .addResource(
            "OSGI-INF/tiny-embedder.xml", TinyEmbedder.class.getResource("tiny-embedder.xml"))
        .setHeader("Bundle-ManifestVersion", "2")
        .setHeader("Bundle-SymbolicName", symbolicName)
        .setHeader("Bundle-Version", "1.0.0")
        .setHeader("Service-Component", "OSGI-INF/tiny-embedder.xml")
        .setHeader(
            "Require-Capability",
            "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.3.0))\","
                + "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
  }

  private static void write(TinyBundle bundle, Path jar) throws Exception {
    try (InputStream in = bundle.build(TinyBundles.rawBuilder())) {
      Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
