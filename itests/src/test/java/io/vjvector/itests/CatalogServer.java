package io.vjvector.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A static file server for the test catalogs and an OpenAI-compatible {@code /v1/embeddings}
 * endpoint, on 127.0.0.1 only, in the test's JVM (outside the container under test). The embeddings
 * are deterministic: a text's vector depends only on its bytes and the dimension.
 */
final class CatalogServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Path root;

  CatalogServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> daemon(r)));
    server.createContext("/v1/embeddings", this::embeddings);
    server.createContext("/", this::file);
    server.start();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "test-catalog-server");
    t.setDaemon(true);
    return t;
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void file(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      Path p = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p)) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = Files.readAllBytes(p);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private void embeddings(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode request;
      try (InputStream in = ex.getRequestBody()) {
        request = JSON.readTree(in);
      }
      ObjectNode response = JSON.createObjectNode();
      response.put("object", "list");
      response.put("model", request.path("model").asText());
      ArrayNode data = response.putArray("data");
      JsonNode input = request.path("input");
      for (int i = 0; i < input.size(); i++) {
        ObjectNode item = data.addObject();
        item.put("object", "embedding");
        item.put("index", i);
        ArrayNode v = item.putArray("embedding");
        for (float f : FakeEmbeddings.vector(input.get(i).asText())) {
          v.add(f);
        }
      }
      response
          .putObject("usage")
          .put("prompt_tokens", input.size())
          .put("total_tokens", input.size());
      byte[] body = JSON.writeValueAsBytes(response);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
