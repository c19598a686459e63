package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.CatalogException;
import io.vjvector.marketplace.CatalogException.Reason;
import io.vjvector.marketplace.CatalogWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A catalog directory the builder owns. Each file is replaced atomically, the signature file after
 * its document: a mirror that syncs in the middle serves a document with a stale signature, which
 * clients reject, never an unverified document.
 */
final class CatalogDir {

  private static final Pattern ROOT_FILE = Pattern.compile("([1-9][0-9]*)\\.json");

  private final Path dir;

  CatalogDir(Path dir) {
    this.dir = dir;
  }

  Path path() {
    return dir;
  }

  Path resolve(String path) {
    return dir.resolve(path);
  }

  Optional<byte[]> read(String path) throws CatalogException {
    Path file = dir.resolve(path);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CatalogException(Reason.IO_ERROR, "cannot read " + file + ": " + e, e);
    }
  }

  /** Writes a document and then its signature file. */
  void writeSigned(String path, byte[] document, byte[] signatures) throws CatalogException {
    write(path, document);
    write(path + CatalogWriter.SIGNATURE_SUFFIX, signatures);
  }

  void write(String path, byte[] bytes) throws CatalogException {
    Path target = dir.resolve(path);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CatalogException(Reason.IO_ERROR, "cannot write " + target + ": " + e, e);
    }
  }

  /** The highest published root version; 0 if the root was never rotated. */
  long latestRootVersion() throws CatalogException {
    Path roots = dir.resolve("root");
    if (!Files.isDirectory(roots)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(roots)) {
      return files
          .map(f -> ROOT_FILE.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToLong(m -> Long.parseLong(m.group(1)))
          .max()
          .orElse(0);
    } catch (IOException e) {
      throw new CatalogException(Reason.IO_ERROR, "cannot list " + roots + ": " + e, e);
    }
  }
}
