package io.vjvector.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the tests, talking to 127.0.0.1 only. */
public final class Http {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  /**
   * A client for one node.
   *
   * @param port the node's HTTP port on 127.0.0.1
   */
  public Http(int port) {
    this.base = "http://127.0.0.1:" + port + "/api/v1/";
  }

  /** A response: status, content type and body. */
  public static final class Reply {
    public final int status;
    public final String contentType;
    public final String body;

    Reply(int status, String contentType, String body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }

    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Reply delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public Reply post(String path, Object body) throws IOException, InterruptedException {
    return send(json(path, body).POST(publisher(body)));
  }

  public Reply put(String path, Object body) throws IOException, InterruptedException {
    return send(json(path, body).PUT(publisher(body)));
  }

  /** Sends raw bytes with a content type, for malformed-input tests. */
  public Reply raw(String method, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder json(String path, Object body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher publisher(Object body) throws IOException {
    String s = body instanceof String ? (String) body : JSON.writeValueAsString(body);
    return HttpRequest.BodyPublishers.ofString(s);
  }

  private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<String> r =
        client.send(
            b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /**
   * Waits until {@code /ready} answers 200.
   *
   * @param timeout how long at most
   * @throws AssertionError if the node is not ready in time
   */
  public void awaitReady(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < end) {
      try {
        Reply r = get("ready");
        if (r.status == 200) {
          return;
        }
        last = r.toString();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("node not ready after " + timeout + ": " + last);
  }
}
