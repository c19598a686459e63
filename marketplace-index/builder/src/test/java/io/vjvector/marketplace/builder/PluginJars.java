package io.vjvector.marketplace.builder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Plugin bundles for the builder's tests, written with java.util.jar. */
final class PluginJars {

  private PluginJars() {}

  static Map<String, String> headers(String symbolicName, String version) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Bundle-ManifestVersion", "2");
    headers.put("Bundle-SymbolicName", symbolicName);
    headers.put("Bundle-Version", version);
    headers.put("Bundle-Name", "Sample " + symbolicName);
    headers.put(
        "Import-Package",
        "io.vjvector.sdk.embed;version=\"[0.1,1)\",java.util,javax.net.ssl,org.w3c.dom");
    headers.put("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
    headers.put("VJVector-Kind", "embedder");
    headers.put("VJVector-Permissions", "network");
    return headers;
  }

  static Path write(Path file, Map<String, String> headers, String content) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    headers.forEach((name, value) -> main.put(new Attributes.Name(name), value));
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.putNextEntry(new JarEntry("content.txt"));
      jar.write(content.getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return file;
  }

  static Path write(Path dir, String symbolicName, String version) throws IOException {
    return write(
        dir.resolve(symbolicName + "-" + version + ".jar"),
        headers(symbolicName, version),
        symbolicName + " " + version);
  }
}
