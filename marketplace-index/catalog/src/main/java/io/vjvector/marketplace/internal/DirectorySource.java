package io.vjvector.marketplace.internal;

import io.vjvector.marketplace.CatalogSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** A catalog in a local directory or a {@code file:} mirror. */
public final class DirectorySource implements CatalogSource {

  private final Path root;

  public DirectorySource(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<InputStream> open(String path) throws IOException {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root)) {
      throw new IOException("path " + path + " leaves the catalog");
    }
    try {
      return Optional.of(Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
