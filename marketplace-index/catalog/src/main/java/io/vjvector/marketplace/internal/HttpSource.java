package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.CatalogSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Optional;

/**
 * A catalog on a static HTTP(S) server: 404 and 410 mean "no such file", any other status but 200
 * is an error. Transport security is welcome but not relied upon: signatures and digests are.
 */
public final class HttpSource implements CatalogSource {

  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int READ_TIMEOUT_MS = 60_000;

  private final URI base;

  public HttpSource(URI base) {
    String text = base.toString();
    this.base = text.endsWith("/") ? base : URI.create(text + "/");
  }

  @Override
  public Optional<InputStream> open(String path) throws IOException {
    URI uri = base.resolve(path);
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
    connection.setReadTimeout(READ_TIMEOUT_MS);
    connection.setUseCaches(false);
    int status = connection.getResponseCode();
    if (status == HttpURLConnection.HTTP_NOT_FOUND || status == HttpURLConnection.HTTP_GONE) {
      connection.disconnect();
      return Optional.empty();
    }
    if (status != HttpURLConnection.HTTP_OK) {
      connection.disconnect();
      throw new IOException("HTTP " + status + " for " + uri);
    }
    return Optional.of(connection.getInputStream());
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
