package io.vjvector.marketplace.host.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plugins that should be installed, by id, in one JSON file written atomically (temporary file,
 * fsync, rename): the commit point of every operation, and what a restart restores.
 */
final class DesiredState {
  /** One plugin: the version that should run and what a rollback returns to. */
  record Plugin(String version, String sha256, String previousVersion, String previousSha256) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final Map<String, Plugin> plugins;

  private DesiredState(Path file, Map<String, Plugin> plugins) {
    this.file = file;
    this.plugins = plugins;
  }

  static DesiredState load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new DesiredState(file, new TreeMap<>());
    }
    Map<String, Plugin> read = JSON.readValue(file.toFile(), new TypeReference<>() {});
    return new DesiredState(file, new TreeMap<>(read));
  }

  Map<String, Plugin> plugins() {
    return Map.copyOf(plugins);
  }

  Plugin get(String id) {
    return plugins.get(id);
  }

  /** Sets (or, with null, removes) a plugin and writes the file before returning. */
  void put(String id, Plugin plugin) throws IOException {
    Map<String, Plugin> next = new TreeMap<>(plugins);
    if (plugin == null) {
      next.remove(id);
    } else {
      next.put(id, plugin);
    }
    write(next);
    plugins.clear();
    plugins.putAll(next);
  }

  private void write(Map<String, Plugin> content) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes));
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException ignored) {
      // some file systems cannot sync a directory; the rename is still atomic
    }
  }
}
