package io.vjvector.marketplace;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * One plugin version in the catalog. Everything but {@code yanked} and {@code signature} is covered
 * by the publisher's signature; {@code yanked} is the index operator's to set (a take-down needs no
 * publisher), and the index signature covers it.
 *
 * @param id the bundle symbolic name
 * @param version the bundle version
 * @param name the bundle name, shown to users
 * @param description the bundle description, possibly empty
 * @param publisher the id of the publisher that signs this entry
 * @param kind what the plugin contributes
 * @param sdkImports the SDK packages the bundle imports (mandatory imports only) and their ranges:
 *     what {@link Compatibility} checks
 * @param sdkRange the intersection of the {@code sdkImports} ranges, or {@code null} if there are
 *     none or they do not intersect (the SDK's packages are versioned one by one); informative
 * @param javaVersion the lowest Java feature version the bundle requires
 * @param artifact the artifact's path in the catalog, {@code artifacts/sha256/<sha256>.jar}
 * @param size the artifact's length in bytes
 * @param sha256 the artifact's SHA-256, lowercase hex
 * @param permissions what the plugin asks to be allowed ({@code VJVector-Permissions} header)
 * @param yanked withdrawn: kept for reproducibility, never offered for new installs
 * @param signature the publisher's signature, or {@code null} on an entry not yet signed
 */
public record CatalogEntry(
    String id,
    Version version,
    String name,
    String description,
    String publisher,
    PluginKind kind,
    Map<String, VersionRange> sdkImports,
    VersionRange sdkRange,
    int javaVersion,
    String artifact,
    long size,
    String sha256,
    List<String> permissions,
    boolean yanked,
    KeySignature signature) {

  /** Requires every field but {@code sdkRange} and {@code signature}; copies the collections. */
  public CatalogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(sha256, "sha256");
    sdkImports = Collections.unmodifiableMap(new TreeMap<>(sdkImports));
    permissions = List.copyOf(permissions);
  }

  /**
   * @param sha256 an artifact's SHA-256, lowercase hex
   * @return where the catalog stores that artifact
   */
  public static String artifactPath(String sha256) {
    return "artifacts/sha256/" + sha256 + ".jar";
  }

  /**
   * @return {@code id@version}, how messages name the entry
   */
  public String coordinates() {
    return id + "@" + version;
  }

  /**
   * @param newSignature the signature to carry
   * @return this entry with that signature
   */
  public CatalogEntry withSignature(KeySignature newSignature) {
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
        artifact,
        size,
        sha256,
        permissions,
        yanked,
        newSignature);
  }

  /**
   * @param newYanked whether the entry is withdrawn
   * @return this entry with that flag (the publisher's signature stays valid)
   */
  public CatalogEntry withYanked(boolean newYanked) {
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
        artifact,
        size,
        sha256,
        permissions,
        newYanked,
        signature);
  }
}
