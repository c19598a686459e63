package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.PluginKind;
import io.vjvector.marketplace.PluginManifest;
import io.vjvector.marketplace.internal.HeaderParser.Clause;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/** Reads {@link PluginManifest}s; any header it cannot read makes the whole manifest MALFORMED. */
public final class ManifestReader {

  private ManifestReader() {}

  public static PluginManifest read(Manifest manifest) throws CatalogException {
    Attributes main = manifest.getMainAttributes();
    try {
      String id = symbolicName(main);
      String versionText = main.getValue("Bundle-Version");
      Map<String, VersionRange> imports = sdkImports(main.getValue("Import-Package"));
      String name = main.getValue("Bundle-Name");
      String description = main.getValue("Bundle-Description");
      return new PluginManifest(
          id,
          versionText == null ? Version.emptyVersion : Version.parseVersion(versionText.strip()),
          name == null || name.isBlank() ? id : name.strip(),
          description == null ? "" : description.strip(),
          kind(main),
          imports,
          SdkRanges.intersection(imports.values()).orElse(null),
          JavaRequirement.of(main),
          permissions(main.getValue("VJVector-Permissions")));
    } catch (IllegalArgumentException e) {
      throw new CatalogException(Reason.MALFORMED, "bundle manifest: " + e.getMessage(), e);
    }
  }

  /** The symbolic name of an OSGi R4+ bundle, or an exception saying why there is none. */
  public static String symbolicName(Attributes main) {
    if (!"2".equals(strip(main.getValue("Bundle-ManifestVersion")))) {
      throw new IllegalArgumentException("not an OSGi bundle (Bundle-ManifestVersion is not 2)");
    }
    List<Clause> bsn = HeaderParser.parse(main.getValue("Bundle-SymbolicName"));
    if (bsn.size() != 1 || !SymbolicNames.isValid(bsn.get(0).name())) {
      throw new IllegalArgumentException(
          "Bundle-SymbolicName is missing or invalid: " + main.getValue("Bundle-SymbolicName"));
    }
    return bsn.get(0).name();
  }

  /** An SDK package a plugin may import: never one of the SDK's own internal packages. */
  public static boolean isSdkPackage(String pkg) {
    return (pkg.equals("io.vjvector.sdk") || pkg.startsWith("io.vjvector.sdk."))
        && !(pkg + ".").contains(".internal.");
  }

  private static Map<String, VersionRange> sdkImports(String header) {
    Map<String, VersionRange> imports = new TreeMap<>();
    for (Clause clause : HeaderParser.parse(header)) {
      if (!isSdkPackage(clause.name())
          || "optional".equals(clause.directives().get("resolution"))) {
        continue;
      }
      String range = clause.attributes().getOrDefault("version", "0.0.0");
      if (imports.put(clause.name(), VersionRange.valueOf(range)) != null) {
        throw new IllegalArgumentException("Import-Package names " + clause.name() + " twice");
      }
    }
    return imports;
  }

  private static PluginKind kind(Attributes main) {
    String declared = strip(main.getValue("VJVector-Kind"));
    if (declared != null) {
      return PluginKind.fromId(declared)
          .orElseThrow(() -> new IllegalArgumentException("unknown VJVector-Kind " + declared));
    }
    for (Clause capability : HeaderParser.parse(main.getValue("Provide-Capability"))) {
      String objectClass = capability.attributes().get("objectClass");
      if (!capability.name().equals("osgi.service") || objectClass == null) {
        continue;
      }
      for (String type : objectClass.split(",")) {
        Optional<PluginKind> kind = PluginKind.fromServiceType(type.strip());
        if (kind.isPresent()) {
          return kind.get();
        }
      }
    }
    return PluginKind.OTHER;
  }

  private static List<String> permissions(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    HeaderParser.parse(header); // the grammar is checked; each clause is kept as written
    return new ArrayList<>(new LinkedHashSet<>(HeaderParser.split(header, ',')));
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
