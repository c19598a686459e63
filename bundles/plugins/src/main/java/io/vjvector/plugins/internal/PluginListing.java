package io.vjvector.plugins.internal;

import io.vjvector.plugins.PluginInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;

/** Describes the installed plugins from the bundles and the services the registry holds. */
final class PluginListing {
  private final AdmissionService admission;
  private final Map<Long, List<PluginInfo.Service>> servicesByBundle = new HashMap<>();

  PluginListing(AdmissionService admission, Collection<? extends NamedServices<?>> registered) {
    this.admission = admission;
    for (NamedServices<?> named : registered) {
      for (NamedServices.Entry<?> e : named.entries()) {
        servicesByBundle
            .computeIfAbsent(e.bundleId(), id -> new ArrayList<>())
            .add(new PluginInfo.Service(named.spi().id(), e.name()));
      }
    }
  }

  /** The plugins among these bundles, and the bundles that register SDK services. */
  List<PluginInfo> list(Bundle[] bundles) {
    List<PluginInfo> plugins = new ArrayList<>();
    for (Bundle b : bundles) {
      List<PluginInfo.Service> services = servicesByBundle.getOrDefault(b.getBundleId(), List.of());
      boolean plugin = admission.isPlugin(b);
      if (!plugin && services.isEmpty()) {
        continue;
      }
      plugins.add(
          new PluginInfo(
              b.getBundleId(),
              String.valueOf(b.getSymbolicName()),
              b.getVersion().toString(),
              state(b.getState()),
              services,
              plugin ? admission.rejections(b) : List.of()));
    }
    return plugins;
  }

  static String state(int state) {
    switch (state) {
      case Bundle.INSTALLED:
        return "INSTALLED";
      case Bundle.RESOLVED:
        return "RESOLVED";
      case Bundle.STARTING:
        return "STARTING";
      case Bundle.STOPPING:
        return "STOPPING";
      case Bundle.ACTIVE:
        return "ACTIVE";
      default:
        return "UNINSTALLED";
    }
  }
}
