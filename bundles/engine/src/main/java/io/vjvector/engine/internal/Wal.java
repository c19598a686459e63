package io.vjvector.engine.internal;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log with group commit: writers append under one lock, then call {@link #sync}; one
 * {@code force} covers every record written before it started, so concurrent writers share fsyncs
 * instead of queueing one each.
 *
 * <p>The log is a run of segment files {@code wal-<base>.log} in one directory. Positions are
 * continuous across segments: a position is its segment's base plus the offset in the file, so the
 * first segment's positions are plain file offsets. A checkpoint covers the log up to a position;
 * {@link #rotate} starts a new segment and {@link #dropBefore} deletes the ones a checkpoint made
 * redundant, which is how the log is truncated.
 *
 * <p>Each segment is either plaintext or sealed (see {@link WalFormat}); a log written before
 * encryption was turned on keeps its plaintext segments until a checkpoint covers them, and new
 * records always go to a segment of the format the {@link DataCipher} asks for.
 *
 * <p>After any I/O error the log refuses further writes: a half-written record followed by a good
 * one would look like mid-log corruption at the next start, and after a failed fsync the page cache
 * can no longer be trusted to match the disk.
 */
final class Wal implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Wal.class);
  private static final String PREFIX = "wal-";
  private static final String SUFFIX = ".log";

  /** Receives each record during replay. */
  @FunctionalInterface
  interface RecordHandler {
    void accept(byte type, ByteBuffer body);
  }

  /** Where an appended record lies: {@code [start, end)}. */
  record Span(long start, long end) {}

  /** No sealed record: the segment uses no data key. */
  static final int NO_KEY = Integer.MAX_VALUE;

  /**
   * A segment file, the position of its byte 0, its format, and the oldest data key version its
   * records use (guarded by appendLock).
   */
  private static final class Segment {
    final long base;
    final Path file;
    final boolean sealed;
    int oldestKey = NO_KEY;

    Segment(long base, Path file, boolean sealed) {
      this.base = base;
      this.file = file;
      this.sealed = sealed;
    }

    long base() {
      return base;
    }

    Path file() {
      return file;
    }
  }

  private final Path dir;
  private final DataCipher cipher;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final ReentrantLock syncLock = new ReentrantLock();
  private final AtomicLong forces = new AtomicLong();
  private final List<Segment> segments; // guarded by appendLock; the last one is written
  private FileChannel channel; // guarded by appendLock and syncLock together
  private long written; // guarded by appendLock
  private volatile long synced;
  private volatile IOException failure;
  private volatile boolean closed;

  private Wal(Path dir, DataCipher cipher, List<Segment> segments, FileChannel channel, long end) {
    this.dir = dir;
    this.cipher = cipher;
    this.segments = segments;
    this.channel = channel;
    this.written = end;
    this.synced = end;
  }

  /** The file name of the segment starting at {@code base}. */
  static String segmentName(long base) {
    return String.format("%s%016x%s", PREFIX, base, SUFFIX);
  }

  /** Creates the first, empty, plaintext segment of a new log in {@code dir}. */
  static void create(Path dir) throws IOException {
    create(dir, DataCipher.PLAINTEXT);
  }

  /** Creates the first, empty segment of a new log, sealed if {@code cipher} encrypts writes. */
  static void create(Path dir, DataCipher cipher) throws IOException {
    createSegment(dir, 0, cipher.encryptsWrites()).close();
  }

  private static FileChannel createSegment(Path dir, long base, boolean sealed) throws IOException {
    Path file = dir.resolve(segmentName(base));
    FileChannel ch = FileChannel.open(file, CREATE_NEW, READ, WRITE);
    try {
      FileSync.writeFully(ch, WalFormat.fileHeader(base, sealed), 0);
      ch.force(true);
      FileSync.fsyncDirectory(dir);
      return ch;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Replays a plaintext log (see {@link #open(Path, long, DataCipher, RecordHandler)}). */
  static Wal open(Path dir, long from, RecordHandler handler) throws IOException {
    return open(dir, from, DataCipher.PLAINTEXT, handler);
  }

  /**
   * Replays every record from position {@code from} on into {@code handler}, drops an incomplete
   * tail left by a crash, deletes segments that lie wholly before {@code from}, and opens the log
   * for appending.
   *
   * <p>Segments of either format are read; new records go to a segment of the format {@code cipher}
   * writes, so if the last segment has the other one, a new segment is started.
   *
   * @param from where the checkpoint the caller loaded ends (0 without one)
   * @param cipher decrypts sealed segments, and says whether new records are sealed
   * @throws IOException if the log is damaged anywhere but at its end, or has gaps, or a record
   *     cannot be decrypted
   */
  static Wal open(Path dir, long from, DataCipher cipher, RecordHandler handler)
      throws IOException {
    List<Segment> found = list(dir);
    if (found.isEmpty()) {
      throw new IOException("no write-ahead log segment (" + PREFIX + "*" + SUFFIX + ") in " + dir);
    }
    List<Segment> kept = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Segment s = found.get(i);
      boolean last = i == found.size() - 1;
      if (!last && found.get(i + 1).base() + WalFormat.FILE_HEADER_BYTES <= from) {
        LOG.info("{}: removing, covered by the checkpoint", s.file());
        Files.deleteIfExists(s.file());
        continue;
      }
      kept.add(s);
    }
    FileSync.fsyncDirectory(dir);
    Segment head = kept.get(0);
    if (head.base() + WalFormat.FILE_HEADER_BYTES > Math.max(from, WalFormat.FILE_HEADER_BYTES)) {
      throw new IOException(
          "the log in "
              + dir
              + " starts at position "
              + (head.base() + WalFormat.FILE_HEADER_BYTES)
              + " but must start at or before "
              + Math.max(from, WalFormat.FILE_HEADER_BYTES)
              + (from == 0 ? " (there is no checkpoint)" : " (where the checkpoint ends)")
              + "; a segment is missing");
    }
    long expectedBase = -1;
    for (int i = 0; i < kept.size(); i++) {
      Segment s = kept.get(i);
      boolean last = i == kept.size() - 1;
      if (expectedBase >= 0 && s.base() != expectedBase) {
        throw new IOException(
            s.file()
                + " starts at log position "
                + (s.base() + WalFormat.FILE_HEADER_BYTES)
                + " but the segment before it ends at "
                + (expectedBase + WalFormat.FILE_HEADER_BYTES)
                + "; a segment is missing");
      }
      FileChannel ch = FileChannel.open(s.file(), READ, WRITE);
      try {
        WalReplayer.Header header = WalReplayer.readHeader(ch, s.file());
        long base = header.base();
        if (base != s.base()) {
          throw new IOException(
              s.file() + " records base position " + base + ", which does not match its name");
        }
        long size = ch.size();
        if (i == 0 && base + size < from) {
          throw new IOException(
              "the checkpoint covers the log up to position "
                  + from
                  + " but "
                  + s.file()
                  + " ends at "
                  + (base + size)
                  + "; the log is missing acknowledged writes");
        }
        long applyFrom = Math.max(WalFormat.FILE_HEADER_BYTES, from - base);
        Segment read = new Segment(base, s.file(), header.sealed());
        kept.set(i, read);
        long end =
            WalReplayer.replay(
                ch,
                s.file(),
                header,
                applyFrom,
                cipher,
                handler,
                v -> read.oldestKey = Math.min(read.oldestKey, v));
        if (end < size) {
          if (!last) {
            throw new IOException(
                String.format(
                    "%s is corrupt at offset %d but later segments follow it; refusing to load"
                        + " it so that no acknowledged write is silently lost",
                    s.file(), end));
          }
          LOG.warn(
              "{}: dropping {} bytes of incomplete or damaged data at the end of the log (offset"
                  + " {}), left by a write that was interrupted and never acknowledged",
              s.file(),
              size - end,
              end);
          ch.truncate(end);
          ch.force(true);
        }
        if (last) {
          return matchFormat(new Wal(dir, cipher, kept, ch, base + end));
        }
        expectedBase = base + end - WalFormat.FILE_HEADER_BYTES;
        ch.close();
      } catch (IOException | RuntimeException | Error e) {
        try {
          ch.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
    throw new AssertionError("unreachable");
  }

  private static List<Segment> list(Path dir) throws IOException {
    List<Segment> segments = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String hex = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        try {
          segments.add(new Segment(Long.parseUnsignedLong(hex, 16), f, false));
        } catch (NumberFormatException e) {
          throw new IOException(
              f + " is not a log segment name (" + PREFIX + "<hex>" + SUFFIX + ")");
        }
      }
    }
    segments.sort(Comparator.comparingLong(Segment::base));
    return segments;
  }

  /**
   * Writes a record (not yet durable: call {@link #sync} with the returned end). In a sealed
   * segment the record is encrypted here, under the append lock, because its log position is part
   * of what the tag authenticates; taking the key under the lock also means that once a key version
   * is current, no record with an older one can appear after {@link #oldestKeyVersion} was read.
   */
  Span append(byte type, ByteBuffer body) throws IOException {
    boolean sealed = cipher.encryptsWrites();
    ByteBuffer header = sealed ? null : WalFormat.recordHeader(type, body);
    appendLock.lock();
    try {
      ensureUsable();
      long start = written;
      Segment current = segments.get(segments.size() - 1);
      long offset = start - current.base();
      ByteBuffer[] parts;
      int keyVersion = NO_KEY;
      if (current.sealed) {
        TenantKeys.DataKey key = cipher.writeKey();
        keyVersion = key.version();
        parts = new ByteBuffer[] {WalFormat.sealedRecord(cipher, key, start, type, body)};
      } else {
        ByteBuffer h = header != null ? header : WalFormat.recordHeader(type, body);
        parts = new ByteBuffer[] {h, body.duplicate()};
      }
      long length = 0;
      try {
        for (ByteBuffer part : parts) {
          int n = part.remaining();
          FileSync.writeFully(channel, part, offset + length);
          length += n;
        }
      } catch (IOException e) {
        throw fail(e);
      }
      current.oldestKey = Math.min(current.oldestKey, keyVersion);
      written = start + length;
      return new Span(start, written);
    } finally {
      appendLock.unlock();
    }
  }

  /**
   * Starts a segment of the format new records need when the last one has the other: an empty one
   * is replaced in place, a non-empty one is followed by a new one.
   */
  private static Wal matchFormat(Wal wal) throws IOException {
    Segment last = wal.segments.get(wal.segments.size() - 1);
    boolean wanted = wal.cipher.encryptsWrites();
    if (last.sealed == wanted) {
      return wal;
    }
    try {
      if (wal.written - last.base() == WalFormat.FILE_HEADER_BYTES) {
        Path tmp = wal.dir.resolve(segmentName(last.base()) + FileSync.TMP_SUFFIX);
        Files.deleteIfExists(tmp);
        FileChannel replacement = FileChannel.open(tmp, CREATE_NEW, READ, WRITE);
        try {
          FileSync.writeFully(replacement, WalFormat.fileHeader(last.base(), wanted), 0);
          replacement.force(true);
        } finally {
          replacement.close();
        }
        wal.channel.close();
        Files.move(tmp, last.file(), StandardCopyOption.ATOMIC_MOVE);
        FileSync.fsyncDirectory(wal.dir);
        wal.channel = FileChannel.open(last.file(), READ, WRITE);
        wal.segments.set(wal.segments.size() - 1, new Segment(last.base(), last.file(), wanted));
      } else {
        wal.rotate();
      }
      LOG.info(
          "{}: new log records are {} from now on",
          wal.dir,
          wanted ? "encrypted" : "written in plaintext");
      return wal;
    } catch (IOException | RuntimeException e) {
      wal.close();
      throw e;
    }
  }

  /** The oldest data key version any remaining segment uses, or {@link #NO_KEY}. */
  int oldestKeyVersion() {
    appendLock.lock();
    try {
      int oldest = NO_KEY;
      for (Segment s : segments) {
        oldest = Math.min(oldest, s.oldestKey);
      }
      return oldest;
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
      FileChannel ch;
      appendLock.lock();
      try {
        target = written;
        ch = channel;
      } finally {
        appendLock.unlock();
      }
      try {
        // force(false) is fdatasync: it still persists the file size, which recovery relies on.
        ch.force(false);
      } catch (IOException e) {
        throw fail(e);
      }
      forces.incrementAndGet();
      synced = target;
    } finally {
      syncLock.unlock();
    }
  }

  /**
   * Makes everything written so far durable and starts a new segment at the current end, so that a
   * later {@link #dropBefore} can delete the old ones whole.
   */
  void rotate() throws IOException {
    syncLock.lock();
    appendLock.lock();
    try {
      ensureUsable();
      boolean sealed = cipher.encryptsWrites();
      if (written - currentBase() == WalFormat.FILE_HEADER_BYTES) {
        return; // the current segment is empty (and has the right format: see matchFormat)
      }
      long base = written - WalFormat.FILE_HEADER_BYTES;
      FileChannel next;
      try {
        channel.force(false);
        synced = written;
        next = createSegment(dir, base, sealed);
      } catch (IOException e) {
        throw fail(e);
      }
      FileChannel old = channel;
      channel = next;
      segments.add(new Segment(base, dir.resolve(segmentName(base)), sealed));
      try {
        old.close();
      } catch (IOException e) {
        LOG.warn("closing the previous log segment in {} failed", dir, e);
      }
    } finally {
      appendLock.unlock();
      syncLock.unlock();
    }
  }

  /** Deletes the segments that end at or before {@code position}; the current one always stays. */
  void dropBefore(long position) throws IOException {
    List<Path> doomed = new ArrayList<>();
    appendLock.lock();
    try {
      while (segments.size() > 1
          && segments.get(1).base() + WalFormat.FILE_HEADER_BYTES <= position) {
        doomed.add(segments.remove(0).file());
      }
    } finally {
      appendLock.unlock();
    }
    for (Path f : doomed) {
      Files.deleteIfExists(f);
    }
    if (!doomed.isEmpty()) {
      FileSync.fsyncDirectory(dir);
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

  /** The segment being written. */
  Path file() {
    appendLock.lock();
    try {
      return segments.get(segments.size() - 1).file();
    } finally {
      appendLock.unlock();
    }
  }

  /** Every segment file, oldest first. */
  List<Path> files() {
    appendLock.lock();
    try {
      return segments.stream().map(Segment::file).toList();
    } finally {
      appendLock.unlock();
    }
  }

  private long currentBase() {
    return segments.get(segments.size() - 1).base();
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
      throw new IOException("write-ahead log in " + dir + " is closed");
    }
    IOException f = failure;
    if (f != null) {
      throw new IOException("write-ahead log in " + dir + " failed earlier: " + f.getMessage(), f);
    }
  }

  private IOException fail(IOException e) {
    if (failure == null) {
      failure = e;
    }
    LOG.error("write-ahead log in {} failed; it accepts no more writes", dir, e);
    return e;
  }
}
