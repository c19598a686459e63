package io.vjvector.plugins.internal;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.ManifestAdmission;
import io.vjvector.marketplace.PluginManifest;
import io.vjvector.plugins.PluginAdmission;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Applies the plugin rules to jars about to be installed and to installed bundles; the resolver
 * hook and the registry ask it about bundles, installers about jars.
 */
@Component(
    service = {PluginAdmission.class, AdmissionService.class},
    configurationPid = HostConfig.PID)
@Designate(ocd = HostConfig.class)
public class AdmissionService implements PluginAdmission {
  /** The verdict on one revision of a bundle. */
  private record Verdict(long lastModified, boolean plugin, PluginRules.Judgement judgement) {}

  private final PluginRules rules;
  private final Set<String> jdk = ManifestAdmission.jdkPackages();
  private final Map<Long, Verdict> verdicts = new ConcurrentHashMap<>();

  /**
   * Reads the host's trusted locations.
   *
   * @param config the host configuration
   */
  @Activate
  public AdmissionService(HostConfig config) {
    this(EgressService.nonBlank(config.host_locations()));
  }

  AdmissionService(List<String> hostLocations) {
    this.rules = new PluginRules(hostLocations, jdk);
  }

  @Override
  public List<String> check(Path jar) {
    Manifest manifest;
    try {
      manifest = PluginManifest.readManifest(jar);
    } catch (CatalogException e) {
      return List.of(e.getMessage());
    } catch (RuntimeException e) {
      return List.of("cannot read " + jar + ": " + e);
    }
    return rules.judge(manifest).reasons();
  }

  /** Whether the bundle is a plugin: not the host's, and using the SDK or declaring a kind. */
  boolean isPlugin(Bundle bundle) {
    return verdict(bundle).plugin();
  }

  /**
   * Why a bundle may not run as a plugin; empty for the host's bundles and admitted plugins. Also
   * answers for bundles that do not look like plugins, for when they register SDK services.
   */
  List<String> rejections(Bundle bundle) {
    return verdict(bundle).judgement().reasons();
  }

  /** The full verdict on a bundle: what it breaks and how the resolver must keep it out. */
  PluginRules.Judgement judgement(Bundle bundle) {
    return verdict(bundle).judgement();
  }

  /** Whether a package is one of the JDK's (besides {@code java.*}) that plugins may import. */
  boolean isJdk(String pkg) {
    return jdk.contains(pkg);
  }

  boolean isHost(Bundle bundle) {
    return rules.isHost(bundle.getBundleId(), bundle.getLocation());
  }

  private Verdict verdict(Bundle bundle) {
    long modified = bundle.getLastModified();
    Verdict v = verdicts.get(bundle.getBundleId());
    if (v == null || v.lastModified() != modified) {
      v = judge(bundle, modified);
      verdicts.put(bundle.getBundleId(), v);
    }
    return v;
  }

  private Verdict judge(Bundle bundle, long modified) {
    if (rules.isHost(bundle.getBundleId(), bundle.getLocation())) {
      return new Verdict(modified, false, PluginRules.Judgement.ADMITTED);
    }
    Manifest manifest = PluginRules.manifest(bundle.getHeaders(""));
    boolean plugin = PluginRules.declaresPlugin(manifest.getMainAttributes());
    return new Verdict(modified, plugin, rules.judge(manifest));
  }
}
