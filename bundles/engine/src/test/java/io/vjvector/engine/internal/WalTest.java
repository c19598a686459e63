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
            file,
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
    Path file = dir.resolve("wal.log");
    Wal.create(file);
    assertEquals(List.of(), replay(file));
    try (Wal wal = Wal.open(file, (t, b) -> {})) {
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
    Path file = dir.resolve("wal.log");
    Wal.create(file);
    try (Wal wal = Wal.open(file, (t, b) -> {})) {
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
    Path file = dir.resolve("wal.log");
    Wal.create(file);
    Wal wal = Wal.open(file, (t, b) -> {});
    wal.close();
    assertThrows(IOException.class, () -> wal.append((byte) 1, body("x")));
  }

  @Test
  void foreignFileIsRejected() throws Exception {
    Path file = dir.resolve("wal.log");
    Files.writeString(file, "not a log at all");
    IOException e = assertThrows(IOException.class, () -> replay(file));
    assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    Files.write(file, new byte[3]);
    assertThrows(IOException.class, () -> replay(file));
  }

  @Test
  void undecodableRecordWithValidChecksumStopsReplay() throws Exception {
    Path file = dir.resolve("wal.log");
    Wal.create(file);
    Files.write(file, frame((byte) 9, "x"), java.nio.file.StandardOpenOption.APPEND);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                Wal.open(
                    file,
                    (t, b) -> {
                      throw new IllegalArgumentException("unknown record type " + t);
                    }));
    assertTrue(e.getMessage().contains("offset 8"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown record type 9"), e.getMessage());
  }

  @Test
  void validRecordIsFoundAcrossScanWindowBoundaries() throws Exception {
    // A header straddling two scan windows, and a body running past the window.
    for (int gap : new int[] {(1 << 20) - 3, (1 << 20) - 20}) {
      Path file = dir.resolve("wal-" + gap + ".log");
      Wal.create(file);
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
    Path file = dir.resolve("wal.log");
    Wal.create(file);
    byte[] good = frame((byte) 1, "kept");
    byte[] torn = frame((byte) 1, "lost in the crash");
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    tail.write(good);
    tail.write(torn, 0, torn.length - 4);
    Files.write(file, tail.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
    assertEquals(List.of("1:kept"), replay(file));
    assertEquals(WalFormat.FILE_HEADER_BYTES + good.length, Files.size(file));
  }
}
