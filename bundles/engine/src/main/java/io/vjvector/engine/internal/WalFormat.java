package io.vjvector.engine.internal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The write-ahead log file format (all integers big-endian).
 *
 * <pre>
 * file   = header record*
 * header = magic "VJVW" (4 bytes), version (int = 1)
 * record = length (int, bytes of type + body), crc (int, CRC32C of type + body), type (byte), body
 * </pre>
 */
final class WalFormat {
  static final int MAGIC = 0x564A5657;
  static final int VERSION = 2;

  /** Magic, version, and the log position of the segment's first byte after the header. */
  static final int FILE_HEADER_BYTES = 16;

  static final int RECORD_HEADER_BYTES = 8;
  static final int MIN_FRAME_BYTES = RECORD_HEADER_BYTES + 1;

  /**
   * Caps a record (type + body) well below 2 GiB so it can be built in one array; it also bounds
   * how much a damaged length field can make recovery read.
   */
  static final int MAX_RECORD_BYTES = 256 << 20;

  private WalFormat() {}

  static ByteBuffer fileHeader(long base) {
    return ByteBuffer.allocate(FILE_HEADER_BYTES)
        .putInt(MAGIC)
        .putInt(VERSION)
        .putLong(base)
        .flip();
  }

  static boolean plausibleLength(int length) {
    return length >= 1 && length <= MAX_RECORD_BYTES;
  }

  static ByteBuffer recordHeader(byte type, ByteBuffer body) {
    return ByteBuffer.allocate(MIN_FRAME_BYTES)
        .putInt(1 + body.remaining())
        .putInt(checksum(type, body))
        .put(type)
        .flip();
  }

  static int checksum(byte type, ByteBuffer body) {
    CRC32C crc = new CRC32C();
    crc.update(type);
    crc.update(body.duplicate());
    return (int) crc.getValue();
  }

  /** Checksum of the type byte and body as they lie together in a buffer. */
  static int checksum(ByteBuffer typeAndBody) {
    CRC32C crc = new CRC32C();
    crc.update(typeAndBody.duplicate());
    return (int) crc.getValue();
  }
}
