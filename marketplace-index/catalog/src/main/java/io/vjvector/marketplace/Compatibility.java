package io.vjvector.marketplace;

import io.vjvector.marketplace.CatalogException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Whether a catalog entry can run on this host: every SDK package it imports must be exported by
 * the host at a version inside the entry's range, and the host's Java must be at least the entry's.
 */
public final class Compatibility {

  /** Why an entry cannot run here. */
  public enum Problem {
    /** The host's SDK does not export a package the plugin imports. */
    SDK_PACKAGE_MISSING,
    /** The host exports the package at a version outside the plugin's range. */
    SDK_RANGE_NOT_SATISFIED,
    /** The plugin needs a newer Java than the host runs. */
    JAVA_TOO_OLD
  }

  /**
   * One reason an entry cannot run here.
   *
   * @param problem the reason
   * @param detail a sentence for people, naming package, range and version
   */
  public record Finding(Problem problem, String detail) {}

  private final CatalogEntry entry;
  private final List<Finding> findings;

  private Compatibility(CatalogEntry entry, List<Finding> findings) {
    this.entry = entry;
    this.findings = List.copyOf(findings);
  }

  /**
   * @param entry a verified catalog entry
   * @param hostSdkPackages the host's SDK packages and the versions it exports them at
   * @param hostJavaFeature the host's Java feature version ({@code Runtime.version().feature()})
   * @return the decision, with every reason against it
   */
  public static Compatibility check(
      CatalogEntry entry, Map<String, Version> hostSdkPackages, int hostJavaFeature) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, VersionRange> sdkImport : entry.sdkImports().entrySet()) {
      String pkg = sdkImport.getKey();
      VersionRange range = sdkImport.getValue();
      Version hostVersion = hostSdkPackages.get(pkg);
      if (hostVersion == null) {
        findings.add(
            new Finding(
                Problem.SDK_PACKAGE_MISSING,
                pkg + " " + range + " is required, and this host's SDK has no such package"));
      } else if (!range.includes(hostVersion)) {
        findings.add(
            new Finding(
                Problem.SDK_RANGE_NOT_SATISFIED,
                pkg + " " + range + " is required, and this host's SDK has " + hostVersion));
      }
    }
    if (entry.javaVersion() > hostJavaFeature) {
      findings.add(
          new Finding(
              Problem.JAVA_TOO_OLD,
              "Java "
                  + entry.javaVersion()
                  + " is required, and this host runs "
                  + hostJavaFeature));
    }
    return new Compatibility(entry, findings);
  }

  /**
   * @return whether the entry can run here
   */
  public boolean isCompatible() {
    return findings.isEmpty();
  }

  /**
   * @return every reason the entry cannot run here; empty if it can
   */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * @throws CatalogException INCOMPATIBLE listing every reason, if there is any
   */
  public void require() throws CatalogException {
    if (!findings.isEmpty()) {
      throw new CatalogException(
          Reason.INCOMPATIBLE,
          entry.coordinates()
              + ": "
              + findings.stream()
                  .map(f -> f.problem() + " " + f.detail())
                  .collect(Collectors.joining("; ")));
    }
  }
}
