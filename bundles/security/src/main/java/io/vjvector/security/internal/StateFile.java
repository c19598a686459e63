package io.vjvector.security.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tenants, key hashes and custom roles, kept in one JSON file replaced atomically (temporary file,
 * fsync, rename, fsync of the directory) on every change.
 */
final class StateFile {
  /** The persisted state. Public fields for Jackson. */
  static final class State {
    public List<TenantRecord> tenants = new ArrayList<>();
    public List<KeyRecord> keys = new ArrayList<>();

    /** Tenant to role name to permission names. */
    public Map<String, Map<String, List<String>>> roles = new TreeMap<>();
  }

  /** A tenant. */
  static final class TenantRecord {
    public String name;
    public String status;
    public long created;
    public long[] limits = new long[6];
  }

  /** An API key: never its secret. */
  static final class KeyRecord {
    public String id;
    public String tenant;
    public String name;
    public List<String> roles = new ArrayList<>();
    public List<String> collections = new ArrayList<>();
    public long created;
    public long expires;
    public long revoked;
    public String salt;
    public String hash;
  }

  private final Path file;
  private final ObjectMapper mapper =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  StateFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  State load() {
    try {
      if (!Files.exists(file)) {
        return new State();
      }
      return mapper.readValue(file.toFile(), State.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read security state " + file, e);
    }
  }

  void save(State state) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write security state " + file, e);
    }
  }

  /** A deep copy through JSON: changes are made to a copy and published once saved. */
  static State copy(State s) {
    ObjectMapper m = new ObjectMapper();
    return m.convertValue(s, State.class);
  }

  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // not every file system lets a directory be opened; the rename is still atomic
    }
  }
}
