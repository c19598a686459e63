package io.vjvector.plugins;

import java.util.List;

/**
 * An installed plugin bundle as the registry sees it.
 *
 * @param bundleId the bundle id
 * @param symbolicName the bundle symbolic name (the plugin id)
 * @param version the bundle version
 * @param state {@code INSTALLED}, {@code RESOLVED}, {@code STARTING}, {@code ACTIVE}, {@code
 *     STOPPING} or {@code UNINSTALLED}
 * @param services the SDK services it registers that the registry offers
 * @param rejections why it may not run, one sentence per broken rule; empty if it was admitted
 */
public record PluginInfo(
    long bundleId,
    String symbolicName,
    String version,
    String state,
    List<Service> services,
    List<String> rejections) {

  /** Copies the lists. */
  public PluginInfo {
    services = List.copyOf(services);
    rejections = List.copyOf(rejections);
  }

  /**
   * Whether the admission rules rejected the bundle (it is kept from resolving).
   *
   * @return {@code true} if there is a rejection
   */
  public boolean rejected() {
    return !rejections.isEmpty();
  }

  /**
   * One SDK service of the plugin.
   *
   * @param kind the catalog's kind id: {@code embedder}, {@code reranker}, {@code generator},
   *     {@code document-loader}, {@code chunker} or {@code event-sink}
   * @param name the name the service is selected by
   */
  public record Service(String kind, String name) {}
}
