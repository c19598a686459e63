package io.vjvector.engine.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Streams a checkpoint through one buffer, little-endian (the order of the machines we run on, so
 * bulk float copies need no swapping), handing each full buffer to a {@link Sink}: straight to the
 * file with a trailing CRC32C ({@link #plain}), or sealed block by block ({@link SealedBlocks}).
 */
final class BlockWriter {
  static final int BUFFER_BYTES = 1 << 20;

  /** Receives the buffer's content each time it fills, and the rest at the end. */
  interface Sink {
    void write(ByteBuffer chunk, boolean last) throws IOException;
  }

  private final Sink sink;
  private final ByteBuffer buffer =
      ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

  BlockWriter(Sink sink) {
    this.sink = sink;
  }

  /** Writes to {@code channel} from offset 0 and ends with the CRC32C of everything before it. */
  static BlockWriter plain(FileChannel channel) {
    CRC32C crc = new CRC32C();
    long[] position = {0};
    return new BlockWriter(
        (chunk, last) -> {
          crc.update(chunk.duplicate());
          int n = chunk.remaining();
          FileSync.writeFully(channel, chunk, position[0]);
          position[0] += n;
          if (last) {
            ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            tail.putInt((int) crc.getValue()).flip();
            FileSync.writeFully(channel, tail, position[0]);
            position[0] += 4;
          }
        });
  }

  void putByte(int b) throws IOException {
    ensure(1);
    buffer.put((byte) b);
  }

  void putInt(int v) throws IOException {
    ensure(4);
    buffer.putInt(v);
  }

  void putLong(long v) throws IOException {
    ensure(8);
    buffer.putLong(v);
  }

  void putDouble(double v) throws IOException {
    ensure(8);
    buffer.putDouble(v);
  }

  void putInts(int[] values, int from, int count) throws IOException {
    int done = 0;
    while (done < count) {
      ensure(4);
      int n = Math.min(count - done, buffer.remaining() / 4);
      buffer.asIntBuffer().put(values, from + done, n);
      buffer.position(buffer.position() + 4 * n);
      done += n;
    }
  }

  void putFloats(float[] values, int from, int count) throws IOException {
    int done = 0;
    while (done < count) {
      ensure(4);
      int n = Math.min(count - done, buffer.remaining() / 4);
      buffer.asFloatBuffer().put(values, from + done, n);
      buffer.position(buffer.position() + 4 * n);
      done += n;
    }
  }

  /** {@code count} zero floats: what stands in for the vector of a deleted point. */
  void putZeros(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      putInt(0);
    }
  }

  void putBytes(ByteBuffer bytes) throws IOException {
    ByteBuffer src = bytes.duplicate();
    while (src.hasRemaining()) {
      ensure(1);
      int n = Math.min(src.remaining(), buffer.remaining());
      ByteBuffer part = src.duplicate();
      part.limit(part.position() + n);
      buffer.put(part);
      src.position(src.position() + n);
    }
  }

  /** Hands over the rest as the last chunk; nothing may be written afterwards. */
  void finish() throws IOException {
    buffer.flip();
    sink.write(buffer, true);
    buffer.clear();
  }

  private void ensure(int n) throws IOException {
    if (buffer.remaining() < n) {
      buffer.flip();
      sink.write(buffer, false);
      buffer.clear();
    }
  }
}
