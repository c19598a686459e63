package io.vjvector.samples.openai;

import io.vjvector.sdk.host.Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The embedder's configuration ({@code etc/io.vjvector.samples.openai.embedder.cfg}), checked once
 * at activation so that a typo fails the component instead of every request.
 *
 * @param endpoint {@code base-url} + {@code /v1/embeddings}; {@code base-url} defaults to {@code
 *     https://api.openai.com}
 * @param model {@code model}, default {@code text-embedding-3-small}
 * @param dimension {@code dimension}, default 1536: every returned vector must have it
 * @param sendDimensions {@code send-dimensions}, default false: whether to ask the model for {@code
 *     dimension} (text-embedding-3 models can shorten their vectors; other servers may reject it)
 * @param batchSize {@code batch-size}, default 64, at most {@value #MAX_BATCH}: texts per request
 * @param timeout {@code timeout}, default 30s, per request
 * @param modelVersion {@code model-version}, or {@code null}: pins {@link
 *     OpenAiEmbedder#modelVersion()}
 */
record OpenAiSettings(
    URI endpoint,
    String model,
    int dimension,
    boolean sendDimensions,
    int batchSize,
    Duration timeout,
    String modelVersion) {

  /** The most inputs OpenAI accepts in one request. */
  static final int MAX_BATCH = 2048;

  static OpenAiSettings of(Config config) {
    String baseUrl = config.getString("base-url", "https://api.openai.com").strip();
    String model = config.getString("model", "text-embedding-3-small").strip();
    int dimension = config.getInt("dimension", 1536);
    int batchSize = config.getInt("batch-size", 64);
    Duration timeout = config.getDuration("timeout", Duration.ofSeconds(30));
    String modelVersion = config.getString("model-version", "").strip();
    if (model.isEmpty()) {
      throw new IllegalArgumentException("configuration 'model' must not be empty");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("configuration 'dimension' must be at least 1");
    }
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException(
          "configuration 'batch-size' must be between 1 and " + MAX_BATCH + ", not " + batchSize);
    }
    if (timeout.isZero()) {
      throw new IllegalArgumentException("configuration 'timeout' must be above zero");
    }
    return new OpenAiSettings(
        endpoint(baseUrl),
        model,
        dimension,
        config.getBoolean("send-dimensions", false),
        batchSize,
        timeout,
        modelVersion.isEmpty() ? null : modelVersion);
  }

  private static URI endpoint(String baseUrl) {
    String base = baseUrl;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    try {
      URI uri = new URI(base + "/v1/embeddings");
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new URISyntaxException(baseUrl, "not an http(s) URL without query or fragment");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "configuration 'base-url' must be an http(s) URL such as https://api.openai.com, not '"
              + baseUrl
              + "'");
    }
  }
}
