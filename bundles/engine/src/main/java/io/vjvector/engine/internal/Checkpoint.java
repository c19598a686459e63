package io.vjvector.engine.internal;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A collection's in-memory state as of one log position: every slot (vector, norm, id, payload),
 * the pending and deleted slots, and the graph's links, so that a restart loads it instead of
 * replaying the whole log and rebuilding the graph. Deleted slots are written as zeros: a
 * checkpoint holds nothing of a deleted point, which is what makes deletes physical once the log
 * before it is dropped.
 *
 * <pre>
 * content = position (long), store, has-graph (byte), [graph]
 * v1 file = magic, version (1), content, crc32c            (plaintext, little-endian)
 * v2 file = magic, version (2), key version (int), file id (16 random bytes), sealed blocks
 *           of the content (see {@link SealedBlocks})
 * v3, v4  = as v1 and v2, with the points' write times in the store (see {@link
 *           CollectionStore#writeTo})
 * </pre>
 *
 * <p>Versions 3 (plaintext) and 4 (sealed) are written; all four are read. Points of a v1 or v2
 * checkpoint, written before write times were kept, get the time the collection is opened.
 *
 * <p>It is written to a temporary file, fsynced, and renamed over the previous one, so a crash at
 * any moment leaves either the old or the new checkpoint. Damage is never skipped over: the log
 * before the position is gone, so a checkpoint that fails its checksum or authentication stops the
 * collection from loading with a message naming the file.
 */
final class Checkpoint {
  static final String FILE = "checkpoint.bin";
  private static final int MAGIC = 0x564A4350; // "VJCP"
  private static final int LEGACY_PLAIN_VERSION = 1;
  private static final int LEGACY_SEALED_VERSION = 2;
  static final int PLAIN_VERSION = 3;
  static final int SEALED_VERSION = 4;
  private static final int SEALED_HEADER_BYTES = 4 + 4 + 4 + 16;

  private Checkpoint() {}

  /** A written temporary file and the data key version it is sealed with ({@link Wal#NO_KEY}). */
  record Written(Path file, int keyVersion) {}

  /**
   * Writes the state to a temporary file (not yet durable or visible), sealed if {@code cipher}
   * encrypts writes. The caller holds the locks that keep the store and graph still; the slow part,
   * {@link #publish}, runs without them.
   */
  static Written writeTemp(
      Path dir,
      long position,
      CollectionStore store,
      HnswGraph graph,
      boolean withGraph,
      DataCipher cipher)
      throws IOException {
    Path tmp = dir.resolve(FILE + FileSync.TMP_SUFFIX);
    int keyVersion = Wal.NO_KEY;
    try (FileChannel ch = FileChannel.open(tmp, CREATE, TRUNCATE_EXISTING, WRITE)) {
      BlockWriter out;
      if (cipher.encryptsWrites()) {
        TenantKeys.DataKey key = cipher.writeKey();
        keyVersion = key.version();
        byte[] fileId = new byte[16];
        cipher.gcm().nextBytes(fileId);
        byte[] header =
            ByteBuffer.allocate(SEALED_HEADER_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(MAGIC)
                .putInt(SEALED_VERSION)
                .putInt(keyVersion)
                .put(fileId)
                .array();
        out = SealedBlocks.writer(ch, header, cipher, key);
      } else {
        out = BlockWriter.plain(ch);
        out.putInt(MAGIC);
        out.putInt(PLAIN_VERSION);
      }
      out.putLong(position);
      store.writeTo(out);
      out.putByte(withGraph ? 1 : 0);
      if (withGraph) {
        graph.writeTo(out, store.slotCount());
      }
      out.finish();
    }
    return new Written(tmp, keyVersion);
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

  /**
   * What a loaded checkpoint says, the data key version it is sealed with, and whether it is of a
   * version without write times.
   */
  record Loaded(long position, boolean hasGraph, int keyVersion, boolean legacyTimes) {}

  /**
   * Loads the checkpoint in {@code dir} (any version) into an empty store and graph.
   *
   * @param legacyTime the write time of the points of a checkpoint without write times
   * @return null if there is none
   * @throws IOException if it exists but is damaged, inconsistent or cannot be decrypted
   */
  static Loaded load(
      Path dir, CollectionStore store, HnswGraph graph, DataCipher cipher, long legacyTime)
      throws IOException {
    Files.deleteIfExists(dir.resolve(FILE + FileSync.TMP_SUFFIX));
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(file, READ)) {
      ByteBuffer start = ByteBuffer.allocate(SEALED_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      if (ch.size() < 8) {
        throw new IOException(file + " is truncated (" + ch.size() + " bytes)");
      }
      start.limit((int) Math.min(SEALED_HEADER_BYTES, ch.size()));
      FileSync.readFully(ch, start, 0);
      if (start.getInt(0) != MAGIC) {
        throw new IOException(file + " is not a VJVector checkpoint (bad magic number)");
      }
      int version = start.getInt(4);
      BlockReader in;
      int keyVersion = Wal.NO_KEY;
      boolean withTimes = version == PLAIN_VERSION || version == SEALED_VERSION;
      if (version == PLAIN_VERSION || version == LEGACY_PLAIN_VERSION) {
        in = BlockReader.verified(ch, file);
        in.getInt();
        in.getInt();
      } else if (version == SEALED_VERSION || version == LEGACY_SEALED_VERSION) {
        if (start.position() < SEALED_HEADER_BYTES) {
          throw new IOException(file + " is truncated inside its header");
        }
        keyVersion = start.getInt(8);
        in = SealedBlocks.reader(ch, file, start.array(), cipher, keyVersion);
      } else {
        throw new IOException(file + " has unsupported checkpoint version " + version);
      }
      long position = in.getLong();
      store.readFrom(in, withTimes, legacyTime);
      boolean hasGraph = in.getByte() == 1;
      if (hasGraph) {
        graph.readFrom(in, store.slotCount());
      }
      if (!in.atEnd()) {
        throw new IOException(file + " has unexpected bytes after its content");
      }
      return new Loaded(position, hasGraph, keyVersion, !withTimes);
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
