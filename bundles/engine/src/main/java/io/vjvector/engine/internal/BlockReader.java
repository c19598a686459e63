package io.vjvector.engine.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads what {@link BlockWriter} wrote: a plain file after checking its trailing CRC32C ({@link
 * #verified}), or the plaintext of sealed blocks ({@link SealedBlocks}).
 */
final class BlockReader {
  private static final int BUFFER_BYTES = 1 << 20;

  /** Fills a buffer with the next bytes of the content, in order. */
  interface Source {
    void readFully(ByteBuffer target) throws IOException;
  }

  private final Source source;
  private final Path file;
  private final long end; // bytes of content
  private final ByteBuffer buffer =
      ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private long position; // content offset of the buffer's limit

  BlockReader(Source source, Path file, long end) {
    this.source = source;
    this.file = file;
    this.end = end;
    buffer.limit(0);
  }

  /**
   * Checks the whole file against its trailing checksum and returns a reader at its start.
   *
   * @throws IOException naming the file if it is too short or its checksum does not match
   */
  static BlockReader verified(FileChannel channel, Path file) throws IOException {
    long size = channel.size();
    if (size < 4) {
      throw new IOException(file + " is truncated (" + size + " bytes)");
    }
    long end = size - 4;
    CRC32C crc = new CRC32C();
    ByteBuffer chunk = ByteBuffer.allocateDirect(BUFFER_BYTES);
    for (long pos = 0; pos < end; ) {
      chunk.clear().limit((int) Math.min(BUFFER_BYTES, end - pos));
      FileSync.readFully(channel, chunk, pos);
      chunk.flip();
      pos += chunk.remaining();
      crc.update(chunk);
    }
    ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    FileSync.readFully(channel, tail, end);
    if (tail.getInt(0) != (int) crc.getValue()) {
      throw new IOException(file + " is damaged: its checksum does not match its content");
    }
    long[] offset = {0};
    return new BlockReader(
        target -> {
          int n = target.remaining();
          FileSync.readFully(channel, target, offset[0]);
          offset[0] += n;
        },
        file,
        end);
  }

  int getByte() throws IOException {
    need(1);
    return buffer.get() & 0xFF;
  }

  int getInt() throws IOException {
    need(4);
    return buffer.getInt();
  }

  long getLong() throws IOException {
    need(8);
    return buffer.getLong();
  }

  double getDouble() throws IOException {
    need(8);
    return buffer.getDouble();
  }

  /** A count that must lie in {@code [0, max]}. */
  int getCount(long max) throws IOException {
    int n = getInt();
    if (n < 0 || n > max) {
      throw new IOException(file + ": count " + n + " out of range [0, " + max + "]");
    }
    return n;
  }

  void getInts(int[] target, int from, int count) throws IOException {
    int done = 0;
    while (done < count) {
      need(4);
      int n = Math.min(count - done, buffer.remaining() / 4);
      buffer.asIntBuffer().get(target, from + done, n);
      buffer.position(buffer.position() + 4 * n);
      done += n;
    }
  }

  void getFloats(float[] target, int from, int count) throws IOException {
    int done = 0;
    while (done < count) {
      need(4);
      int n = Math.min(count - done, buffer.remaining() / 4);
      buffer.asFloatBuffer().get(target, from + done, n);
      buffer.position(buffer.position() + 4 * n);
      done += n;
    }
  }

  /** {@code length} bytes into a fresh heap buffer. */
  ByteBuffer getBytes(int length) throws IOException {
    if (length < 0 || length > end - offset()) {
      throw new IOException(file + ": a block of " + length + " bytes runs past the end");
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    while (out.hasRemaining()) {
      need(1);
      int n = Math.min(out.remaining(), buffer.remaining());
      ByteBuffer part = buffer.duplicate();
      part.limit(part.position() + n);
      out.put(part);
      buffer.position(buffer.position() + n);
    }
    return out.flip();
  }

  /** True once every byte of the content has been read. */
  boolean atEnd() {
    return offset() == end;
  }

  private long offset() {
    return position - buffer.remaining();
  }

  private void need(int n) throws IOException {
    if (buffer.remaining() >= n) {
      return;
    }
    if (offset() + n > end) {
      throw new EOFException(file + ": unexpected end of data at offset " + offset());
    }
    buffer.compact();
    int room = (int) Math.min(buffer.remaining(), end - position);
    buffer.limit(buffer.position() + room);
    source.readFully(buffer);
    position += room;
    buffer.flip();
  }
}
