package io.vjvector.marketplace;

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

/** Small plugin bundles written with java.util.jar, as a plugin author's build would. */
public final class TestJars {

  private TestJars() {}

  /** The headers of a well-behaved embedder plugin. */
  public static Map<String, String> plugin(String symbolicName, String version) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Bundle-ManifestVersion", "2");
    headers.put("Bundle-SymbolicName", symbolicName);
    headers.put("Bundle-Version", version);
    headers.put("Bundle-Name", "Plugin " + symbolicName);
    headers.put("Bundle-Description", "Embeds text, for tests");
    headers.put(
        "Import-Package",
        "io.vjvector.sdk.embed;version=\"[0.1,1)\",io.vjvector.sdk.vector;version=\"[0.3,1)\","
            + "javax.net.ssl,java.util");
    headers.put("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
    headers.put(
        "Provide-Capability",
        "osgi.service;objectClass:List<String>=\"io.vjvector.sdk.embed.Embedder\";"
            + "uses:=\"io.vjvector.sdk.embed\"");
    headers.put("VJVector-Permissions", "network;hosts=\"api.example.com,backup.example.com\"");
    return headers;
  }

  public static Manifest manifest(Map<String, String> headers) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    headers.forEach((name, value) -> main.put(new Attributes.Name(name), value));
    return manifest;
  }

  public static Path write(Path file, Map<String, String> headers) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest(headers))) {
      String bsn = headers.getOrDefault("Bundle-SymbolicName", "unnamed");
      jar.putNextEntry(new JarEntry(bsn.replace('.', '/') + "/README.txt"));
      jar.write(
          ("plugin " + bsn + " " + headers.get("Bundle-Version")).getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return file;
  }
}
