package io.vjvector.security.internal.auth;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP(S) GET client for small documents (JWKS) that resolves the host once through a
 * {@link UrlGuard}, checks every address and connects to a checked address only, so a DNS answer
 * that changes between check and connect (rebinding) cannot redirect the request. TLS verifies the
 * certificate and the host name of the URL. Redirects are not followed; responses are size limited.
 */
final class GuardedResourceRetriever implements ResourceRetriever {
  private static final int MAX_LINE_BYTES = 8 * 1024;
  private static final int MAX_HEADERS = 100;

  private final UrlGuard guard;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final int sizeLimitBytes;
  private final SSLSocketFactory sslSocketFactory;

  /**
   * Creates the retriever.
   *
   * @param guard the URL guard
   * @param connectTimeoutMillis connect timeout
   * @param readTimeoutMillis read timeout
   * @param sizeLimitBytes maximum response body size
   */
  GuardedResourceRetriever(
      UrlGuard guard, int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes) {
    this(
        guard,
        connectTimeoutMillis,
        readTimeoutMillis,
        sizeLimitBytes,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  GuardedResourceRetriever(
      UrlGuard guard,
      int connectTimeoutMillis,
      int readTimeoutMillis,
      int sizeLimitBytes,
      SSLSocketFactory sslSocketFactory) {
    this.guard = guard;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
    this.sizeLimitBytes = sizeLimitBytes;
    this.sslSocketFactory = sslSocketFactory;
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("malformed URL", e);
    }
    List<InetAddress> addresses;
    try {
      addresses = guard.resolve(uri);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    String host = UrlGuard.host(uri);
    int port = UrlGuard.port(uri);
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    IOException last = null;
    for (InetAddress address : addresses) {
      try {
        guard.checkAddress(host, port, address);
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
      } catch (IOException e) {
        socket.close();
        last = e;
        continue;
      }
      try (Socket connected = https ? tls(socket, host, port) : socket) {
        connected.setSoTimeout(readTimeoutMillis);
        return exchange(connected, uri, host, port, https);
      }
    }
    throw last != null ? last : new IOException("no address to connect to");
  }

  private Socket tls(Socket plain, String host, int port) throws IOException {
    SSLSocket ssl;
    try {
      ssl = (SSLSocket) sslSocketFactory.createSocket(plain, host, port, true);
    } catch (IOException e) {
      plain.close();
      throw e;
    }
    SSLParameters params = ssl.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (host.indexOf(':') < 0 && !host.matches("[0-9.]+")) {
      params.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(params);
    ssl.setSoTimeout(readTimeoutMillis);
    ssl.startHandshake();
    return ssl;
  }

  private Resource exchange(Socket socket, URI uri, String host, int port, boolean https)
      throws IOException {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path = path + "?" + uri.getRawQuery();
    }
    String hostHeader = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    if (port != (https ? 443 : 80)) {
      hostHeader = hostHeader + ":" + port;
    }
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + hostHeader
            + "\r\nAccept: application/json, application/jwk-set+json\r\n"
            + "User-Agent: vjvector\r\nConnection: close\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();

    InputStream in = new BufferedInputStream(socket.getInputStream());
    String statusLine = readLine(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response");
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP response", e);
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int count = 0;
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      if (++count > MAX_HEADERS) {
        throw new IOException("too many response headers");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    if (status != 200) {
      throw new IOException("HTTP status " + status + " (redirects are not followed)");
    }
    byte[] body;
    String transferEncoding = headers.getOrDefault("Transfer-Encoding", "");
    if (transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = readChunked(in);
    } else if (headers.containsKey("Content-Length")) {
      long length;
      try {
        length = Long.parseLong(headers.get("Content-Length"));
      } catch (NumberFormatException e) {
        throw new IOException("bad Content-Length", e);
      }
      if (length < 0 || length > sizeLimitBytes) {
        throw new IOException("response larger than " + sizeLimitBytes + " bytes");
      }
      body = in.readNBytes((int) length);
      if (body.length != length) {
        throw new IOException("truncated response");
      }
    } else {
      body = in.readNBytes(sizeLimitBytes + 1);
      if (body.length > sizeLimitBytes) {
        throw new IOException("response larger than " + sizeLimitBytes + " bytes");
      }
    }
    return new Resource(new String(body, StandardCharsets.UTF_8), headers.get("Content-Type"));
  }

  private byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size", e);
      }
      if (size < 0 || body.size() + (long) size > sizeLimitBytes) {
        throw new IOException("response larger than " + sizeLimitBytes + " bytes");
      }
      if (size == 0) {
        // Trailers until the empty line.
        int trailers = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
          if (++trailers > MAX_HEADERS) {
            throw new IOException("too many trailers");
          }
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) {
        throw new IOException("truncated response");
      }
      body.write(chunk);
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed early");
      }
      if (line.length() > MAX_LINE_BYTES) {
        throw new IOException("response line too long");
      }
      if (c == '\n') {
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
          line.setLength(len - 1);
        }
        return line.toString();
      }
      line.append((char) c);
    }
  }
}
