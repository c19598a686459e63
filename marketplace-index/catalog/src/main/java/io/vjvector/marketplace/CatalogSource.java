package io.vjvector.marketplace;

import io.vjvector.marketplace.internal.DirectorySource;
import io.vjvector.marketplace.internal.HttpSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a catalog's files come from: a directory, a {@code file:} mirror, or any static HTTP(S)
 * server. Nothing a source returns is trusted; {@link CatalogClient} verifies it all.
 */
@ConsumerType
public interface CatalogSource {

  /**
   * @param path a path inside the catalog, {@code /}-separated, e.g. {@code keys.json}
   * @return the file's content, or empty if the catalog has no such file
   * @throws IOException if the source cannot tell (network or file system error)
   */
  Optional<InputStream> open(String path) throws IOException;

  /**
   * @param directory a catalog's root directory
   * @return a source reading it
   */
  static CatalogSource of(Path directory) {
    return new DirectorySource(directory);
  }

  /**
   * @param base the catalog's base URI: {@code file:}, {@code http:} or {@code https:}
   * @return a source reading files relative to it
   */
  static CatalogSource of(URI base) {
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "file":
        return new DirectorySource(Path.of(base));
      case "http":
      case "https":
        return new HttpSource(base);
      default:
        throw new IllegalArgumentException("unsupported catalog URI " + base);
    }
  }
}
