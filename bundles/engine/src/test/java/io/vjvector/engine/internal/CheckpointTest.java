package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints: a restart loads points and graph from one, the log is truncated behind it. */
class CheckpointTest {
  private static final int DIM = 8;

  @TempDir Path dir;

  private final Random random = new Random(11);

  @Test
  void restartLoadsTheCheckpointAndReplaysOnlyTheTail() throws Exception {
    Map<PointId, Point> expected = new HashMap<>();
    int n = Collection.EXACT_BELOW + 500;
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", DIM, Distance.EUCLID));
      upsert(engine, expected, 0, n);
      assertTrue(engine.awaitIndexed("t", "c", 60_000));
      long position = engine.checkpoint("t", "c");
      assertTrue(position > 0);
      assertEquals(-1, engine.checkpoint("t", "c"), "nothing changed since");
      assertEquals(1, segments().size(), "the log before the checkpoint is gone");
      assertTrue(Files.size(segments().get(0)) < 1024, "the new segment is (nearly) empty");
      // A tail after the checkpoint: new points, overwritten points, deletes.
      upsert(engine, expected, n - 100, n + 200);
      List<PointId> gone = new ArrayList<>();
      for (int i = 0; i < 300; i += 3) {
        gone.add(PointId.of(i));
        expected.remove(PointId.of(i));
      }
      engine.delete("t", "c", gone);
    }
    try (EngineService engine = new EngineService(dir)) {
      assertTrue(engine.graphLoadedFromCheckpoint("t", "c"), "no rebuild from scratch");
      assertEquals(expected.size(), engine.count("t", "c", Filter.none()));
      List<Point> stored = engine.get("t", "c", List.copyOf(expected.keySet()));
      assertEquals(expected.size(), stored.size());
      for (Point p : stored) {
        Fixtures.assertSamePoint(expected.get(p.id()), p);
      }
      assertTrue(engine.awaitIndexed("t", "c", 60_000));
      assertEquals(expected.size(), engine.collection("t", "c").orElseThrow().indexedCount());
      // Every stored point is its own nearest neighbour through the graph, none deleted returns.
      int found = 0;
      int checked = 0;
      for (Point p : expected.values()) {
        if (checked++ == 300) {
          break;
        }
        List<ScoredPoint> hits =
            engine.search(
                "t",
                "c",
                new SearchRequest(
                    p.vector(), 5, 0, null, Filter.none(), false, null, false, false, null));
        if (hits.get(0).id().equals(p.id())) {
          found++;
        }
        for (ScoredPoint h : hits) {
          assertTrue(expected.containsKey(h.id()), "deleted " + h.id() + " returned");
        }
      }
      assertTrue(found >= 290, "self-recall " + found + "/300");
    }
  }

  @Test
  void checkpointWithoutGraphAndLeftoverTempFile() throws Exception {
    Map<PointId, Point> expected = new HashMap<>();
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", DIM, Distance.COSINE));
      upsert(engine, expected, 0, 50);
      engine.delete("t", "c", List.of(PointId.of(7)));
      expected.remove(PointId.of(7));
      assertTrue(engine.checkpoint("t", "c") > 0);
    }
    Path collection = segments().get(0).getParent();
    Files.write(collection.resolve(Checkpoint.FILE + FileSync.TMP_SUFFIX), new byte[] {1, 2, 3});
    try (EngineService engine = new EngineService(dir)) {
      assertFalse(engine.graphLoadedFromCheckpoint("t", "c"));
      assertEquals(expected.size(), engine.count("t", "c", Filter.none()));
      upsert(engine, expected, 50, 60); // the freed slot is reused
      assertEquals(expected.size(), engine.count("t", "c", Filter.none()));
    }
    assertFalse(Files.exists(collection.resolve(Checkpoint.FILE + FileSync.TMP_SUFFIX)));
  }

  @Test
  void damagedCheckpointRefusesToLoadWithItsName() throws Exception {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", DIM, Distance.DOT));
      upsert(engine, new HashMap<>(), 0, 20);
      engine.checkpoint("t", "c");
    }
    Path file = segments().get(0).resolveSibling(Checkpoint.FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    try (EngineService engine = new EngineService(dir)) {
      VjvException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              VjvException.class, () -> engine.count("t", "c", Filter.none()));
      assertEquals(ErrorType.STORAGE_ERROR, e.type());
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      // sealed by default: the block's authentication tag is what catches the damage
      assertTrue(e.getMessage().contains("authentication tag mismatch"), e.getMessage());
    }
  }

  @Test
  void logGrowthTriggersCheckpointsInTheBackground() throws Exception {
    EngineOptions small = new EngineOptions(64 << 10, 256);
    Map<PointId, Point> expected = new HashMap<>();
    try (EngineService engine = new EngineService(dir, small)) {
      engine.createCollection("t", new CollectionSpec("c", DIM, Distance.EUCLID));
      for (int i = 0; i < 40; i++) {
        upsert(engine, expected, i * 100, i * 100 + 100);
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!Files.exists(segments().get(0).resolveSibling(Checkpoint.FILE))
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    Path collection = segments().get(0).getParent();
    assertTrue(Files.exists(collection.resolve(Checkpoint.FILE)));
    long logBytes = 0;
    for (Path p : segments()) {
      logBytes += Files.size(p);
    }
    assertTrue(logBytes < 4000L * DIM * 4, "log truncated: " + logBytes + " bytes left");
    try (EngineService engine = new EngineService(dir, small)) {
      assertEquals(expected.size(), engine.count("t", "c", Filter.none()));
      for (Point p : engine.get("t", "c", List.copyOf(expected.keySet()))) {
        Fixtures.assertSamePoint(expected.get(p.id()), p);
      }
    }
  }

  private void upsert(EngineService engine, Map<PointId, Point> expected, int from, int to) {
    List<Point> batch = new ArrayList<>();
    for (int i = from; i < to; i++) {
      float[] v = new float[DIM];
      for (int d = 0; d < DIM; d++) {
        v[d] = (float) random.nextGaussian();
      }
      Point p = new Point(PointId.of(i), v, Map.of("i", (long) i, "tag", "p" + (i % 7)));
      batch.add(p);
      expected.put(p.id(), p);
      if (batch.size() == 500) {
        engine.upsert("t", "c", batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      engine.upsert("t", "c", batch);
    }
  }

  private List<Path> segments() throws Exception {
    Path c = new DataLayout(dir).collectionDir("t", "c");
    try (Stream<Path> s = Files.list(c)) {
      return s.filter(p -> p.getFileName().toString().startsWith("wal-")).sorted().toList();
    }
  }
}
