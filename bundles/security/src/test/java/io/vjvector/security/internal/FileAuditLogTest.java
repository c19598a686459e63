package io.vjvector.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.security.AuditEvent;
import io.vjvector.security.AuditLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
  @TempDir Path dir;

  private static AuditEvent event(int i) {
    return new AuditEvent(
        Instant.parse("2026-11-27T00:00:00Z").plusSeconds(i),
        "key:abc",
        "acme",
        "POST /collections",
        "docs" + i,
        "201",
        "req-" + i,
        "127.0.0.1");
  }

  @Test
  void chainVerifiesAcrossRestartsAndConcurrentAppends() throws Exception {
    Path file = dir.resolve("audit.log");
    FileAuditLog log = new FileAuditLog(file);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> fs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = i;
      fs.add(
          pool.submit(
              () -> {
                log.record(event(n));
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    log.close();
    FileAuditLog reopened = new FileAuditLog(file);
    reopened.record(event(999));
    AuditLog.Verification v = reopened.verify();
    assertTrue(v.ok(), v.problem());
    assertEquals(201, v.lines());
    List<String> lines = Files.readAllLines(file);
    assertTrue(lines.get(200).startsWith("{\"seq\":201,"), lines.get(200));
    reopened.close();
  }

  @Test
  void anEditedRemovedOrReorderedLineIsDetected() throws Exception {
    Path file = dir.resolve("audit.log");
    FileAuditLog log = new FileAuditLog(file);
    for (int i = 0; i < 5; i++) {
      log.record(event(i));
    }
    log.close();
    List<String> lines = Files.readAllLines(file);

    List<String> edited = new ArrayList<>(lines);
    edited.set(2, edited.get(2).replace("\"201\"", "\"403\""));
    Files.write(file, edited);
    AuditLog.Verification v = new FileAuditLog(file).verify();
    assertFalse(v.ok());
    assertEquals(3, v.firstBadLine());

    List<String> removed = new ArrayList<>(lines);
    removed.remove(1);
    Files.write(file, removed);
    v = new FileAuditLog(file).verify();
    assertFalse(v.ok());
    assertEquals(2, v.firstBadLine());

    List<String> swapped = new ArrayList<>(lines);
    swapped.set(3, lines.get(4));
    swapped.set(4, lines.get(3));
    Files.write(file, swapped);
    assertEquals(4, new FileAuditLog(file).verify().firstBadLine());
  }

  @Test
  void aTornLastLineIsDroppedAndTheChainContinues() throws Exception {
    Path file = dir.resolve("audit.log");
    FileAuditLog log = new FileAuditLog(file);
    log.record(event(1));
    log.close();
    Files.write(
        file, "{\"seq\":2,\"time\":".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    FileAuditLog again = new FileAuditLog(file);
    again.record(event(2));
    AuditLog.Verification v = again.verify();
    assertTrue(v.ok(), v.problem());
    assertEquals(2, v.lines());
  }
}
