package io.vjvector.samples.openai;

import io.vjvector.sdk.embed.Embedder;
import io.vjvector.sdk.embed.VjvEmbedder;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.host.Counter;
import io.vjvector.sdk.host.PluginContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An {@link Embedder} backed by any OpenAI-compatible {@code POST {base-url}/v1/embeddings}
 * endpoint (OpenAI, Azure-style gateways, vLLM, Ollama, LocalAI, ...). Configuration comes from the
 * host ({@link OpenAiSettings}); the API key is the secret {@value #API_KEY} (optional, for servers
 * that need none); requests go through the host's egress policy ({@link PluginContext#send}). Texts
 * are sent in batches of {@code batch-size}; the answer of every batch is checked before any vector
 * is returned.
 */
@Component(service = Embedder.class)
@VjvEmbedder(name = OpenAiEmbedder.NAME)
public class OpenAiEmbedder implements Embedder {
  static final String NAME = "openai";
  static final String API_KEY = "api-key";

  private final PluginContext context;
  private final OpenAiSettings settings;
  private final String release;
  private final EmbeddingsEndpoint endpoint;
  private final Counter embedded;

  /**
   * @param context the host, which supplies configuration, the API key and the network
   */
  @Activate
  public OpenAiEmbedder(@Reference(name = "context") PluginContext context) {
    this(context, release());
  }

  OpenAiEmbedder(PluginContext context, String release) {
    this.context = context;
    this.settings = OpenAiSettings.of(context.config());
    this.release = release;
    this.endpoint =
        new EmbeddingsEndpoint(context, settings, "vjvector-openai-embedder/" + release);
    this.embedded = context.metrics().counter("openai.texts");
  }

  /** This plugin's release, which the build writes into {@code release.properties}. */
  static String release() {
    try (InputStream in = OpenAiEmbedder.class.getResourceAsStream("release.properties")) {
      if (in == null) {
        throw new IllegalStateException("release.properties is missing from the plugin");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").strip();
      if (version.isEmpty()) {
        throw new IllegalStateException("release.properties has no version");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String modelId() {
    return settings.model();
  }

  /**
   * The remote model's weights are invisible from here, so unless the operator pins {@code
   * model-version}, this is the plugin's release: a new release may make the host re-embed, never
   * the reverse (equal versions must mean equal vectors).
   */
  @Override
  public String modelVersion() {
    return settings.modelVersion() != null ? settings.modelVersion() : release;
  }

  @Override
  public int dimension() {
    return settings.dimension();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts == null) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "texts must not be null");
    }
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null || texts.get(i).isEmpty()) {
        // OpenAI rejects empty input; saying which one beats its generic 400
        throw new VjvException(ErrorType.INVALID_REQUEST, "text " + i + " is empty");
      }
    }
    if (texts.isEmpty()) {
      return List.of();
    }
    List<float[]> vectors = new ArrayList<>(texts.size());
    char[] apiKey = context.secret(API_KEY).orElse(null);
    try {
      for (int from = 0; from < texts.size(); from += settings.batchSize()) {
        List<String> batch =
            texts.subList(from, Math.min(texts.size(), from + settings.batchSize()));
        vectors.addAll(endpoint.embed(batch, apiKey));
      }
    } finally {
      if (apiKey != null) {
        Arrays.fill(apiKey, '\0');
      }
    }
    embedded.increment(texts.size());
    return vectors;
  }
}
