package io.vjvector.plugins.internal;

import io.vjvector.engine.VectorEngine;
import io.vjvector.sdk.host.Config;
import io.vjvector.sdk.host.Metrics;
import io.vjvector.sdk.host.PluginContext;
import io.vjvector.sdk.store.VectorStore;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link PluginContext} of one plugin bundle: bundle scope, so every bundle that gets the
 * service gets its own instance, bound to that bundle's symbolic name as the plugin id.
 */
@Component(service = PluginContext.class, scope = ServiceScope.BUNDLE)
public class PluginContextService implements PluginContext {
  private final Bundle plugin;
  private final String pluginId;
  private final PluginConfigs configs;
  private final PluginSettings settings;
  private final Metrics metrics;
  private final EgressService egress;
  private final System.Logger logger;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile VectorEngine engine;

  /**
   * Binds a context to the bundle that asked for it.
   *
   * @param component the component context, which names the using bundle
   * @param configs plugin configurations
   * @param metrics the metric store
   * @param egress outbound HTTP
   */
  @Activate
  public PluginContextService(
      ComponentContext component,
      @Reference PluginConfigs configs,
      @Reference MetricStore metrics,
      @Reference EgressService egress) {
    this.plugin = component.getUsingBundle();
    String bsn = plugin.getSymbolicName();
    this.pluginId = bsn == null ? "bundle-" + plugin.getBundleId() : bsn;
    this.configs = configs;
    this.settings = configs.load(pluginId);
    this.metrics = metrics.forPlugin(pluginId);
    this.egress = egress;
    this.logger = new PluginLogger(pluginId);
    configs.opened(pluginId, plugin.getBundleId(), settings);
  }

  @Deactivate
  void deactivate() {
    configs.closed(pluginId, plugin.getBundleId());
  }

  @Override
  public String pluginId() {
    return pluginId;
  }

  @Override
  public Config config() {
    return settings.config();
  }

  @Override
  public Optional<char[]> secret(String name) {
    return settings.secret(name);
  }

  @Override
  public Metrics metrics() {
    return metrics;
  }

  @Override
  public System.Logger logger() {
    return logger;
  }

  /** The plugin bundle's own data area: kept across restarts and updates, gone on uninstall. */
  @Override
  public Path dataDirectory() {
    BundleContext context = plugin.getBundleContext();
    File area = context == null ? null : context.getDataFile("vjvector");
    if (area == null) {
      throw new IllegalStateException("plugin " + pluginId + " has no data area (is it active?)");
    }
    try {
      return Files.createDirectories(area.toPath());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the data directory of plugin " + pluginId, e);
    }
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler)
      throws IOException, InterruptedException {
    return egress.send(pluginId, settings.egressAllow(), metrics, request, bodyHandler);
  }

  @Override
  public VectorStore vectorStore(String tenant) {
    if (tenant == null || !settings.mayUseTenant(tenant)) {
      throw new SecurityException(
          "plugin " + pluginId + " was not granted access to tenant '" + tenant + "'");
    }
    return new TenantStore(tenant, () -> engine);
  }
}
