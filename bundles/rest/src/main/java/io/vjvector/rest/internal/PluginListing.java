package io.vjvector.rest.internal;

import io.vjvector.plugins.PluginInfo;
import io.vjvector.plugins.PluginRegistry;
import io.vjvector.rest.internal.dto.PluginView;
import java.util.ArrayList;
import java.util.List;

/**
 * The only class that touches the plugin host's API. It is loaded when a registry is there to
 * describe, never before, so the REST bundle resolves and runs without the plugin host.
 */
final class PluginListing {
  private PluginListing() {}

  /**
   * Embeds texts with the embedder registered under a name.
   *
   * @throws io.vjvector.sdk.error.VjvException UNAVAILABLE (503) if no such embedder is installed
   */
  static List<float[]> embed(Object registry, String name, List<String> texts) {
    return ((PluginRegistry) registry)
        .require(io.vjvector.sdk.embed.Embedder.class, name)
        .embed(texts);
  }

  static List<PluginView> describe(Object registry) {
    List<PluginView> views = new ArrayList<>();
    for (PluginInfo p : ((PluginRegistry) registry).plugins()) {
      PluginView v = new PluginView();
      v.bundleId = p.bundleId();
      v.symbolicName = p.symbolicName();
      v.version = p.version();
      v.state = p.state();
      v.services = new ArrayList<>();
      for (PluginInfo.Service s : p.services()) {
        PluginView.Service service = new PluginView.Service();
        service.kind = s.kind();
        service.name = s.name();
        v.services.add(service);
      }
      v.rejected = p.rejected();
      v.reasons = p.rejections();
      views.add(v);
    }
    return views;
  }
}
