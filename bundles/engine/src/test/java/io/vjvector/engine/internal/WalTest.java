package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalTest {
  @TempDir Path dir;

  private static ByteBuffer body(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> replay(Path file) throws IOException {
    List<String> records = new ArrayList<>();
    Wal.open(
            file.getParent(),
            0,
            (type, body) -> {
              byte[] bytes = new byte[body.remaining()];
              body.get(bytes);
              records.add(type + ":" + new String(bytes, StandardCharsets.UTF_8));
            })
        .close();
    return records;
  }

  private static byte[] frame(byte type, String text) {
    ByteBuffer header = WalFormat.recordHeader(type, body(text));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header.array(), 0, header.limit());
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void appendedRecordsAreReplayedInOrder() throws Exception {
    Path file = dir.resolve(Wal.segmentName(0));
    Wal.create(dir);
    assertEquals(List.of(), replay(file));
    try (Wal wal = Wal.open(dir, 0, (t, b) -> {})) {
      Wal.Span a = wal.append((byte) 1, body("alpha"));
      Wal.Span b = wal.append((byte) 2, body(""));
      assertEquals(WalFormat.FILE_HEADER_BYTES, a.start());
      assertEquals(a.end(), b.start());
      wal.sync(b.end());
    }
    assertEquals(List.of("1:alpha", "2:"), replay(file));
  }

  @Test
  void oneForceCoversEverythingWrittenBeforeIt() throws Exception {
    Path file = dir.resolve(Wal.segmentName(0));
    Wal.create(dir);
    try (Wal wal = Wal.open(dir, 0, (t, b) -> {})) {
      Wal.Span first = wal.append((byte) 1, body("a"));
      wal.append((byte) 1, body("b"));
      Wal.Span third = wal.append((byte) 1, body("c"));
      wal.sync(third.end());
      assertEquals(1, wal.forceCount());
      wal.sync(first.end());
      wal.sync(third.end());
      assertEquals(1, wal.forceCount());
      Wal.Span fourth = wal.append((byte) 1, body("d"));
      wal.sync(fourth.end());
      assertEquals(2, wal.forceCount());
    }
  }

  @Test
  void closedLogRefusesWrites() throws Exception {
    Path file = dir.resolve(Wal.segmentName(0));
    Wal.create(dir);
    Wal wal = Wal.open(dir, 0, (t, b) -> {});
    wal.close();
    assertThrows(IOException.class, () -> wal.append((byte) 1, body("x")));
  }

  @Test
  void foreignFileIsRejected() throws Exception {
    Path file = dir.resolve(Wal.segmentName(0));
    Files.writeString(file, "not a log at all");
    IOException e = assertThrows(IOException.class, () -> replay(file));
    assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    Files.write(file, new byte[3]);
    assertThrows(IOException.class, () -> replay(file));
  }

  @Test
  void undecodableRecordWithValidChecksumStopsReplay() throws Exception {
    Path file = dir.resolve(Wal.segmentName(0));
    Wal.create(dir);
    Files.write(file, frame((byte) 9, "x"), java.nio.file.StandardOpenOption.APPEND);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                Wal.open(
                    dir,
                    0,
                    (t, b) -> {
                      throw new IllegalArgumentException("unknown record type " + t);
                    }));
    assertTrue(e.getMessage().contains("offset " + WalFormat.FILE_HEADER_BYTES), e.getMessage());
    assertTrue(e.getMessage().contains("unknown record type 9"), e.getMessage());
  }

  @Test
  void validRecordIsFoundAcrossScanWindowBoundaries() throws Exception {
    // A header straddling two scan windows, and a body running past the window.
    for (int gap : new int[] {(1 << 20) - 3, (1 << 20) - 20}) {
      Path sub = Files.createDirectory(dir.resolve("gap-" + gap));
      Path file = sub.resolve(Wal.segmentName(0));
      Wal.create(sub);
      byte[] valid = frame((byte) 1, "y".repeat(100));
      ByteArrayOutputStream tail = new ByteArrayOutputStream();
      tail.write(new byte[gap]);
      tail.write(valid);
      Files.write(file, tail.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
      IOException e = assertThrows(IOException.class, () -> replay(file));
      long expected = WalFormat.FILE_HEADER_BYTES + gap;
      assertTrue(
          e.getMessage().contains("valid record follows at offset " + expected), e.getMessage());
      assertEquals(WalFormat.FILE_HEADER_BYTES + gap + valid.length, Files.size(file));
    }
  }

  @Test
  void tornTailIsTruncated() throws Exception {
    Path file = dir.resolve(Wal.segmentName(0));
    Wal.create(dir);
    byte[] good = frame((byte) 1, "kept");
    byte[] torn = frame((byte) 1, "lost in the crash");
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    tail.write(good);
    tail.write(torn, 0, torn.length - 4);
    Files.write(file, tail.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
    assertEquals(List.of("1:kept"), replay(file));
    assertEquals(WalFormat.FILE_HEADER_BYTES + good.length, Files.size(file));
  }

  @Test
  void rotationStartsNewSegmentsAndDropBeforeDeletesCoveredOnes() throws Exception {
    long checkpoint;
    try (Wal wal = Wal.open(createdDir(), 0, (t, b) -> {})) {
      wal.sync(wal.append((byte) 1, body("a")).end());
      wal.rotate();
      Wal.Span b = wal.append((byte) 1, body("b"));
      wal.sync(b.end());
      checkpoint = b.end();
      wal.rotate();
      wal.rotate(); // the current segment is empty: nothing happens
      wal.sync(wal.append((byte) 1, body("c")).end());
      assertEquals(3, wal.files().size());
      wal.dropBefore(checkpoint);
      assertEquals(1, wal.files().size());
      assertEquals(1, segmentFiles().size());
    }
    // Replay from the checkpoint position sees only what came after it.
    List<String> after = new ArrayList<>();
    try (Wal wal = Wal.open(dir, checkpoint, (t, b) -> after.add(text(b)))) {
      assertEquals(List.of("c"), after);
      Wal.Span d = wal.append((byte) 1, body("d"));
      assertTrue(d.start() > checkpoint);
      wal.sync(d.end());
    }
  }

  @Test
  void segmentsCoveredByTheCheckpointAreRemovedAtOpenAndGapsRefused() throws Exception {
    long covered;
    try (Wal wal = Wal.open(createdDir(), 0, (t, b) -> {})) {
      wal.sync(wal.append((byte) 1, body("a")).end());
      wal.rotate();
      covered = wal.end();
      wal.sync(wal.append((byte) 1, body("b")).end());
      wal.rotate();
      wal.sync(wal.append((byte) 1, body("c")).end());
    }
    List<Path> files = segmentFiles();
    assertEquals(3, files.size());
    byte[] first = Files.readAllBytes(files.get(0));
    // A crash after the checkpoint was published but before the old segment was deleted.
    List<String> seen = new ArrayList<>();
    Wal.open(dir, covered, (t, b) -> seen.add(text(b))).close();
    assertEquals(List.of("b", "c"), seen);
    assertEquals(2, segmentFiles().size());
    // A missing segment is refused, never skipped: in the middle ...
    Files.write(files.get(0), first);
    Files.delete(files.get(1));
    IOException e = assertThrows(IOException.class, () -> Wal.open(dir, 0, (t, b) -> {}));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
    // ... and at the start.
    Files.delete(files.get(0));
    e = assertThrows(IOException.class, () -> Wal.open(dir, 0, (t, b) -> {}));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  private Path createdDir() throws IOException {
    Wal.create(dir);
    return dir;
  }

  private List<Path> segmentFiles() throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("wal-")).sorted().toList();
    }
  }

  private static String text(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
