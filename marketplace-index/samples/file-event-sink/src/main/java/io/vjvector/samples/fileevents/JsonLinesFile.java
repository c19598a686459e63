package io.vjvector.samples.fileevents;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that lines are only ever appended to. If the file does not end with a newline (a crash
 * tore its last line), or a write failed half-way, the next line starts with a newline: the torn
 * line stays as it is (this sink never deletes bytes it did not write in this session) and every
 * later line is whole. Readers skip lines that are not valid JSON. Not thread-safe.
 */
final class JsonLinesFile implements Closeable {
  private final Path path;
  private final FileChannel channel;
  private boolean torn;

  private JsonLinesFile(Path path, FileChannel channel, boolean torn) {
    this.path = path;
    this.channel = channel;
    this.torn = torn;
  }

  static JsonLinesFile open(Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    // APPEND: every write goes to the current end, even if someone truncated the file (logrotate's
    // copytruncate) since the last one.
    FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    try {
      return new JsonLinesFile(path, channel, !endsWithNewline(path));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static boolean endsWithNewline(Path path) throws IOException {
    try (FileChannel reader = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = reader.size();
      if (size == 0) {
        return true;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      reader.read(last, size - 1);
      return last.get(0) == '\n';
    }
  }

  Path path() {
    return path;
  }

  /** Writes the line and a newline to the operating system (not yet to the disk). */
  void append(String line) throws IOException {
    byte[] bytes = ((torn ? "\n" : "") + line + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    torn = true; // until the whole line is written
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    torn = false;
  }

  /** Forces what was written to the disk ({@code fdatasync}). */
  void force() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
