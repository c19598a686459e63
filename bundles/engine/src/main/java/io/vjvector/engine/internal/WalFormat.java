package io.vjvector.engine.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The write-ahead log file format (all integers big-endian). A segment is plaintext (version 2,
 * written before encryption existed or with it turned off) or sealed (version 3); a log may mix
 * both, one format per segment.
 *
 * <pre>
 * file    = header record*
 * header  = magic "VJVW" (4 bytes), version (int), base position (long)
 * record  = length (int, bytes after the crc), crc (int, CRC32C of those bytes), content
 * v2 content = type (byte), body
 * v3 content = key version (int), AES-256-GCM of (type, body): nonce (12), ciphertext, tag (16)
 *              associated data: collection, key version, the record's log position
 * </pre>
 *
 * <p>The CRC tells a torn or garbled tail from valid records without any key; in a sealed segment
 * the tag then authenticates the record and its place, and a record whose CRC matches but whose tag
 * does not is never a torn write: it is refused like any other mid-log damage.
 */
final class WalFormat {
  static final int MAGIC = 0x564A5657;
  static final int PLAIN_VERSION = 2;
  static final int SEALED_VERSION = 3;

  /** Magic, version, and the log position of the segment's first byte after the header. */
  static final int FILE_HEADER_BYTES = 16;

  static final int RECORD_HEADER_BYTES = 8;
  static final int MIN_FRAME_BYTES = RECORD_HEADER_BYTES + 1;

  /** What sealing adds to a record: key version, nonce and tag. */
  static final int SEALED_OVERHEAD = 4 + Gcm.OVERHEAD;

  /**
   * Caps a record (type + body) well below 2 GiB so it can be built in one array; it also bounds
   * how much a damaged length field can make recovery read.
   */
  static final int MAX_RECORD_BYTES = 256 << 20;

  private WalFormat() {}

  static ByteBuffer fileHeader(long base, boolean sealed) {
    return ByteBuffer.allocate(FILE_HEADER_BYTES)
        .putInt(MAGIC)
        .putInt(sealed ? SEALED_VERSION : PLAIN_VERSION)
        .putLong(base)
        .flip();
  }

  static boolean plausibleLength(int length) {
    return length >= 1 && length <= MAX_RECORD_BYTES + SEALED_OVERHEAD;
  }

  static ByteBuffer recordHeader(byte type, ByteBuffer body) {
    return ByteBuffer.allocate(MIN_FRAME_BYTES)
        .putInt(1 + body.remaining())
        .putInt(checksum(type, body))
        .put(type)
        .flip();
  }

  /** A whole sealed record, header included, for the log position {@code position}. */
  static ByteBuffer sealedRecord(
      DataCipher cipher, TenantKeys.DataKey key, long position, byte type, ByteBuffer body) {
    int length = SEALED_OVERHEAD + 1 + body.remaining();
    ByteBuffer frame = ByteBuffer.allocate(RECORD_HEADER_BYTES + length);
    frame.putInt(length).putInt(0).putInt(key.version());
    cipher.gcm().seal(key.key(), aad(cipher, key.version(), position), type, body, frame);
    frame.putInt(4, checksum(ByteBuffer.wrap(frame.array(), RECORD_HEADER_BYTES, length)));
    return frame.flip();
  }

  /** The key version a sealed record's content starts with. */
  static int keyVersion(byte[] content) {
    return ByteBuffer.wrap(content).getInt();
  }

  /** Decrypts a sealed record's content into type and body. */
  static ByteBuffer openRecord(DataCipher cipher, long position, byte[] content, Object where)
      throws IOException {
    int version = keyVersion(content);
    return cipher.open(
        cipher.readKey(version, where),
        aad(cipher, version, position),
        ByteBuffer.wrap(content, 4, content.length - 4),
        where);
  }

  private static byte[] aad(DataCipher cipher, int version, long position) {
    return cipher.aad(DataCipher.LOG_RECORD, version, position, 0, new byte[0]);
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
