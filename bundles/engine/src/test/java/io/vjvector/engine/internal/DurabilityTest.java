package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertError;
import static io.vjvector.engine.internal.Fixtures.assertSamePoint;
import static io.vjvector.engine.internal.Fixtures.ids;
import static io.vjvector.engine.internal.Fixtures.map;
import static io.vjvector.engine.internal.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {
  @TempDir Path dir;

  private static List<Point> samplePoints() {
    return List.of(
        point(
            1,
            new float[] {-0.0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f},
            map(
                "long",
                42L,
                "int",
                7,
                "double",
                1.0,
                "big",
                BigInteger.TWO.pow(80),
                "text",
                "naïve 東京 🚀",
                "nothing",
                null,
                "flag",
                true,
                "nested",
                map("list", Arrays.asList(1L, 2.5, "x", null, List.of(map("k", false)))))),
        new Point(PointId.of("doc-2"), new float[] {1, 2, 3, 4}, null),
        point(-1L, new float[] {4, 3, 2, 1}, map("z", "first", "a", "second")));
  }

  @Test
  void pointsSurviveCloseAndReopenExactly() {
    List<Point> expected = new ArrayList<>();
    CollectionInfo info;
    try (EngineService engine = new EngineService(dir)) {
      info = engine.createCollection("t", new CollectionSpec("c", 4, Distance.DOT));
      engine.upsert("t", "c", samplePoints());
      engine.upsert("t", "c", List.of(point(5, new float[] {5, 5, 5, 5}, map("v", 1L))));
      engine.upsert("t", "c", List.of(point(5, new float[] {6, 6, 6, 6}, map("v", 2L))));
      engine.upsert("t", "c", List.of(point(6, 1, 1, 1, 1), point(7, 2, 2, 2, 2)));
      assertEquals(2, engine.delete("t", "c", ids(6, 7, 8)));
      engine.upsert("t", "c", List.of(point(9, 9, 9, 9, 9)));
      expected.addAll(engine.get("t", "c", ids(1, 5, 9, -1L)));
      expected.addAll(engine.get("t", "c", List.of(PointId.of("doc-2"))));
    }
    assertEquals(5, expected.size());
    // The canonical form of what was written: Integer 7 is a Long.
    assertEquals(7L, expected.get(0).payload().get("int"));

    try (EngineService engine = new EngineService(dir)) {
      CollectionInfo reopened = engine.collection("t", "c").orElseThrow();
      assertEquals(info.createdAt(), reopened.createdAt());
      assertEquals(5, reopened.pointCount());
      assertEquals(List.of(), engine.get("t", "c", ids(6, 7)));
      List<PointId> wanted = expected.stream().map(Point::id).toList();
      List<Point> actual = engine.get("t", "c", wanted);
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertSamePoint(expected.get(i), actual.get(i));
      }
      // The log keeps working after replay.
      engine.upsert("t", "c", List.of(point(10, 1, 0, 0, 0)));
    }
    try (EngineService engine = new EngineService(dir)) {
      assertEquals(6, engine.count("t", "c", Filter.none()));
    }
  }

  @Test
  void acknowledgedWritesSurviveACrash(@TempDir Path copy) throws Exception {
    // The first engine is never closed, as if the process died: fsync already happened. Its files,
    // exactly as they are on disk now, are what a restart would find.
    EngineService crashed = new EngineService(dir);
    try {
      crashed.createCollection("t", new CollectionSpec("c", 4, Distance.COSINE));
      crashed.upsert("t", "c", samplePoints());
      crashed.delete("t", "c", List.of(PointId.of("doc-2")));
      List<Point> before = crashed.get("t", "c", ids(1, -1L));
      Fixtures.copyTree(dir, copy);
      try (EngineService engine = new EngineService(copy)) {
        assertEquals(2, engine.count("t", "c", Filter.none()));
        List<Point> after = engine.get("t", "c", ids(1, -1L));
        for (int i = 0; i < before.size(); i++) {
          assertSamePoint(before.get(i), after.get(i));
        }
      }
    } finally {
      crashed.close();
    }
  }

  @Test
  void aSecondEngineCannotOpenADirectoryInUse() {
    try (EngineService first = new EngineService(dir)) {
      VjvException e = assertThrows(VjvException.class, () -> new EngineService(dir));
      assertEquals(ErrorType.STORAGE_ERROR, e.type());
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
      first.createCollection("t", new CollectionSpec("still-works", 2, Distance.DOT));
    }
    try (EngineService reopened = new EngineService(dir)) {
      assertTrue(reopened.collection("t", "still-works").isPresent());
    }
  }

  @Test
  void garbageAfterLastRecordIsDroppedWithWarning() throws Exception {
    Path wal = writeThreeBatches();
    long intact = Files.size(wal);
    byte[] garbage = new byte[37];
    new Random(7).nextBytes(garbage);
    Files.write(wal, garbage, StandardOpenOption.APPEND);

    String log =
        Fixtures.captureStderr(
            () -> {
              try (EngineService engine = new EngineService(dir)) {
                assertEquals(3, engine.count("t", "c", Filter.none()));
                engine.upsert("t", "c", List.of(point(4, 4, 4)));
              }
            });
    assertTrue(log.contains("WARN") && log.contains("dropping 37 bytes"), log);
    assertEquals(intact, Files.size(wal) - recordSize(1, 2, 0));

    // The new record went where the garbage was, so the log is clean again.
    try (EngineService engine = new EngineService(dir)) {
      assertEquals(4, engine.count("t", "c", Filter.none()));
    }
  }

  @Test
  void partiallyWrittenLastRecordIsDropped() throws Exception {
    Path wal = writeThreeBatches();
    byte[] intact = Files.readAllBytes(wal);
    long third = intact.length - recordSize(1, 2, 0);
    // Cut inside the body, inside the record header, and right after the length field.
    for (long cut : new long[] {intact.length - 1, third + 12, third + 3}) {
      Files.write(wal, Arrays.copyOf(intact, (int) cut));
      try (EngineService engine = new EngineService(dir)) {
        assertEquals(2, engine.count("t", "c", Filter.none()));
        assertEquals(2, engine.get("t", "c", ids(1, 2, 3)).size());
      }
      assertEquals(third, Files.size(wal), "after cutting at " + cut);
    }
  }

  @Test
  void zeroFilledTailIsDropped() throws Exception {
    Path wal = writeThreeBatches();
    long size = Files.size(wal);
    Files.write(wal, new byte[4096], StandardOpenOption.APPEND);
    try (EngineService engine = new EngineService(dir)) {
      assertEquals(3, engine.count("t", "c", Filter.none()));
    }
    assertEquals(size, Files.size(wal));
  }

  @Test
  void corruptionInTheMiddleFailsOnlyThatCollection() throws Exception {
    Path wal = writeThreeBatches();
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("healthy", 2, Distance.DOT));
      engine.upsert("t", "healthy", List.of(point(1, 1, 1)));
    }
    // Flip one bit inside the body of the first record; the two after it stay valid.
    byte[] bytes = Files.readAllBytes(wal);
    int offset = WalFormat.FILE_HEADER_BYTES + WalFormat.MIN_FRAME_BYTES + 4;
    bytes[offset] ^= 0x10;
    Files.write(wal, bytes);

    try (EngineService engine = new EngineService(dir)) {
      VjvException e = assertError(ErrorType.STORAGE_ERROR, () -> engine.collection("t", "c"));
      assertTrue(e.getMessage().contains(wal.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("offset " + WalFormat.FILE_HEADER_BYTES), e.getMessage());
      assertError(ErrorType.STORAGE_ERROR, () -> engine.count("t", "c", Filter.none()));
      assertError(ErrorType.STORAGE_ERROR, () -> engine.upsert("t", "c", List.of(point(9, 9, 9))));
      assertError(
          ErrorType.COLLECTION_EXISTS,
          () -> engine.createCollection("t", new CollectionSpec("c", 2, Distance.DOT)));
      assertEquals(
          List.of("healthy"),
          engine.listCollections("t").stream().map(CollectionInfo::name).toList());
      assertEquals(1, engine.count("t", "healthy", Filter.none()));
    }
    // Nothing was truncated or rewritten: the damaged data is still there to be recovered.
    assertArrayEquals(bytes, Files.readAllBytes(wal));

    try (EngineService engine = new EngineService(dir)) {
      assertTrue(engine.deleteCollection("t", "c"));
      assertEquals(
          List.of("healthy"),
          engine.listCollections("t").stream().map(CollectionInfo::name).toList());
    }
  }

  @Test
  void damagedLengthFieldInTheMiddleIsCorruptionToo() throws Exception {
    Path wal = writeThreeBatches();
    byte[] bytes = Files.readAllBytes(wal);
    long second = WalFormat.FILE_HEADER_BYTES + recordSize(1, 2, 0);
    ByteBuffer.wrap(bytes).putInt((int) second, 0x7FFFFFFF);
    Files.write(wal, bytes);
    try (EngineService engine = new EngineService(dir)) {
      VjvException e = assertError(ErrorType.STORAGE_ERROR, () -> engine.collection("t", "c"));
      assertTrue(e.getMessage().contains("offset " + second), e.getMessage());
    }
  }

  /** Three single-point upserts of dimension 2 without payload into t/c; returns the log. */
  private Path writeThreeBatches() {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", 2, Distance.EUCLID));
      for (int i = 1; i <= 3; i++) {
        engine.upsert("t", "c", List.of(point(i, i, i)));
      }
    }
    return Fixtures.walFile(dir, "t", "c");
  }

  /** Bytes of a sealed upsert record (with its write time) of small numeric ids. */
  private static long recordSize(int points, int dimension, int payloadBytes) {
    long body = 8 + 2 + points * (2 + 4L * dimension + 1 + payloadBytes);
    return WalFormat.MIN_FRAME_BYTES + WalFormat.SEALED_OVERHEAD + body;
  }
}
