package io.vjvector.security.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vjvector.security.AuditEvent;
import io.vjvector.security.AuditLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The audit log in {@code <stateDir>/audit.log}: JSON lines, each ending in the previous line's
 * hash and its own, {@code hash = SHA-256(prev || line-without-prev-and-hash)}. Appends are forced
 * to disk before {@link #record} returns, with concurrent appends sharing one force (group commit).
 */
@Component(
    service = AuditLog.class,
    configurationPid = SecurityConfig.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class FileAuditLog implements AuditLog {
  static final String GENESIS = "0".repeat(64);
  private static final Pattern SEQ = Pattern.compile("^\\{\"seq\":(\\d+),");
  private static final int TAIL_BYTES = 64 * 1024;
  private static final Pattern LINE =
      Pattern.compile("^(\\{.*),\"prev\":\"([0-9a-f]{64})\",\"hash\":\"([0-9a-f]{64})\"\\}$");

  private final Path file;
  private final FileChannel channel;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Object appendLock = new Object();
  private final Object syncLock = new Object();
  private String last; // guarded by appendLock
  private long seq; // guarded by appendLock
  private long written; // guarded by appendLock
  private volatile long synced;

  /**
   * Opens the log of the configured state directory.
   *
   * @param config the settings
   * @throws IOException if it cannot be opened
   */
  @Activate
  public FileAuditLog(SecurityConfig config) throws IOException {
    this(SecurityService.stateDir(config).resolve("audit.log"));
  }

  FileAuditLog(Path file) throws IOException {
    this.file = file;
    Files.createDirectories(file.toAbsolutePath().getParent());
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    dropTornTail();
    last = GENESIS;
    seq = 0;
    String tail = lastLine();
    Matcher m = tail == null ? null : LINE.matcher(tail);
    Matcher n = tail == null ? null : SEQ.matcher(tail);
    if (m != null && m.matches() && n.find()) {
      // the chain goes on from the last record: no need to read the whole log at start-up
      last = m.group(3);
      seq = Long.parseLong(n.group(1));
    } else if (channel.size() > 0) {
      scanAll();
    }
    written = channel.size();
    synced = written;
    channel.position(written);
  }

  /** The last complete line, or null if the log is empty or its last line is unusually long. */
  private String lastLine() throws IOException {
    long size = channel.size();
    if (size == 0) {
      return null;
    }
    int n = (int) Math.min(size, TAIL_BYTES);
    ByteBuffer buf = ByteBuffer.allocate(n);
    while (buf.hasRemaining() && channel.read(buf, size - n + buf.position()) > 0) {
      // read the tail whole
    }
    byte[] b = buf.array();
    int end = n - 1; // the final newline
    int start = end - 1;
    while (start >= 0 && b[start] != '\n') {
      start--;
    }
    if (start < 0 && n < size) {
      return null;
    }
    return new String(b, start + 1, end - start - 1, StandardCharsets.UTF_8);
  }

  /** The slow way, for a log whose last line is not a record: chain onto the last one that is. */
  private void scanAll() throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        Matcher m = LINE.matcher(line);
        if (m.matches()) {
          last = m.group(3);
        }
        seq++;
      }
    }
  }

  /** A line without its newline was never acknowledged: its action failed. */
  private void dropTornTail() throws IOException {
    long size = channel.size();
    if (size == 0) {
      return;
    }
    long end = size;
    ByteBuffer one = ByteBuffer.allocate(1);
    while (end > 0) {
      one.clear();
      channel.read(one, end - 1);
      if (one.get(0) == '\n') {
        break;
      }
      end--;
    }
    if (end != size) {
      channel.truncate(end);
      channel.force(true);
    }
  }

  @Deactivate
  void close() throws IOException {
    channel.close();
  }

  @Override
  public void record(AuditEvent e) throws IOException {
    long end;
    synchronized (appendLock) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", seq + 1);
      m.put("time", e.time().toString());
      m.put("actor", e.actor());
      m.put("tenant", e.tenant());
      m.put("action", e.action());
      m.put("resource", e.resource());
      m.put("outcome", e.outcome());
      m.put("requestId", e.requestId());
      m.put("source", e.source());
      String body = json(m);
      String hash = hash(last, body);
      String line =
          body.substring(0, body.length() - 1)
              + ",\"prev\":\""
              + last
              + "\",\"hash\":\""
              + hash
              + "\"}\n";
      ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      long start = written;
      try {
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
      } catch (IOException ex) {
        // leave no half line behind for the next append to chain onto
        channel.truncate(start);
        channel.position(start);
        throw ex;
      }
      written = start + line.getBytes(StandardCharsets.UTF_8).length;
      last = hash;
      seq++;
      end = written;
    }
    sync(end);
  }

  private void sync(long end) throws IOException {
    if (synced >= end) {
      return;
    }
    synchronized (syncLock) {
      if (synced >= end) {
        return;
      }
      long target;
      synchronized (appendLock) {
        target = written;
      }
      channel.force(false);
      synced = target;
    }
  }

  @Override
  public Verification verify() throws IOException {
    String prev = GENESIS;
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        n++;
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
          return new Verification(false, n, n, "line " + n + " is not a chained audit record");
        }
        if (!m.group(2).equals(prev)) {
          return new Verification(
              false, n, n, "line " + n + " does not follow the line before (removed or reordered)");
        }
        String body = m.group(1) + "}";
        if (!hash(prev, body).equals(m.group(3))) {
          return new Verification(false, n, n, "line " + n + " was changed after it was written");
        }
        prev = m.group(3);
      }
    }
    return new Verification(true, n, 0, null);
  }

  Path file() {
    return file;
  }

  private String json(Map<String, Object> m) {
    try {
      return mapper.writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  static String hash(String prev, String body) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(prev.getBytes(StandardCharsets.US_ASCII));
      d.update(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
