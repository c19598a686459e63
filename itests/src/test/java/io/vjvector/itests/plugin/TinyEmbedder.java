package io.vjvector.itests.plugin;

import io.vjvector.sdk.embed.Embedder;
import io.vjvector.sdk.host.Counter;
import io.vjvector.sdk.host.PluginContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A plugin's embedder, packed into a synthetic plugin bundle by the tests: registered by DS (the
 * descriptor is {@code tiny-embedder.xml} beside this class) and reading its dimension from its
 * {@link PluginContext} configuration.
 */
public class TinyEmbedder implements Embedder {
  private PluginContext context; // set by DS (field injection)
  private Counter calls;

  void activate() {
    calls = context.metrics().counter("embed.calls");
    context
        .logger()
        .log(System.Logger.Level.INFO, "tiny embedder active as {0}", context.pluginId());
  }

  @Override
  public String name() {
    return "tiny";
  }

  @Override
  public String modelId() {
    return "itest/tiny";
  }

  @Override
  public String modelVersion() {
    return context.secret("token").map(String::new).orElse("no-secret");
  }

  @Override
  public int dimension() {
    return context.config().getInt("dimension", 2);
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    calls.increment();
    List<float[]> vectors = new ArrayList<>();
    for (String text : texts) {
      float[] v = new float[dimension()];
      v[0] = text.length();
      vectors.add(v);
    }
    return vectors;
  }
}
