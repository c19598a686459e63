package io.vjvector.engine.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteWriter} wrote. Every length is checked against the bytes left, so a damaged
 * record fails with a message instead of allocating gigabytes.
 */
final class ByteReader {
  private final ByteBuffer buffer;

  ByteReader(ByteBuffer buffer) {
    this.buffer = buffer.slice();
  }

  int getByte() {
    need(1);
    return buffer.get() & 0xFF;
  }

  long getLong() {
    need(8);
    return buffer.getLong();
  }

  double getDouble() {
    need(8);
    return buffer.getDouble();
  }

  long getVarLong() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = getByte();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw malformed("varint longer than 10 bytes");
  }

  /** A count of items that each take at least one byte, so it cannot exceed what is left. */
  int getCount() {
    long v = getVarLong();
    if (v < 0 || v > buffer.remaining()) {
      throw malformed("count " + v + " exceeds the " + buffer.remaining() + " bytes left");
    }
    return (int) v;
  }

  byte[] getBytes() {
    byte[] bytes = new byte[getCount()];
    buffer.get(bytes);
    return bytes;
  }

  String getString() {
    return new String(getBytes(), StandardCharsets.UTF_8);
  }

  void getFloats(float[] target) {
    need(4L * target.length);
    buffer.asFloatBuffer().get(target);
    buffer.position(buffer.position() + 4 * target.length);
  }

  boolean hasRemaining() {
    return buffer.hasRemaining();
  }

  private void need(long n) {
    if (buffer.remaining() < n) {
      throw malformed("needed " + n + " more bytes, " + buffer.remaining() + " left");
    }
  }

  static IllegalArgumentException malformed(String message) {
    return new IllegalArgumentException("malformed record: " + message);
  }
}
