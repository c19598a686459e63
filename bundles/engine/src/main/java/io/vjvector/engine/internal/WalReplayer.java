package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.WalFormat.MIN_FRAME_BYTES;
import static io.vjvector.engine.internal.WalFormat.RECORD_HEADER_BYTES;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import java.util.zip.CRC32C;

/**
 * Reads a log from the start and decides what a damaged record means.
 *
 * <p>A crash can only damage the end of an append-only log, so a bad record with nothing valid
 * after it is an interrupted write that was never acknowledged: replay stops there and the caller
 * truncates. A bad record followed by a valid one is real corruption of acknowledged data; replay
 * then refuses to continue rather than silently drop everything after it.
 *
 * <p>In a sealed segment a record whose checksum matches is then decrypted; if that fails, the
 * record was written whole and altered since (or belongs elsewhere), which is damage wherever it
 * lies: replay refuses it rather than truncating.
 */
final class WalReplayer {
  private static final int SCAN_WINDOW = 1 << 20;

  private WalReplayer() {}

  /** A segment's header: where its records start in the log, and whether they are sealed. */
  record Header(long base, boolean sealed) {}

  /**
   * Checks every record of a segment and hands those at or after {@code applyFrom} (a file offset
   * on a record boundary) to the handler; earlier ones are already in the checkpoint.
   *
   * @param header the segment's header
   * @param cipher decrypts the records of a sealed segment
   * @param keyVersions receives the key version of every sealed record
   * @return the offset where valid data ends
   * @throws IOException for mid-log corruption, or a record that cannot be decrypted or applied
   */
  static long replay(
      FileChannel ch,
      Path file,
      Header header,
      long applyFrom,
      DataCipher cipher,
      Wal.RecordHandler handler,
      IntConsumer keyVersions)
      throws IOException {
    long size = ch.size();
    long pos = WalFormat.FILE_HEADER_BYTES;
    // Not closed on purpose: closing a stream from Channels.newInputStream closes the channel.
    DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(Channels.newInputStream(ch.position(pos)), 1 << 16));
    while (pos < size) {
      String damage;
      if (size - pos < MIN_FRAME_BYTES) {
        damage = "incomplete record header";
      } else {
        int length = in.readInt();
        int crc = in.readInt();
        if (!WalFormat.plausibleLength(length)) {
          damage = "impossible record length " + length;
        } else if (length > size - pos - RECORD_HEADER_BYTES) {
          damage = "record of " + length + " bytes runs past the end of the file";
        } else {
          byte[] data = new byte[length];
          in.readFully(data);
          if (WalFormat.checksum(ByteBuffer.wrap(data)) != crc) {
            damage = "checksum mismatch";
          } else {
            ByteBuffer record = ByteBuffer.wrap(data);
            if (header.sealed()) {
              String where = file + ": the record at offset " + pos;
              if (length < WalFormat.SEALED_OVERHEAD + 1) {
                throw new IOException(where + " is too short for a sealed record");
              }
              keyVersions.accept(WalFormat.keyVersion(data));
              if (pos >= applyFrom) {
                record = WalFormat.openRecord(cipher, header.base() + pos, data, where);
              }
            }
            if (pos >= applyFrom) {
              apply(handler, record, file, pos);
            }
            pos += RECORD_HEADER_BYTES + length;
            continue;
          }
        }
      }
      long next = findValidRecord(ch, pos + 1, size);
      if (next >= 0) {
        throw new IOException(
            String.format(
                "%s is corrupt at offset %d (%s) but a valid record follows at offset %d;"
                    + " refusing to load it so that no acknowledged write is silently lost."
                    + " Restore the file from a backup, or truncate it at offset %d to keep only"
                    + " the records before the damage",
                file, pos, damage, next, pos));
      }
      return pos;
    }
    return pos;
  }

  /** Checks a segment's header and returns where its records start and their format. */
  static Header readHeader(FileChannel ch, Path file) throws IOException {
    long size = ch.size();
    if (size < WalFormat.FILE_HEADER_BYTES) {
      throw new IOException(file + " has no complete log header (" + size + " bytes)");
    }
    ByteBuffer header = ByteBuffer.allocate(WalFormat.FILE_HEADER_BYTES);
    FileSync.readFully(ch, header, 0);
    header.flip();
    int magic = header.getInt();
    int version = header.getInt();
    if (magic != WalFormat.MAGIC) {
      throw new IOException(file + " is not a VJVector write-ahead log (bad magic number)");
    }
    if (version != WalFormat.PLAIN_VERSION && version != WalFormat.SEALED_VERSION) {
      throw new IOException(file + " has unsupported log format version " + version);
    }
    long base = header.getLong();
    if (base < 0) {
      throw new IOException(file + " has a negative base position " + base);
    }
    return new Header(base, version == WalFormat.SEALED_VERSION);
  }

  private static void apply(Wal.RecordHandler handler, ByteBuffer record, Path file, long pos)
      throws IOException {
    try {
      byte type = record.get(record.position());
      handler.accept(type, record.duplicate().position(record.position() + 1).slice());
    } catch (RuntimeException e) {
      throw new IOException(
          file
              + ": the record at offset "
              + pos
              + " has a valid checksum but cannot be applied: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Looks for any checksum-valid record starting at or after {@code from}, at every byte offset,
   * because a damaged length field says nothing about where the next record begins.
   *
   * @return its offset, or -1 if there is none
   */
  static long findValidRecord(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer window = ByteBuffer.allocate(SCAN_WINDOW);
    long base = from;
    while (size - base >= MIN_FRAME_BYTES) {
      window.clear().limit((int) Math.min(SCAN_WINDOW, size - base));
      FileSync.readFully(ch, window, base);
      window.flip();
      int last = window.limit() - RECORD_HEADER_BYTES;
      for (int i = 0; i <= last; i++) {
        int length = window.getInt(i);
        long at = base + i;
        if (WalFormat.plausibleLength(length)
            && length <= size - at - RECORD_HEADER_BYTES
            && checksumMatches(ch, window, i, at, length, window.getInt(i + 4))) {
          return at;
        }
      }
      base += last + 1;
    }
    return -1;
  }

  private static boolean checksumMatches(
      FileChannel ch, ByteBuffer window, int i, long at, int length, int expected)
      throws IOException {
    int bodyStart = i + RECORD_HEADER_BYTES;
    if (bodyStart + length <= window.limit()) {
      return WalFormat.checksum(window.duplicate().position(bodyStart).limit(bodyStart + length))
          == expected;
    }
    CRC32C crc = new CRC32C();
    ByteBuffer chunk = ByteBuffer.allocate(Math.min(length, 1 << 16));
    for (long pos = at + RECORD_HEADER_BYTES, left = length; left > 0; ) {
      chunk.clear().limit((int) Math.min(chunk.capacity(), left));
      FileSync.readFully(ch, chunk, pos);
      chunk.flip();
      pos += chunk.remaining();
      left -= chunk.remaining();
      crc.update(chunk);
    }
    return (int) crc.getValue() == expected;
  }
}
