package io.vjvector.plugins.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces plugin admission in the framework's resolver, failing closed: a plugin bundle that
 * breaks a rule does not resolve, so none of its code runs. Plugins that were resolved before this
 * hook was there (the host bundle started after them) are refreshed once so that the rules apply to
 * them too; nothing else is refreshed.
 */
@Component(service = ResolverHookFactory.class, immediate = true)
public class PluginResolverHookFactory implements ResolverHookFactory {
  private static final Logger LOG = LoggerFactory.getLogger(PluginResolverHookFactory.class);

  private final AdmissionService admission;
  private final Map<String, Boolean> logged = PluginResolverHook.newLog();

  /**
   * Installs the hook and brings plugins that slipped through under it.
   *
   * @param context this bundle's context
   * @param admission the rules
   */
  @Activate
  public PluginResolverHookFactory(BundleContext context, @Reference AdmissionService admission) {
    this.admission = admission;
    List<Bundle> slipped = new ArrayList<>();
    for (Bundle b : context.getBundles()) {
      boolean resolved = (b.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) == 0;
      if (resolved && admission.isPlugin(b) && !admission.rejections(b).isEmpty()) {
        slipped.add(b);
      }
    }
    if (!slipped.isEmpty()) {
      LOG.warn(
          "refreshing rejected plugins that were resolved before admission was enforced: {}",
          slipped);
      context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(slipped);
    }
  }

  @Override
  public ResolverHook begin(Collection<BundleRevision> triggers) {
    return new PluginResolverHook(admission, logged);
  }
}
