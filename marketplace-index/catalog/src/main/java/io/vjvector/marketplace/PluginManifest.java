package io.vjvector.marketplace;

import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.internal.ManifestReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * What a plugin bundle's manifest says about it: the fields of a {@link CatalogEntry} that come
 * from the bundle itself. The builder derives entries from it, and the host compares a downloaded
 * artifact with its entry through it.
 *
 * @param id {@code Bundle-SymbolicName}
 * @param version {@code Bundle-Version}
 * @param name {@code Bundle-Name}, or the id
 * @param description {@code Bundle-Description}, or empty
 * @param kind {@code VJVector-Kind}, else the SDK service type it provides, else {@link
 *     PluginKind#OTHER}
 * @param sdkImports the mandatory {@code Import-Package} entries for {@code io.vjvector.sdk.*}
 * @param sdkRange the intersection of those ranges, or {@code null}
 * @param javaVersion from the {@code osgi.ee} requirement
 * @param permissions the clauses of {@code VJVector-Permissions}
 */
public record PluginManifest(
    String id,
    Version version,
    String name,
    String description,
    PluginKind kind,
    Map<String, VersionRange> sdkImports,
    VersionRange sdkRange,
    int javaVersion,
    List<String> permissions) {

  /** Copies the collections. */
  public PluginManifest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    sdkImports = Collections.unmodifiableMap(new TreeMap<>(sdkImports));
    permissions = List.copyOf(permissions);
  }

  /**
   * @param manifest a bundle manifest
   * @return what it says about the plugin
   * @throws CatalogException MALFORMED if it is not a bundle manifest or a header cannot be read
   */
  public static PluginManifest of(Manifest manifest) throws CatalogException {
    return ManifestReader.read(manifest);
  }

  /**
   * @param jar a bundle jar
   * @return its manifest
   * @throws CatalogException MALFORMED if it is not a jar with a manifest, IO_ERROR if unreadable
   */
  public static Manifest readManifest(Path jar) throws CatalogException {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      Manifest manifest = file.getManifest();
      if (manifest == null) {
        throw new CatalogException(Reason.MALFORMED, jar.getFileName() + " has no manifest");
      }
      return manifest;
    } catch (ZipException e) {
      throw new CatalogException(Reason.MALFORMED, jar.getFileName() + " is not a jar", e);
    } catch (IOException e) {
      throw new CatalogException(Reason.IO_ERROR, "cannot read " + jar + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param publisher the publisher that will sign the entry
   * @param size the artifact's length
   * @param sha256 the artifact's SHA-256, lowercase hex
   * @return an unsigned, not yanked entry for this plugin
   */
  public CatalogEntry toEntry(String publisher, long size, String sha256) {
    return new CatalogEntry(
        id,
        version,
        name,
        description,
        publisher,
        kind,
        sdkImports,
        sdkRange,
        javaVersion,
        CatalogEntry.artifactPath(sha256),
        size,
        sha256,
        permissions,
        false,
        null);
  }

  /**
   * @param entry a catalog entry
   * @return the names of the fields in which the entry says something else than this manifest;
   *     empty if it describes this bundle
   */
  public List<String> differences(CatalogEntry entry) {
    List<String> fields = new ArrayList<>();
    compare(fields, "id", id, entry.id());
    compare(fields, "version", version, entry.version());
    compare(fields, "name", name, entry.name());
    compare(fields, "description", description, entry.description());
    compare(fields, "kind", kind, entry.kind());
    compare(fields, "sdkImports", sdkImports, entry.sdkImports());
    compare(fields, "sdkRange", sdkRange, entry.sdkRange());
    compare(fields, "javaVersion", javaVersion, entry.javaVersion());
    compare(fields, "permissions", permissions, entry.permissions());
    return fields;
  }

  private static void compare(List<String> fields, String field, Object mine, Object theirs) {
    if (!Objects.equals(mine, theirs)) {
      fields.add(field + " (manifest: " + mine + ", entry: " + theirs + ")");
    }
  }
}
