package io.vjvector.plugins.internal;

import io.vjvector.sdk.host.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the operator set for one plugin in {@code etc/<plugin id>.cfg}, split by who may see it:
 *
 * <ul>
 *   <li>{@code secret.<name>} entries are the plugin's secrets, never part of its {@link Config}; a
 *       secret not set there comes from the environment variable {@code
 *       VJVECTOR_SECRET_<PLUGIN_ID>_<NAME>} (upper case, other characters as {@code _});
 *   <li>{@code vjvector.*} entries are the operator's grants ({@code vjvector.egress.allow}, {@code
 *       vjvector.tenants}), not the plugin's configuration;
 *   <li>ConfigAdmin's and Felix's own entries ({@code service.pid}, ...) are dropped;
 *   <li>everything else is the plugin's {@link Config}.
 * </ul>
 */
final class PluginSettings {
  static final String SECRET_PREFIX = "secret.";
  static final String EGRESS_ALLOW = "vjvector.egress.allow";
  static final String TENANTS = "vjvector.tenants";

  private static final Set<String> FRAMEWORK_KEYS =
      Set.of("service.pid", "service.factoryPid", "service.bundleLocation");

  private final String pluginId;
  private final Config config;
  private final Map<String, String> secrets;
  private final List<String> egressAllow;
  private final Set<String> tenants;
  private final UnaryOperator<String> environment;

  private PluginSettings(
      String pluginId,
      Config config,
      Map<String, String> secrets,
      List<String> egressAllow,
      Set<String> tenants,
      UnaryOperator<String> environment) {
    this.pluginId = pluginId;
    this.config = config;
    this.secrets = secrets;
    this.egressAllow = egressAllow;
    this.tenants = tenants;
    this.environment = environment;
  }

  /**
   * Splits a plugin's configuration.
   *
   * @param pluginId the plugin
   * @param properties its ConfigAdmin properties, empty if it has none
   * @param environment reads environment variables ({@code System::getenv})
   * @return the settings
   * @throws IllegalArgumentException if a grant is malformed
   */
  static PluginSettings of(
      String pluginId, Map<String, ?> properties, UnaryOperator<String> environment) {
    Map<String, Object> plain = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    Map<String, Object> grants = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : properties.entrySet()) {
      String key = e.getKey();
      if (FRAMEWORK_KEYS.contains(key) || key.startsWith("felix.") || e.getValue() == null) {
        continue;
      }
      if (key.startsWith(SECRET_PREFIX) && key.length() > SECRET_PREFIX.length()) {
        secrets.put(key.substring(SECRET_PREFIX.length()), String.valueOf(e.getValue()));
      } else if (key.startsWith("vjvector.")) {
        grants.put(key, e.getValue());
      } else {
        plain.put(key, e.getValue());
      }
    }
    Config granted = Config.of(grants);
    return new PluginSettings(
        pluginId,
        Config.of(plain),
        Map.copyOf(secrets),
        granted.getStrings(EGRESS_ALLOW),
        Set.copyOf(granted.getStrings(TENANTS)),
        environment);
  }

  Config config() {
    return config;
  }

  /** A fresh copy of a secret, from the configuration or else the environment. */
  Optional<char[]> secret(String name) {
    String value = secrets.get(name);
    if (value == null) {
      value = environment.apply(environmentName(pluginId, name));
    }
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value.toCharArray());
  }

  /** The hosts this plugin may reach besides those every plugin may. */
  List<String> egressAllow() {
    return egressAllow;
  }

  /** Whether the plugin may use a tenant's vector store ({@code *} grants every tenant). */
  boolean mayUseTenant(String tenant) {
    return tenants.contains(tenant) || tenants.contains("*");
  }

  /** Equal when the plugin would see the same configuration, secrets and grants. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PluginSettings)) {
      return false;
    }
    PluginSettings other = (PluginSettings) o;
    return pluginId.equals(other.pluginId)
        && config.equals(other.config)
        && secrets.equals(other.secrets)
        && egressAllow.equals(other.egressAllow)
        && tenants.equals(other.tenants);
  }

  @Override
  public int hashCode() {
    return config.hashCode() * 31 + pluginId.hashCode();
  }

  static String environmentName(String pluginId, String secret) {
    return ("VJVECTOR_SECRET_" + pluginId + "_" + secret)
        .toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9_]", "_");
  }
}
