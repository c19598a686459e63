package io.vjvector.plugins.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each plugin's configuration (PID = plugin id, that is {@code etc/<plugin id>.cfg}) and
 * keeps the promise that a {@code PluginContext} is a snapshot: when the configuration of a plugin
 * that holds a context changes, that plugin's bundle is restarted (transiently, nothing else), so
 * its components come back with a new context and the new values.
 */
@Component(service = {PluginConfigs.class, ConfigurationListener.class})
public class PluginConfigs implements ConfigurationListener {
  private static final Logger LOG = LoggerFactory.getLogger(PluginConfigs.class);

  private final BundleContext context;
  private final ConfigurationAdmin configAdmin;
  private final AdmissionService admission;

  /**
   * What one bundle holds of one plugin: the settings its contexts were made with, and how many.
   */
  private record Held(PluginSettings settings, int contexts) {}

  /** Plugin id to the bundles holding a context for it. */
  private final Map<String, Map<Long, Held>> live = new ConcurrentHashMap<>();

  private final ExecutorService restarts =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "vjvector-plugin-restart");
            t.setDaemon(true);
            return t;
          });

  /**
   * Creates the reader.
   *
   * @param context this bundle's context, to find plugin bundles
   * @param configAdmin where configurations live
   * @param admission tells plugins from the host's bundles
   */
  @Activate
  public PluginConfigs(
      BundleContext context,
      @Reference ConfigurationAdmin configAdmin,
      @Reference AdmissionService admission) {
    this.context = context;
    this.configAdmin = configAdmin;
    this.admission = admission;
  }

  @Deactivate
  void deactivate() {
    restarts.shutdownNow();
  }

  /**
   * A plugin's settings as they are now.
   *
   * @param pluginId the plugin
   * @return its settings; empty ones if it has no configuration
   */
  PluginSettings load(String pluginId) {
    Map<String, Object> properties = new HashMap<>();
    try {
      Configuration[] found =
          configAdmin.listConfigurations("(service.pid=" + escape(pluginId) + ")");
      if (found != null && found.length > 0 && found[0].getProperties() != null) {
        Dictionary<String, Object> d = found[0].getProperties();
        for (String key : Collections.list(d.keys())) {
          properties.put(key, d.get(key));
        }
      }
    } catch (IOException | InvalidSyntaxException e) {
      throw new IllegalStateException("cannot read the configuration of plugin " + pluginId, e);
    }
    return PluginSettings.of(pluginId, properties, System::getenv);
  }

  /** A context for the plugin, made with these settings, was handed to the bundle. */
  void opened(String pluginId, long bundleId, PluginSettings settings) {
    live.computeIfAbsent(pluginId, id -> new ConcurrentHashMap<>())
        .merge(bundleId, new Held(settings, 1), (a, b) -> new Held(b.settings(), a.contexts() + 1));
  }

  /** The bundle released a context of the plugin. */
  void closed(String pluginId, long bundleId) {
    live.computeIfPresent(
        pluginId,
        (id, bundles) -> {
          bundles.computeIfPresent(
              bundleId,
              (b, h) -> h.contexts() > 1 ? new Held(h.settings(), h.contexts() - 1) : null);
          return bundles.isEmpty() ? null : bundles;
        });
  }

  @Override
  public void configurationEvent(ConfigurationEvent event) {
    if (event.getFactoryPid() != null
        || (event.getType() != ConfigurationEvent.CM_UPDATED
            && event.getType() != ConfigurationEvent.CM_DELETED)) {
      return;
    }
    String pid = event.getPid();
    if (!live.containsKey(pid)) {
      return;
    }
    restarts.execute(
        () -> {
          Map<Long, Held> holders = live.getOrDefault(pid, Map.of());
          if (holders.isEmpty()) {
            return;
          }
          PluginSettings now = load(pid);
          for (Map.Entry<Long, Held> h : Set.copyOf(holders.entrySet())) {
            // ConfigAdmin also reports changes nobody sees (the file the console writes back)
            if (!h.getValue().settings().equals(now)) {
              restart(pid, h.getKey());
            }
          }
        });
  }

  private void restart(String pluginId, long bundleId) {
    Bundle bundle = context.getBundle(bundleId);
    if (bundle == null || bundle.getState() != Bundle.ACTIVE) {
      return;
    }
    if (!admission.isPlugin(bundle)) {
      // never restart a host bundle from here; it sees the new values on its next start
      LOG.info(
          "configuration {} changed; bundle {} keeps its context until it restarts",
          pluginId,
          bundleId);
      return;
    }
    LOG.info("configuration of plugin {} changed: restarting bundle {}", pluginId, bundleId);
    try {
      bundle.stop(Bundle.STOP_TRANSIENT);
      bundle.start(Bundle.START_TRANSIENT);
    } catch (BundleException | IllegalStateException e) {
      LOG.warn(
          "could not restart plugin {} (bundle {}) after a configuration change",
          pluginId,
          bundleId,
          e);
    }
  }

  /** Escapes a value for an LDAP filter (RFC 4515). */
  static String escape(String value) {
    StringBuilder s = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '\\' || c == '*' || c == '(' || c == ')') {
        s.append('\\');
      }
      s.append(c);
    }
    return s.toString();
  }
}
