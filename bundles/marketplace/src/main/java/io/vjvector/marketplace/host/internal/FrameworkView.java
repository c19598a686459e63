package io.vjvector.marketplace.host.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/** What the running framework offers a plugin: SDK versions, system packages, capabilities. */
final class FrameworkView {
  private static final String PACKAGE = BundleRevision.PACKAGE_NAMESPACE;
  private final List<BundleCapability> capabilities = new ArrayList<>();

  FrameworkView(BundleContext context) {
    for (Bundle b : context.getBundles()) {
      BundleWiring wiring = b.adapt(BundleWiring.class);
      if (wiring != null) {
        capabilities.addAll(wiring.getCapabilities(null));
      }
    }
  }

  /** The SDK packages exported here and their versions (the highest if several). */
  Map<String, Version> sdkPackages() {
    Map<String, Version> out = new HashMap<>();
    for (BundleCapability c : capabilities) {
      if (PACKAGE.equals(c.getNamespace())) {
        String name = (String) c.getAttributes().get(PACKAGE);
        if (name != null && name.startsWith("io.vjvector.sdk") && !name.contains(".internal")) {
          Version v = (Version) c.getAttributes().get(Constants.VERSION_ATTRIBUTE);
          out.merge(
              name, v == null ? Version.emptyVersion : v, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
      }
    }
    return out;
  }

  /** The packages the system bundle exports (the JDK's and the framework's). */
  Set<String> systemPackages() {
    Set<String> out = new HashSet<>();
    for (BundleCapability c : capabilities) {
      if (PACKAGE.equals(c.getNamespace()) && c.getRevision().getBundle().getBundleId() == 0) {
        out.add((String) c.getAttributes().get(PACKAGE));
      }
    }
    return out;
  }

  /**
   * Whether a bundle with this manifest would resolve against what is installed now: every
   * mandatory package import and capability requirement has a provider (packages the bundle exports
   * itself count). Returns what is missing.
   */
  List<String> unresolved(Manifest manifest) {
    Attributes main = manifest.getMainAttributes();
    Set<String> own = new HashSet<>();
    for (Clauses.Clause c : Clauses.parse(main.getValue(Constants.EXPORT_PACKAGE))) {
      own.addAll(c.names());
    }
    List<String> missing = new ArrayList<>();
    for (Clauses.Clause c : Clauses.parse(main.getValue(Constants.IMPORT_PACKAGE))) {
      if ("optional".equals(c.directives().get(Constants.RESOLUTION_DIRECTIVE))) {
        continue;
      }
      String range = c.attributes().get(Constants.VERSION_ATTRIBUTE);
      VersionRange versions = range == null ? null : new VersionRange(range);
      for (String pkg : c.names()) {
        if (!own.contains(pkg) && !exported(pkg, versions)) {
          missing.add("package " + pkg + (range == null ? "" : " " + range));
        }
      }
    }
    for (Clauses.Clause c : Clauses.parse(main.getValue(Constants.REQUIRE_CAPABILITY))) {
      String effective = c.directives().getOrDefault(Constants.EFFECTIVE_DIRECTIVE, "resolve");
      if ("optional".equals(c.directives().get(Constants.RESOLUTION_DIRECTIVE))
          || !"resolve".equals(effective)) {
        continue; // e.g. osgi.service requirements of DS references: checked at runtime
      }
      for (String namespace : c.names()) {
        if (!provided(namespace, c.directives().get(Constants.FILTER_DIRECTIVE))) {
          missing.add(
              namespace + " " + c.directives().getOrDefault(Constants.FILTER_DIRECTIVE, ""));
        }
      }
    }
    return missing;
  }

  private boolean exported(String pkg, VersionRange versions) {
    for (BundleCapability c : capabilities) {
      if (PACKAGE.equals(c.getNamespace()) && pkg.equals(c.getAttributes().get(PACKAGE))) {
        Version v = (Version) c.getAttributes().get(Constants.VERSION_ATTRIBUTE);
        if (versions == null || versions.includes(v == null ? Version.emptyVersion : v)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean provided(String namespace, String filterText) {
    Filter filter;
    try {
      filter = filterText == null ? null : FrameworkUtil.createFilter(filterText);
    } catch (InvalidSyntaxException e) {
      return false;
    }
    for (BundleCapability c : capabilities) {
      if (namespace.equals(c.getNamespace())
          && (filter == null || filter.matches(c.getAttributes()))) {
        return true;
      }
    }
    return false;
  }
}
