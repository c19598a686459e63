package io.vjvector.marketplace;

import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.internal.HeaderParser;
import io.vjvector.marketplace.internal.HeaderParser.Clause;
import io.vjvector.marketplace.internal.ManifestReader;
import java.lang.module.ModuleDescriptor.Exports;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * Decides whether a plugin bundle may be installed at all, whatever the catalog says: a plugin may
 * import only the SDK ({@code io.vjvector.sdk.*}, not its {@code internal} packages), {@code
 * java.*}, the other packages the system bundle provides (given by the caller), and packages it
 * exports itself; it may not import dynamically, require bundles, attach as a fragment, require
 * {@code osgi.wiring.*} capabilities, or export packages under {@code io.vjvector}. Every violation
 * is reported, not just the first.
 */
public final class ManifestAdmission {

  /** What kind of rule a manifest broke. */
  public enum Type {
    /** No Bundle-ManifestVersion 2 or no valid Bundle-SymbolicName. */
    NOT_A_BUNDLE,
    /** A header does not follow the OSGi grammar. */
    MALFORMED_HEADER,
    /** Import-Package names a package outside the SDK, the JDK and the bundle itself. */
    FORBIDDEN_IMPORT,
    /** DynamicImport-Package is present. */
    DYNAMIC_IMPORT,
    /** Export-Package names a package under {@code io.vjvector} or {@code java}. */
    FORBIDDEN_EXPORT,
    /** Require-Bundle is present: it would wire to a host bundle's packages. */
    REQUIRE_BUNDLE,
    /** Fragment-Host is present: a fragment joins its host's class loader. */
    FRAGMENT,
    /** Require-Capability uses an {@code osgi.wiring.*} namespace. */
    FORBIDDEN_REQUIREMENT
  }

  /**
   * One broken rule.
   *
   * @param type the rule
   * @param subject the header, package or clause concerned
   * @param detail a sentence for people
   */
  public record Violation(Type type, String subject, String detail) {}

  private final Set<String> systemPackages;

  /**
   * @param systemPackages the packages the host's system bundle exports besides {@code java.*}
   *     (e.g. {@code javax.net.ssl}, {@code org.w3c.dom}); see {@link #jdkPackages()}
   */
  public ManifestAdmission(Set<String> systemPackages) {
    this.systemPackages = Set.copyOf(systemPackages);
  }

  /**
   * @return the packages exported by this JVM's {@code java.*} modules: the JDK a plugin may use
   */
  public static Set<String> jdkPackages() {
    return ModuleLayer.boot().modules().stream()
        .filter(m -> m.getName().startsWith("java."))
        .flatMap(m -> m.getDescriptor().exports().stream())
        .filter(e -> !e.isQualified())
        .map(Exports::source)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * @param manifest a bundle manifest
   * @return every rule it breaks; empty if it may be installed
   */
  public List<Violation> check(Manifest manifest) {
    Attributes main = manifest.getMainAttributes();
    List<Violation> violations = new ArrayList<>();
    try {
      ManifestReader.symbolicName(main);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(Type.NOT_A_BUNDLE, "Bundle-SymbolicName", e.getMessage()));
    }
    Set<String> exported = new LinkedHashSet<>();
    forEachClause(main, "Export-Package", violations, c -> exported.add(c.name()));
    for (String pkg : exported) {
      if (under(pkg, "io.vjvector") || under(pkg, "java")) {
        violations.add(new Violation(Type.FORBIDDEN_EXPORT, pkg, "plugins may not export " + pkg));
      }
    }
    forEachClause(
        main,
        "Import-Package",
        violations,
        c -> {
          if (!allowedImport(c.name(), exported)) {
            violations.add(
                new Violation(
                    Type.FORBIDDEN_IMPORT,
                    c.name(),
                    "plugins may import only io.vjvector.sdk.* and the JDK, not " + c.name()));
          }
        });
    present(main, "DynamicImport-Package", Type.DYNAMIC_IMPORT, violations);
    present(main, "Require-Bundle", Type.REQUIRE_BUNDLE, violations);
    present(main, "Fragment-Host", Type.FRAGMENT, violations);
    forEachClause(
        main,
        "Require-Capability",
        violations,
        c -> {
          if (under(c.name(), "osgi.wiring")) {
            violations.add(
                new Violation(
                    Type.FORBIDDEN_REQUIREMENT,
                    c.name(),
                    "plugins may not require " + c.name() + " capabilities"));
          }
        });
    return violations;
  }

  /**
   * @param manifest a bundle manifest
   * @throws CatalogException NOT_ADMISSIBLE listing every violation, if there is any
   */
  public void require(Manifest manifest) throws CatalogException {
    List<Violation> violations = check(manifest);
    if (!violations.isEmpty()) {
      throw new CatalogException(
          Reason.NOT_ADMISSIBLE,
          violations.stream()
              .map(v -> v.type() + " " + v.subject() + ": " + v.detail())
              .collect(Collectors.joining("; ")));
    }
  }

  private boolean allowedImport(String pkg, Set<String> exported) {
    return under(pkg, "java")
        || ManifestReader.isSdkPackage(pkg)
        || systemPackages.contains(pkg)
        || (exported.contains(pkg) && !under(pkg, "io.vjvector"));
  }

  private static boolean under(String pkg, String root) {
    return pkg.equals(root) || pkg.startsWith(root + ".");
  }

  private static void forEachClause(
      Attributes main, String header, List<Violation> violations, Consumer<Clause> action) {
    List<Clause> clauses;
    try {
      clauses = HeaderParser.parse(main.getValue(header));
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(Type.MALFORMED_HEADER, header, e.getMessage()));
      return;
    }
    clauses.forEach(action);
  }

  private static void present(
      Attributes main, String header, Type type, List<Violation> violations) {
    String value = main.getValue(header);
    if (value != null && !value.isBlank()) {
      violations.add(new Violation(type, header, "plugins may not use " + header + ": " + value));
    }
  }
}
