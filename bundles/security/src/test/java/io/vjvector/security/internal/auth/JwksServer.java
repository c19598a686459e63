package io.vjvector.security.internal.auth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A JWKS endpoint on 127.0.0.1 for tests, counting fetches; {@code /chunked} answers chunked. */
final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>("{\"keys\":[]}");
  private final AtomicInteger fetches = new AtomicInteger();

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          fetches.incrementAndGet();
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getPath();
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          if (path.startsWith("/redirect")) {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
          }
          exchange.sendResponseHeaders(200, path.startsWith("/chunked") ? 0 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void serve(String json) {
    body.set(json);
  }

  int fetches() {
    return fetches.get();
  }

  void resetCount() {
    fetches.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
