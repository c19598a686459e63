package io.vjvector.engine.internal;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A collection's in-memory state as of one log position: every slot (vector, norm, id, payload),
 * the pending and deleted slots, and the graph's links, so that a restart loads it instead of
 * replaying the whole log and rebuilding the graph.
 *
 * <pre>
 * file   = magic, version, position (long), store, has-graph (byte), [graph], crc32c
 * </pre>
 *
 * <p>It is written to a temporary file, fsynced, and renamed over the previous one, so a crash at
 * any moment leaves either the old or the new checkpoint. Damage is never skipped over: the log
 * before the position is gone, so a checkpoint that fails its checksum stops the collection from
 * loading with a message naming the file.
 */
final class Checkpoint {
  static final String FILE = "checkpoint.bin";
  private static final int MAGIC = 0x564A4350; // "VJCP"
  private static final int VERSION = 1;

  private Checkpoint() {}

  /**
   * Writes the state to a temporary file (not yet durable or visible). The caller holds the locks
   * that keep the store and graph still; the slow part, {@link #publish}, runs without them.
   *
   * @return the temporary file
   */
  static Path writeTemp(
      Path dir, long position, CollectionStore store, HnswGraph graph, boolean withGraph)
      throws IOException {
    Path tmp = dir.resolve(FILE + FileSync.TMP_SUFFIX);
    try (FileChannel ch = FileChannel.open(tmp, CREATE, TRUNCATE_EXISTING, WRITE)) {
      BlockWriter out = new BlockWriter(ch);
      out.putInt(MAGIC);
      out.putInt(VERSION);
      out.putLong(position);
      store.writeTo(out);
      out.putByte(withGraph ? 1 : 0);
      if (withGraph) {
        graph.writeTo(out, store.slotCount());
      }
      out.putChecksum();
    }
    return tmp;
  }

  /** Makes a written temporary file durable and the current checkpoint. */
  static void publish(Path tmp) throws IOException {
    try (FileChannel ch = FileChannel.open(tmp, WRITE)) {
      ch.force(true);
    }
    Path target = tmp.resolveSibling(FILE);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    FileSync.fsyncDirectory(target.getParent());
  }

  /** What a loaded checkpoint says. */
  record Loaded(long position, boolean hasGraph) {}

  /**
   * Loads the checkpoint in {@code dir} into an empty store and graph.
   *
   * @return null if there is none
   * @throws IOException if it exists but is damaged or inconsistent
   */
  static Loaded load(Path dir, CollectionStore store, HnswGraph graph) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE + FileSync.TMP_SUFFIX));
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(file, READ)) {
      BlockReader in = BlockReader.verified(ch, file);
      if (in.getInt() != MAGIC) {
        throw new IOException(file + " is not a VJVector checkpoint (bad magic number)");
      }
      int version = in.getInt();
      if (version != VERSION) {
        throw new IOException(file + " has unsupported checkpoint version " + version);
      }
      long position = in.getLong();
      store.readFrom(in);
      boolean hasGraph = in.getByte() == 1;
      if (hasGraph) {
        graph.readFrom(in, store.slotCount());
      }
      if (!in.atEnd()) {
        throw new IOException(file + " has unexpected bytes after its content");
      }
      return new Loaded(position, hasGraph);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains(file.toString())) {
        throw e;
      }
      throw new IOException(file + " cannot be loaded: " + e.getMessage(), e);
    }
  }

  static long size(Path dir) {
    try {
      return Files.size(dir.resolve(FILE));
    } catch (IOException e) {
      return 0;
    }
  }
}
