package io.vjvector.plugins.internal;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps plugin bundles that break the rules from resolving, by leaving their forbidden requirements
 * without candidates (the framework then reports exactly those as missing), and keeps admitted
 * plugins wired only to what the rules allow: SDK packages from the host, JDK packages from the
 * framework.
 *
 * <p>Rejection works through {@link #filterMatches} alone, never {@link #filterResolvable}: once a
 * hook removes a revision from the resolvable set, Felix 7.0.5 also drops every candidate that is
 * already resolved from the whole operation, so one rejected plugin lying around would make every
 * later resolve and dynamic import in the framework fail.
 */
final class PluginResolverHook implements ResolverHook {
  private static final Logger LOG = LoggerFactory.getLogger(PluginResolverHook.class);

  private final AdmissionService admission;
  private final Map<String, Boolean> logged;

  /**
   * @param admission the rules
   * @param logged revisions whose rejection was already logged (shared across resolve operations,
   *     so that each rejection is logged once, not on every resolve attempt)
   */
  PluginResolverHook(AdmissionService admission, Map<String, Boolean> logged) {
    this.admission = admission;
    this.logged = logged;
  }

  static Map<String, Boolean> newLog() {
    return new ConcurrentHashMap<>();
  }

  @Override
  public void filterResolvable(Collection<BundleRevision> candidates) {
    // see the class comment
  }

  @Override
  public void filterSingletonCollisions(
      BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
    // the rules say nothing about singletons
  }

  @Override
  public void filterMatches(
      BundleRequirement requirement, Collection<BundleCapability> candidates) {
    if (candidates.isEmpty()) {
      return;
    }
    Bundle requirer = requirement.getRevision().getBundle();
    // a plugin's export under io.vjvector is never offered to anyone
    candidates.removeIf(this::pluginExportUnderHost);
    if (candidates.isEmpty() || !admission.isPlugin(requirer)) {
      return;
    }
    String namespace = requirement.getNamespace();
    String pkg = packageOf(candidates);
    PluginRules.Judgement judgement = admission.judgement(requirer);
    if (!judgement.reasons().isEmpty()) {
      boolean forbidden =
          judgement.blockAll()
              || BundleNamespace.BUNDLE_NAMESPACE.equals(namespace)
              || HostNamespace.HOST_NAMESPACE.equals(namespace)
              || (namespace.startsWith("osgi.wiring.")
                  && !PackageNamespace.PACKAGE_NAMESPACE.equals(namespace))
              || (pkg != null && judgement.forbiddenImports().contains(pkg));
      if (forbidden) {
        logRejection(requirer, judgement);
        candidates.clear();
        return;
      }
    }
    if (pkg == null) {
      return;
    }
    if (PluginRules.isSdk(pkg)) {
      candidates.removeIf(c -> !admission.isHost(c.getRevision().getBundle()));
    } else if (pkg.startsWith("java.") || admission.isJdk(pkg)) {
      candidates.removeIf(c -> c.getRevision().getBundle().getBundleId() != 0);
    }
    // otherwise a package the plugin exports itself: any exporter may substitute it
  }

  @Override
  public void end() {
    // nothing held between calls
  }

  private boolean pluginExportUnderHost(BundleCapability c) {
    if (!PackageNamespace.PACKAGE_NAMESPACE.equals(c.getNamespace())) {
      return false;
    }
    Object pkg = c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
    return pkg instanceof String
        && (pkg.equals("io.vjvector") || ((String) pkg).startsWith("io.vjvector."))
        && admission.isPlugin(c.getRevision().getBundle());
  }

  private static String packageOf(Collection<BundleCapability> candidates) {
    BundleCapability first = candidates.iterator().next();
    if (!PackageNamespace.PACKAGE_NAMESPACE.equals(first.getNamespace())) {
      return null;
    }
    Object pkg = first.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
    return pkg instanceof String ? (String) pkg : null;
  }

  private void logRejection(Bundle bundle, PluginRules.Judgement judgement) {
    String key = bundle.getBundleId() + "@" + bundle.getLastModified();
    if (logged.putIfAbsent(key, Boolean.TRUE) == null) {
      LOG.warn(
          "plugin {} {} (bundle {}) is rejected and will not resolve: {}",
          bundle.getSymbolicName(),
          bundle.getVersion(),
          bundle.getBundleId(),
          String.join("; ", judgement.reasons()));
    }
  }
}
