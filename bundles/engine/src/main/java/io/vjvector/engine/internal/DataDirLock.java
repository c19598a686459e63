package io.vjvector.engine.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second engine (another node, or another container on the same disk) from opening a data
 * directory that one is using: two writers appending to the same logs would corrupt them. The lock
 * is an OS file lock, so the kernel drops it when the holding process dies, even by {@code kill
 * -9}.
 */
final class DataDirLock implements Closeable {
  static final String FILE = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock.
   *
   * @param dir the data directory, created if missing
   * @return the held lock
   * @throws IOException if the directory is in use or cannot be locked
   */
  static DataDirLock acquire(Path dir) throws IOException {
    FileSync.createDirectories(dir);
    Path file = dir.resolve(FILE);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(
          "the data directory is in use by another VJVector engine (" + file + " is locked)");
    }
    return new DataDirLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
