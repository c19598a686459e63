package io.vjvector.engine.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Streams a checkpoint to a file through one buffer, little-endian (the order of the machines we
 * run on, so bulk float copies need no swapping), keeping a CRC32C of everything written.
 */
final class BlockWriter implements Closeable {
  private static final int BUFFER_BYTES = 1 << 20;

  private final FileChannel channel;
  private final ByteBuffer buffer =
      ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  private long position;

  BlockWriter(FileChannel channel) {
    this.channel = channel;
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

  /** Writes the CRC of everything so far (not covered by itself). */
  void putChecksum() throws IOException {
    flush();
    ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    tail.putInt((int) crc.getValue()).flip();
    FileSync.writeFully(channel, tail, position);
    position += 4;
  }

  long bytesWritten() {
    return position + buffer.position();
  }

  private void ensure(int n) throws IOException {
    if (buffer.remaining() < n) {
      flush();
    }
  }

  void flush() throws IOException {
    buffer.flip();
    crc.update(buffer.duplicate());
    int n = buffer.remaining();
    FileSync.writeFully(channel, buffer, position);
    position += n;
    buffer.clear();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
