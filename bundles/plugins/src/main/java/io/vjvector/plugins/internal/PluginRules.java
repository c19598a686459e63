package io.vjvector.plugins.internal;

import io.vjvector.marketplace.ManifestAdmission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Which bundles are plugins, and whether a plugin manifest may run. The rules themselves are the
 * marketplace's {@link ManifestAdmission}; this class decides what they apply to.
 *
 * <p>A bundle is trusted as part of the host when it was installed from one of the host's locations
 * (by default {@code mvn:io.vjvector/}, where the features put the host's bundles): the installer
 * chooses a location, a plugin cannot. Any other bundle is a plugin if it declares a {@code
 * VJVector-Kind}, imports an SDK package or provides an SDK service capability.
 */
final class PluginRules {
  /** The header with which a plugin names its kind (see {@code PluginManifest#kind}). */
  static final String KIND_HEADER = "VJVector-Kind";

  private static final String SDK = "io.vjvector.sdk";

  private final List<String> hostLocations;
  private final ManifestAdmission admission;

  /**
   * @param hostLocations location prefixes of the host's own bundles
   * @param jdkPackages the packages besides {@code java.*} that a plugin may import from the JDK
   */
  PluginRules(List<String> hostLocations, Set<String> jdkPackages) {
    this.hostLocations = List.copyOf(hostLocations);
    this.admission = new ManifestAdmission(jdkPackages);
  }

  /** Whether the bundle at this location belongs to the host (bundle 0 always does). */
  boolean isHost(long bundleId, String location) {
    if (bundleId == 0) {
      return true;
    }
    for (String prefix : hostLocations) {
      if (location != null && location.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a bundle with these headers is a plugin (when it is not the host's). */
  static boolean declaresPlugin(Attributes headers) {
    if (headers.getValue(KIND_HEADER) != null) {
      return true;
    }
    for (String pkg : packageNames(headers.getValue("Import-Package"))) {
      if (isSdk(pkg)) {
        return true;
      }
    }
    String capabilities = headers.getValue("Provide-Capability");
    return capabilities != null && capabilities.contains(SDK + ".");
  }

  /**
   * The verdict on a plugin manifest.
   *
   * @param reasons every rule it breaks, one sentence each; empty if it may run
   * @param forbiddenImports the imported packages the rules forbid
   * @param blockAll whether a broken rule is not tied to one requirement (an export, a dynamic
   *     import, a malformed header), so that every requirement must fail to keep it unresolved
   */
  record Judgement(List<String> reasons, Set<String> forbiddenImports, boolean blockAll) {
    Judgement {
      reasons = List.copyOf(reasons);
      forbiddenImports = Set.copyOf(forbiddenImports);
    }

    static final Judgement ADMITTED = new Judgement(List.of(), Set.of(), false);
  }

  /** Kinds of violation that the resolver can enforce by failing exactly that requirement. */
  private static final Set<ManifestAdmission.Type> REQUIREMENT_BOUND =
      Set.of(
          ManifestAdmission.Type.FORBIDDEN_IMPORT,
          ManifestAdmission.Type.REQUIRE_BUNDLE,
          ManifestAdmission.Type.FRAGMENT,
          ManifestAdmission.Type.FORBIDDEN_REQUIREMENT);

  /**
   * Applies the rules. A manifest whose headers cannot be parsed breaks a rule too (fail closed).
   */
  Judgement judge(Manifest manifest) {
    List<String> reasons = new ArrayList<>();
    Set<String> forbidden = new HashSet<>();
    boolean blockAll = false;
    for (ManifestAdmission.Violation v : admission.check(manifest)) {
      reasons.add(v.detail());
      if (v.type() == ManifestAdmission.Type.FORBIDDEN_IMPORT) {
        forbidden.add(v.subject());
      }
      blockAll |= !REQUIREMENT_BOUND.contains(v.type());
    }
    return new Judgement(reasons, forbidden, blockAll);
  }

  static boolean isSdk(String pkg) {
    return pkg.equals(SDK) || pkg.startsWith(SDK + ".");
  }

  /** A manifest with a bundle's raw (not localized) headers. */
  static Manifest manifest(Dictionary<String, String> headers) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    for (String key : Collections.list(headers.keys())) {
      try {
        main.putValue(key, headers.get(key));
      } catch (IllegalArgumentException notAManifestName) {
        // a header name the jar format would not allow; no rule reads it
      }
    }
    return manifest;
  }

  /**
   * The package names of an {@code Import-Package}-like header: every clause's names before its
   * parameters; commas and semicolons inside quotes do not split.
   */
  static List<String> packageNames(String header) {
    List<String> names = new ArrayList<>();
    if (header == null) {
      return names;
    }
    for (String clause : split(header, ',')) {
      for (String part : split(clause, ';')) {
        if (part.contains("=")) {
          break;
        }
        if (!part.isBlank()) {
          names.add(part.strip());
        }
      }
    }
    return names;
  }

  private static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }
}
