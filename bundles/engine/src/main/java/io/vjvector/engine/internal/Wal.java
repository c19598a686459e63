package io.vjvector.engine.internal;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log with group commit: writers append under one lock, then call {@link #sync}; one
 * {@code force} covers every record written before it started, so concurrent writers share fsyncs
 * instead of queueing one each.
 *
 * <p>After any I/O error the log refuses further writes: a half-written record followed by a good
 * one would look like mid-log corruption at the next start, and after a failed fsync the page cache
 * can no longer be trusted to match the disk.
 */
final class Wal implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Wal.class);

  /** Receives each record during replay. */
  @FunctionalInterface
  interface RecordHandler {
    void accept(byte type, ByteBuffer body);
  }

  /** Where an appended record lies: {@code [start, end)}. */
  record Span(long start, long end) {}

  private final Path file;
  private final FileChannel channel;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final ReentrantLock syncLock = new ReentrantLock();
  private final AtomicLong forces = new AtomicLong();
  private long written; // guarded by appendLock
  private volatile long synced;
  private volatile IOException failure;
  private volatile boolean closed;

  private Wal(Path file, FileChannel channel, long end) {
    this.file = file;
    this.channel = channel;
    this.written = end;
    this.synced = end;
  }

  static void create(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, CREATE_NEW, WRITE)) {
      FileSync.writeFully(ch, WalFormat.fileHeader(), 0);
      ch.force(true);
    }
  }

  /**
   * Replays every record into {@code handler}, drops an incomplete tail left by a crash, and opens
   * the log for appending.
   *
   * @throws IOException if the file is damaged anywhere but at its end
   */
  static Wal open(Path file, RecordHandler handler) throws IOException {
    FileChannel ch = FileChannel.open(file, READ, WRITE);
    try {
      long size = ch.size();
      long end = WalReplayer.replay(ch, file, handler);
      if (end < size) {
        LOG.warn(
            "{}: dropping {} bytes of incomplete or damaged data at the end of the log (offset {}),"
                + " left by a write that was interrupted and never acknowledged",
            file,
            size - end,
            end);
        ch.truncate(end);
        ch.force(true);
      }
      return new Wal(file, ch, end);
    } catch (IOException | RuntimeException | Error e) {
      try {
        ch.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Writes a record (not yet durable: call {@link #sync} with the returned end). */
  Span append(byte type, ByteBuffer body) throws IOException {
    ByteBuffer header = WalFormat.recordHeader(type, body);
    ByteBuffer data = body.duplicate();
    appendLock.lock();
    try {
      ensureUsable();
      long start = written;
      try {
        FileSync.writeFully(channel, header, start);
        FileSync.writeFully(channel, data, start + header.capacity());
      } catch (IOException e) {
        throw fail(e);
      }
      written = start + header.capacity() + body.remaining();
      return new Span(start, written);
    } finally {
      appendLock.unlock();
    }
  }

  /** Returns once everything up to {@code position} is on disk. */
  void sync(long position) throws IOException {
    if (synced >= position) {
      return;
    }
    syncLock.lock();
    try {
      // Whoever held the lock before us may have forced our record along with theirs.
      if (synced >= position) {
        return;
      }
      ensureUsable();
      long target;
      appendLock.lock();
      try {
        target = written;
      } finally {
        appendLock.unlock();
      }
      try {
        // force(false) is fdatasync: it still persists the file size, which recovery relies on.
        channel.force(false);
      } catch (IOException e) {
        throw fail(e);
      }
      forces.incrementAndGet();
      synced = target;
    } finally {
      syncLock.unlock();
    }
  }

  /** The end of the last appended record. */
  long end() {
    appendLock.lock();
    try {
      return written;
    } finally {
      appendLock.unlock();
    }
  }

  /** How many fsyncs the log has issued; lets tests observe group commit. */
  long forceCount() {
    return forces.get();
  }

  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    syncLock.lock();
    appendLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (failure == null && synced < written) {
          channel.force(false);
        }
      } finally {
        channel.close();
      }
    } finally {
      appendLock.unlock();
      syncLock.unlock();
    }
  }

  private void ensureUsable() throws IOException {
    if (closed) {
      throw new IOException("write-ahead log " + file + " is closed");
    }
    IOException f = failure;
    if (f != null) {
      throw new IOException("write-ahead log " + file + " failed earlier: " + f.getMessage(), f);
    }
  }

  private IOException fail(IOException e) {
    if (failure == null) {
      failure = e;
    }
    LOG.error("write-ahead log {} failed; it accepts no more writes", file, e);
    return e;
  }
}
