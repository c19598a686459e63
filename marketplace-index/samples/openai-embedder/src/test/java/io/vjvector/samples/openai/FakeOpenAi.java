package io.vjvector.samples.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI's {@code POST /v1/embeddings}: by default it
 * answers each text with {@link #vectorOf} and lists the embeddings in reverse order (with their
 * {@code index}), as the API allows. Tests replace the answer to provoke failures.
 */
final class FakeOpenAi implements AutoCloseable {

  /** A request the server received. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    @SuppressWarnings("unchecked")
    List<String> inputs() {
      return (List<String>) ((Map<String, Object>) Json.parse(body)).get("input");
    }
  }

  /** An answer: status and body. */
  record Answer(int status, String body) {}

  final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final HttpServer server;
  private volatile int dimension;
  private volatile Function<Received, Answer> answer = this::embeddings;

  FakeOpenAi(int dimension) throws IOException {
    this.dimension = dimension;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void answer(Function<Received, Answer> answer) {
    this.answer = answer;
  }

  void answer(int status, String body) {
    this.answer = r -> new Answer(status, body);
  }

  void dimension(int dimension) {
    this.dimension = dimension;
  }

  /** The deterministic vector the server returns for a text. */
  static float[] vectorOf(String text, int dimension) {
    float[] v = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      v[i] = (text.hashCode() % 1000 + i * 7) / 1000f;
    }
    return v;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Received request =
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body);
    received.add(request);
    Answer a =
        request.method().equals("POST") && request.path().equals("/v1/embeddings")
            ? answer.apply(request)
            : new Answer(404, "{\"error\":{\"message\":\"no route\"}}");
    byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Answer embeddings(Received request) {
    List<String> inputs = request.inputs();
    StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = inputs.size() - 1; i >= 0; i--) {
      json.append("{\"object\":\"embedding\",\"index\":").append(i).append(",\"embedding\":[");
      float[] v = vectorOf(inputs.get(i), dimension);
      for (int j = 0; j < v.length; j++) {
        json.append(j == 0 ? "" : ",").append(v[j]);
      }
      json.append("]}").append(i == 0 ? "" : ",");
    }
    json.append("],\"model\":\"test-model\",\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}");
    return new Answer(200, json.toString());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
