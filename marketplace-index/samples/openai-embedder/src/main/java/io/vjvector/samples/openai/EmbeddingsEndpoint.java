package io.vjvector.samples.openai;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.host.PluginContext;
import io.vjvector.sdk.host.Timer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One request to an OpenAI-compatible {@code POST /v1/embeddings}, sent through the host, and the
 * checks on its answer: status, shape, count, order ({@code index}), dimension and finiteness.
 * Every failure is a {@link VjvException} that says which endpoint failed and how.
 */
final class EmbeddingsEndpoint {
  private static final int MAX_SERVER_MESSAGE = 300;

  private final PluginContext context;
  private final OpenAiSettings settings;
  private final String userAgent;
  private final Timer latency;

  EmbeddingsEndpoint(PluginContext context, OpenAiSettings settings, String userAgent) {
    this.context = context;
    this.settings = settings;
    this.userAgent = userAgent;
    this.latency = context.metrics().timer("openai.request");
  }

  /**
   * @param texts at most {@link OpenAiSettings#batchSize()} non-empty texts
   * @param apiKey the key, or {@code null} for servers that need none
   * @return one vector per text, in order
   */
  List<float[]> embed(List<String> texts, char[] apiKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.endpoint())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", userAgent)
            .POST(HttpRequest.BodyPublishers.ofString(body(texts), StandardCharsets.UTF_8));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + new String(apiKey));
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      throw statusError(response);
    }
    return vectors(response.body(), texts.size());
  }

  private String body(List<String> texts) {
    StringBuilder json = new StringBuilder("{\"model\":").append(Json.quote(settings.model()));
    json.append(",\"input\":[");
    for (int i = 0; i < texts.size(); i++) {
      json.append(i == 0 ? "" : ",").append(Json.quote(texts.get(i)));
    }
    json.append("],\"encoding_format\":\"float\"");
    if (settings.sendDimensions()) {
      json.append(",\"dimensions\":").append(settings.dimension());
    }
    return json.append('}').toString();
  }

  private HttpResponse<String> send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      return context.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (SecurityException e) {
      throw new VjvException(
          ErrorType.UNAVAILABLE,
          "the host does not let this plugin reach "
              + settings.endpoint().getHost()
              + ": grant it network access to that host",
          e);
    } catch (HttpTimeoutException e) {
      throw new VjvException(
          ErrorType.UNAVAILABLE,
          "embedding endpoint "
              + settings.endpoint()
              + " did not answer within "
              + settings.timeout(),
          e);
    } catch (IOException e) {
      throw new VjvException(
          ErrorType.UNAVAILABLE,
          "cannot reach embedding endpoint " + settings.endpoint() + ": " + describe(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VjvException(
          ErrorType.UNAVAILABLE, "interrupted while waiting for " + settings.endpoint(), e);
    } finally {
      latency.record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private VjvException statusError(HttpResponse<String> response) {
    int status = response.statusCode();
    String what = "embedding endpoint " + settings.endpoint() + " answered HTTP " + status;
    return switch (status) {
      // The server's message may echo part of the key: not repeated.
      case 401, 403 ->
          new VjvException(
              ErrorType.UNAVAILABLE,
              what + ": it refused the credentials; check the api-key secret");
      case 400, 413, 422 ->
          new VjvException(ErrorType.INVALID_REQUEST, what + serverMessage(response.body()));
      case 404 ->
          new VjvException(
              ErrorType.UNAVAILABLE,
              what
                  + ": check base-url and model '"
                  + settings.model()
                  + "'"
                  + serverMessage(response.body()));
      case 429 ->
          new VjvException(
              ErrorType.UNAVAILABLE, what + ": rate limited" + serverMessage(response.body()));
      default -> new VjvException(ErrorType.UNAVAILABLE, what + serverMessage(response.body()));
    };
  }

  /** OpenAI's {@code {"error": {"message": ...}}} (or {@code {"error": "..."}}), shortened. */
  private static String serverMessage(String body) {
    try {
      Object error = ((Map<?, ?>) Json.parse(body)).get("error");
      Object message = error instanceof Map ? ((Map<?, ?>) error).get("message") : error;
      if (message instanceof String && !((String) message).isBlank()) {
        String text = ((String) message).strip();
        return ": "
            + (text.length() > MAX_SERVER_MESSAGE
                ? text.substring(0, MAX_SERVER_MESSAGE) + "..."
                : text);
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      // not an OpenAI error document: the status says enough
    }
    return "";
  }

  private List<float[]> vectors(String body, int expected) {
    Object data;
    try {
      Object root = Json.parse(body);
      data = root instanceof Map ? ((Map<?, ?>) root).get("data") : null;
    } catch (IllegalArgumentException e) {
      throw malformed("the response is not JSON (" + e.getMessage() + ")");
    }
    if (!(data instanceof List)) {
      throw malformed("the response has no \"data\" array");
    }
    List<?> items = (List<?>) data;
    if (items.size() != expected) {
      throw malformed("it returned " + items.size() + " embeddings for " + expected + " texts");
    }
    float[][] vectors = new float[expected][];
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map)) {
        throw malformed("data[" + i + "] is not an object");
      }
      Map<?, ?> item = (Map<?, ?>) items.get(i);
      int index = index(item.get("index"), i, expected);
      if (vectors[index] != null) {
        throw malformed("index " + index + " appears twice");
      }
      vectors[index] = vector(item.get("embedding"), index);
    }
    return List.of(vectors);
  }

  private int index(Object index, int position, int expected) {
    if (index == null) {
      return position; // servers that omit it answer in order
    }
    if (!(index instanceof Double)
        || (Double) index != Math.rint((Double) index)
        || (Double) index < 0
        || (Double) index >= expected) {
      throw malformed("data[" + position + "].index " + index + " is not in 0.." + (expected - 1));
    }
    return ((Double) index).intValue();
  }

  private float[] vector(Object embedding, int index) {
    if (!(embedding instanceof List)) {
      throw malformed("embedding " + index + " is not an array of numbers");
    }
    List<?> values = (List<?>) embedding;
    if (values.size() != settings.dimension()) {
      throw new VjvException(
          ErrorType.UNAVAILABLE,
          "embedding endpoint "
              + settings.endpoint()
              + " returned "
              + values.size()
              + "-dimensional vectors for model '"
              + settings.model()
              + "', but this embedder is configured with dimension="
              + settings.dimension()
              + ": set dimension to the model's output size"
              + (settings.sendDimensions()
                  ? ""
                  : " (or send-dimensions=true if it can shorten them)"));
    }
    float[] vector = new float[values.size()];
    for (int i = 0; i < vector.length; i++) {
      Object value = values.get(i);
      float f = value instanceof Double ? (float) (double) (Double) value : Float.NaN;
      if (!Float.isFinite(f)) {
        throw malformed("embedding " + index + " has a value that is not a finite float: " + value);
      }
      vector[i] = f;
    }
    return vector;
  }

  private VjvException malformed(String problem) {
    return new VjvException(
        ErrorType.UNAVAILABLE,
        "embedding endpoint " + settings.endpoint() + " gave an unusable answer: " + problem);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
