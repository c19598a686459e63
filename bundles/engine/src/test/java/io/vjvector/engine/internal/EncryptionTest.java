package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertError;
import static io.vjvector.engine.internal.Fixtures.assertSamePoint;
import static io.vjvector.engine.internal.Fixtures.encryption;
import static io.vjvector.engine.internal.Fixtures.filesContaining;
import static io.vjvector.engine.internal.Fixtures.floatBytes;
import static io.vjvector.engine.internal.Fixtures.map;
import static io.vjvector.engine.internal.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.PayloadIndexType;
import io.vjvector.engine.Point;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest: what reaches the disk, recovery, damage, and data from before it. */
class EncryptionTest {
  private static final String MARKER = "PLAINTEXT-MARKER-1234";
  private static final String ID_MARKER = "ID-MARKER-5678";
  private static final int DIM = 8;

  @TempDir Path dir;

  private static List<Point> markedPoints(int n, long seed) {
    Random random = new Random(seed);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(
          new Point(
              PointId.of(ID_MARKER + "-" + i),
              Fixtures.randomVector(random, DIM),
              map("text", MARKER + " number " + i, "n", (long) i)));
    }
    return points;
  }

  /** Files holding the payload marker, the id marker, or a vector's raw floats in either order. */
  private List<Path> plaintextFiles(List<Point> points) throws IOException {
    List<Path> hits = new ArrayList<>();
    hits.addAll(filesContaining(dir, MARKER.getBytes(StandardCharsets.UTF_8)));
    hits.addAll(filesContaining(dir, ID_MARKER.getBytes(StandardCharsets.UTF_8)));
    for (Point p : points.subList(0, 3)) {
      hits.addAll(filesContaining(dir, floatBytes(p.vector(), ByteOrder.BIG_ENDIAN)));
      hits.addAll(filesContaining(dir, floatBytes(p.vector(), ByteOrder.LITTLE_ENDIAN)));
    }
    return hits;
  }

  private void writeMarked(EngineService engine, List<Point> points) throws IOException {
    engine.createCollection("t", new CollectionSpec("c", DIM, Distance.COSINE));
    engine.createPayloadIndex("t", "c", "text", PayloadIndexType.KEYWORD);
    engine.upsert("t", "c", points.subList(0, points.size() / 2));
    engine.checkpoint("t", "c");
    engine.upsert("t", "c", points.subList(points.size() / 2, points.size()));
  }

  @Test
  void noPointIdVectorOrPayloadByteReachesTheDisk() throws Exception {
    List<Point> points = markedPoints(50, 1);
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      writeMarked(engine, points);
      // both a checkpoint and a log tail are on disk now
      assertTrue(Files.exists(Fixtures.walFile(dir, "t", "c").resolveSibling(Checkpoint.FILE)));
      assertEquals(List.of(), plaintextFiles(points));
    }
    assertEquals(List.of(), plaintextFiles(points), "after close");
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      List<Point> back = engine.get("t", "c", points.stream().map(Point::id).toList());
      assertEquals(points.size(), back.size());
      for (int i = 0; i < points.size(); i++) {
        assertSamePoint(points.get(i), back.get(i));
      }
      engine.checkpoint("t", "c");
    }
    assertEquals(List.of(), plaintextFiles(points), "after a checkpoint of everything");
  }

  @Test
  void theScanFindsThePlaintextWhenEncryptionIsOff() throws Exception {
    // The control for the test above: the same writes without encryption are found.
    List<Point> points = markedPoints(50, 1);
    try (EngineService engine = new EngineService(dir, encryption(false, null))) {
      writeMarked(engine, points);
    }
    List<Path> hits = plaintextFiles(points);
    assertTrue(hits.stream().anyMatch(p -> p.endsWith(Checkpoint.FILE)), hits.toString());
    assertTrue(hits.stream().anyMatch(p -> p.getFileName().toString().startsWith("wal-")));
    assertFalse(Files.exists(dir.resolve(MasterKeys.DEFAULT_FILE)), "no key needed, none made");
  }

  @Test
  void acknowledgedEncryptedWritesSurviveACrash(@TempDir Path copy) throws Exception {
    List<Point> points = markedPoints(20, 2);
    EngineService crashed = new EngineService(dir, encryption(true, null));
    try {
      writeMarked(crashed, points);
      crashed.delete("t", "c", List.of(points.get(0).id()));
      // the files as they are on disk while the engine runs, key file included
      Fixtures.copyTree(dir, copy);
    } finally {
      crashed.close();
    }
    try (EngineService engine = new EngineService(copy, encryption(true, null))) {
      assertEquals(19, engine.count("t", "c", Filter.none()));
      Point back = engine.get("t", "c", List.of(points.get(7).id())).get(0);
      assertSamePoint(points.get(7), back);
    }
  }

  /** Three single-point upserts into t/c, encrypted; returns the log. */
  private Path writeThreeSealedBatches() {
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      engine.createCollection("t", new CollectionSpec("c", 2, Distance.EUCLID));
      for (int i = 1; i <= 3; i++) {
        engine.upsert("t", "c", List.of(point(i, new float[] {i, i}, map("m", MARKER))));
      }
    }
    return Fixtures.walFile(dir, "t", "c");
  }

  /** Offsets of the records of a segment. */
  static List<Integer> recordOffsets(byte[] log) {
    List<Integer> offsets = new ArrayList<>();
    for (int pos = WalFormat.FILE_HEADER_BYTES; pos < log.length; ) {
      offsets.add(pos);
      pos += WalFormat.RECORD_HEADER_BYTES + ByteBuffer.wrap(log).getInt(pos);
    }
    return offsets;
  }

  @Test
  void tornLastEncryptedRecordIsTruncated() throws Exception {
    Path wal = writeThreeSealedBatches();
    byte[] intact = Files.readAllBytes(wal);
    assertEquals(WalFormat.SEALED_VERSION, ByteBuffer.wrap(intact).getInt(4));
    int third = recordOffsets(intact).get(2);
    // inside the ciphertext, inside the nonce, inside the record header
    for (int cut : new int[] {intact.length - 1, third + 14, third + 5}) {
      Files.write(wal, Arrays.copyOf(intact, cut));
      try (EngineService engine = new EngineService(dir, encryption(true, null))) {
        assertEquals(2, engine.count("t", "c", Filter.none()));
      }
      assertEquals(third, Files.size(wal), "after cutting at " + cut);
    }
    // and the log takes new records again
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      engine.upsert("t", "c", List.of(point(9, 9, 9)));
    }
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      assertEquals(3, engine.count("t", "c", Filter.none()));
    }
  }

  @Test
  void flippedByteInAMiddleRecordRefusesToOpen() throws Exception {
    Path wal = writeThreeSealedBatches();
    byte[] bytes = Files.readAllBytes(wal);
    int second = recordOffsets(bytes).get(1);
    bytes[second + 30] ^= 0x01; // in the ciphertext
    Files.write(wal, bytes);
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      VjvException e = assertError(ErrorType.STORAGE_ERROR, () -> engine.collection("t", "c"));
      assertTrue(e.getMessage().contains("corrupt at offset " + second), e.getMessage());
      assertTrue(e.getMessage().contains("refusing to load"), e.getMessage());
    }
    assertArrayEquals(bytes, Files.readAllBytes(wal), "nothing truncated");
  }

  @Test
  void alteredRecordWithARecomputedChecksumFailsAuthenticationEvenAtTheEnd() throws Exception {
    Path wal = writeThreeSealedBatches();
    byte[] original = Files.readAllBytes(wal);
    List<Integer> offsets = recordOffsets(original);
    for (int record : new int[] {1, 2}) {
      byte[] bytes = original.clone();
      int at = offsets.get(record);
      bytes[at + 30] ^= 0x01;
      fixChecksum(bytes, at);
      Files.write(wal, bytes);
      try (EngineService engine = new EngineService(dir, encryption(true, null))) {
        VjvException e = assertError(ErrorType.STORAGE_ERROR, () -> engine.collection("t", "c"));
        assertTrue(e.getMessage().contains("record at offset " + at), e.getMessage());
        assertTrue(e.getMessage().contains("fails decryption"), e.getMessage());
      }
      assertArrayEquals(bytes, Files.readAllBytes(wal), "the last record is not truncated either");
    }
  }

  @Test
  void swappedRecordsFailAuthentication() throws Exception {
    Path wal = writeThreeSealedBatches();
    byte[] bytes = Files.readAllBytes(wal);
    List<Integer> offsets = recordOffsets(bytes);
    int a = offsets.get(0);
    int b = offsets.get(1);
    int length = b - a;
    assertEquals(length, offsets.get(2) - b, "records of equal size");
    byte[] first = Arrays.copyOfRange(bytes, a, b);
    System.arraycopy(bytes, b, bytes, a, length);
    System.arraycopy(first, 0, bytes, b, length);
    Files.write(wal, bytes);
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      VjvException e = assertError(ErrorType.STORAGE_ERROR, () -> engine.collection("t", "c"));
      assertTrue(e.getMessage().contains("fails decryption"), e.getMessage());
    }
  }

  private static void fixChecksum(byte[] log, int record) {
    ByteBuffer b = ByteBuffer.wrap(log);
    int length = b.getInt(record);
    CRC32C crc = new CRC32C();
    crc.update(log, record + WalFormat.RECORD_HEADER_BYTES, length);
    b.putInt(record + 4, (int) crc.getValue());
  }

  @Test
  void damagedEncryptedCheckpointRefusesToLoad() throws Exception {
    List<Point> points = markedPoints(20, 3);
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      writeMarked(engine, points);
    }
    Path file = Fixtures.walFile(dir, "t", "c").resolveSibling(Checkpoint.FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x40; // in the tag of the last block
    Files.write(file, bytes);
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      VjvException e = assertError(ErrorType.STORAGE_ERROR, () -> engine.collection("t", "c"));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("fails decryption"), e.getMessage());
    }
  }

  @Test
  void dataWrittenWithoutEncryptionOpensAndIsEncryptedAfterTheNextCheckpoint() throws Exception {
    List<Point> points = markedPoints(40, 4);
    try (EngineService engine = new EngineService(dir, encryption(false, null))) {
      writeMarked(engine, points); // a plaintext checkpoint and a plaintext log tail
      engine.createCollection("t", new CollectionSpec("empty", DIM, Distance.DOT));
    }
    Path wal = Fixtures.walFile(dir, "t", "c");
    assertFalse(plaintextFiles(points).isEmpty());
    List<Point> more = markedPoints(45, 5).subList(40, 45);
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      assertEquals(40, engine.count("t", "c", Filter.none()));
      assertSamePoint(points.get(33), engine.get("t", "c", List.of(points.get(33).id())).get(0));
      engine.upsert("t", "c", more);
      // new records went to a new, sealed segment after the plaintext one
      List<Path> segments = segments(wal.getParent());
      assertEquals(2, segments.size(), segments.toString());
      assertEquals(WalFormat.PLAIN_VERSION, version(segments.get(0)));
      assertEquals(WalFormat.SEALED_VERSION, version(segments.get(1)));
      // an empty plaintext segment was replaced in place
      Path empty = Fixtures.walFile(dir, "t", "empty");
      assertEquals(List.of(empty), segments(empty.getParent()));
      assertEquals(WalFormat.SEALED_VERSION, version(empty));
      engine.compact("t", "c");
      assertEquals(List.of(), plaintextFiles(points), "rewritten encrypted by the checkpoint");
      assertEquals(List.of(1), engine.dataKeyVersions("t"));
    }
    try (EngineService engine = new EngineService(dir, encryption(true, null))) {
      assertEquals(45, engine.count("t", "c", Filter.none()));
      assertSamePoint(more.get(2), engine.get("t", "c", List.of(more.get(2).id())).get(0));
      assertSamePoint(points.get(5), engine.get("t", "c", List.of(points.get(5).id())).get(0));
    }
  }

  private static int version(Path segment) throws IOException {
    return ByteBuffer.wrap(Files.readAllBytes(segment)).getInt(4);
  }

  static List<Path> segments(Path collectionDir) throws IOException {
    try (var s = Files.list(collectionDir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("wal-")).sorted().toList();
    }
  }
}
