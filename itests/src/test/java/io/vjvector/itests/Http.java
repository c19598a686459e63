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
  private final int port;

  /** Where the node's bootstrap admin key is, or null; read once it exists. */
  private final java.nio.file.Path keyFile;

  private volatile String token;

  /**
   * A client for one node that acts as its platform administrator: inside the container, with the
   * bootstrap admin key the node writes into its data directory.
   *
   * @param port the node's HTTP port on 127.0.0.1
   */
  public Http(int port) {
    this(
        port,
        System.getProperty("karaf.data") == null
            ? null
            : java.nio.file.Path.of(
                System.getProperty("karaf.data"), "vjvector-security", "admin.key"),
        null);
  }

  /**
   * A client for one node that uses the bootstrap admin key in a given file.
   *
   * @param port the node's HTTP port on 127.0.0.1
   * @param keyFile the node's {@code admin.key}
   */
  public Http(int port, java.nio.file.Path keyFile) {
    this(port, keyFile, null);
  }

  private Http(int port, java.nio.file.Path keyFile, String token) {
    this.base = "http://127.0.0.1:" + port + "/api/v1/";
    this.port = port;
    this.keyFile = keyFile;
    this.token = token;
  }

  /**
   * A client of the same node that sends this credential instead ({@code vjv_...} keys and {@code
   * vjs_...} sessions as bearer tokens), or none when null.
   *
   * @param credential the token, or null for anonymous requests
   * @return the client
   */
  public Http as(String credential) {
    return new Http(port, null, credential == null ? "" : credential);
  }

  private String authorization() throws IOException {
    String t = token;
    if (t == null && keyFile != null && java.nio.file.Files.exists(keyFile)) {
      t = java.nio.file.Files.readString(keyFile).strip();
      if (!t.isEmpty()) {
        token = t;
      }
    }
    return t == null || t.isEmpty() ? null : "Bearer " + t;
  }

  /** A response: status, content type and body. */
  public static final class Reply {
    public final int status;
    public final String contentType;
    public final String body;
    public final java.util.Map<String, java.util.List<String>> headers;

    Reply(
        int status,
        String contentType,
        String body,
        java.util.Map<String, java.util.List<String>> headers) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
      this.headers = headers;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
      for (java.util.Map.Entry<String, java.util.List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
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
    String auth = authorization();
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return exchange(b);
  }

  private Reply exchange(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<String> r =
        client.send(
            b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        r.body(),
        r.headers().map());
  }

  /** Sends a request with extra headers (and this client's credential unless one is given). */
  public Reply send(String method, String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    boolean ownAuth = false;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      ownAuth |= headers[i].equalsIgnoreCase("Authorization");
    }
    return ownAuth ? exchange(b) : send(b);
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
