package io.vjvector.engine.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A growable big-endian buffer with a hard size limit, for encoding log records. */
final class ByteWriter {
  private final int limit;
  private ByteBuffer buffer;

  ByteWriter(long expectedSize, int limit) {
    this.limit = limit;
    this.buffer = ByteBuffer.allocate((int) Math.max(16, Math.min(expectedSize, limit)));
  }

  void putByte(int b) {
    ensure(1);
    buffer.put((byte) b);
  }

  void putLong(long v) {
    ensure(8);
    buffer.putLong(v);
  }

  void putDouble(double v) {
    ensure(8);
    buffer.putDouble(v);
  }

  /** Unsigned LEB128: small counts and ids take one or two bytes instead of eight. */
  void putVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buffer.put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    buffer.put((byte) v);
  }

  void putVarInt(int v) {
    if (v < 0) {
      throw new IllegalArgumentException("negative length " + v);
    }
    putVarLong(v);
  }

  void putBytes(byte[] bytes) {
    ensure(bytes.length);
    buffer.put(bytes);
  }

  void putString(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    putVarInt(bytes.length);
    putBytes(bytes);
  }

  void putFloats(float[] values) {
    ensure(4L * values.length);
    buffer.asFloatBuffer().put(values);
    buffer.position(buffer.position() + 4 * values.length);
  }

  int size() {
    return buffer.position();
  }

  /** The bytes written so far, as a read-only view; the writer must not be used afterwards. */
  ByteBuffer toBuffer() {
    return buffer.duplicate().flip().asReadOnlyBuffer();
  }

  static VjvException tooLarge(int limit) {
    return new VjvException(
        ErrorType.INVALID_BATCH,
        "the batch is too large: its encoded size exceeds " + limit + " bytes; send fewer points");
  }

  private void ensure(long n) {
    if (buffer.remaining() >= n) {
      return;
    }
    long needed = buffer.position() + n;
    if (needed > limit) {
      throw new VjvException(
          ErrorType.INVALID_BATCH,
          "the batch is too large: its encoded size exceeds "
              + limit
              + " bytes; send fewer points");
    }
    long capacity = Math.min(limit, Math.max(needed, buffer.capacity() * 2L));
    ByteBuffer bigger = ByteBuffer.allocate((int) capacity);
    buffer.flip();
    bigger.put(buffer);
    buffer = bigger;
  }
}
