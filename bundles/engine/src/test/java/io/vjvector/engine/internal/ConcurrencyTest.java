package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertSamePoint;
import static io.vjvector.engine.internal.Fixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
  private static final int WRITERS = 4;
  private static final int READERS = 2;
  private static final int BATCHES = 40;
  private static final int BATCH_SIZE = 5;
  private static final int SHARED_IDS = 8;
  private static final int DIM = 16;

  @TempDir Path dir;

  @Test
  void concurrentWritesAndReadsAreAtomicAndDurable() throws Exception {
    Map<PointId, Point> acknowledged = new ConcurrentHashMap<>();
    Map<PointId, Point> snapshot = new ConcurrentHashMap<>();
    long forces;
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", DIM, Distance.COSINE));
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          futures.add(pool.submit(() -> write(engine, writer, acknowledged)));
        }
        for (int r = 0; r < READERS; r++) {
          int reader = r;
          futures.add(pool.submit(() -> read(engine, reader)));
        }
        for (Future<?> f : futures) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      forces = engine.forceCount("t", "c");
      for (Point p : engine.get("t", "c", sharedIds())) {
        snapshot.put(p.id(), p);
      }
      assertEquals(acknowledged.size() + snapshot.size(), engine.count("t", "c", Filter.none()));
    }
    // Group commit can only ever save fsyncs, never add them.
    assertTrue(forces <= (long) WRITERS * BATCHES * 2, "forces: " + forces);

    try (EngineService engine = new EngineService(dir)) {
      List<PointId> ids = new ArrayList<>(acknowledged.keySet());
      List<Point> reloaded = engine.get("t", "c", ids);
      assertEquals(ids.size(), reloaded.size());
      for (Point p : reloaded) {
        assertSamePoint(acknowledged.get(p.id()), p);
      }
      // Racing writes to the same ids replay to exactly what memory held: log order = apply order.
      List<Point> shared = engine.get("t", "c", sharedIds());
      assertEquals(snapshot.size(), shared.size());
      for (Point p : shared) {
        assertSamePoint(snapshot.get(p.id()), p);
      }
    }
  }

  private static List<PointId> sharedIds() {
    List<PointId> ids = new ArrayList<>();
    for (int i = 0; i < SHARED_IDS; i++) {
      ids.add(PointId.of("shared-" + i));
    }
    return ids;
  }

  private static void write(EngineService engine, int writer, Map<PointId, Point> acknowledged) {
    Random random = new Random(writer);
    for (int b = 0; b < BATCHES; b++) {
      String batchKey = writer + "-" + b;
      List<Point> batch = new ArrayList<>();
      for (int j = 0; j < BATCH_SIZE; j++) {
        PointId id = PointId.of((long) writer * 1_000_000 + b * BATCH_SIZE + j);
        batch.add(new Point(id, Fixtures.randomVector(random, DIM), map("batch", batchKey)));
      }
      PointId shared = PointId.of("shared-" + random.nextInt(SHARED_IDS));
      batch.add(
          new Point(shared, Fixtures.randomVector(random, DIM), map("writer", (long) writer)));
      engine.upsert("t", "c", batch);
      for (Point p : batch.subList(0, BATCH_SIZE)) {
        acknowledged.put(p.id(), engine.get("t", "c", List.of(p.id())).get(0));
      }
      if (b % 10 == 9) {
        engine.delete("t", "c", List.of(PointId.of("shared-" + random.nextInt(SHARED_IDS))));
      }
    }
  }

  private static void read(EngineService engine, int reader) {
    Random random = new Random(100 + reader);
    for (int i = 0; i < 150; i++) {
      String batchKey = random.nextInt(WRITERS) + "-" + random.nextInt(BATCHES);
      Filter filter = Filter.must(List.of(new Filter.Match("batch", batchKey)));
      // A batch is visible entirely or not at all.
      long count = engine.count("t", "c", filter);
      assertTrue(count == 0 || count == BATCH_SIZE, batchKey + " partially visible: " + count);
      List<ScoredPoint> hits =
          engine.search(
              "t",
              "c",
              new SearchRequest(Fixtures.randomVector(random, DIM), 10, filter, true, false));
      assertTrue(hits.isEmpty() || hits.size() == BATCH_SIZE, "hits: " + hits.size());
    }
  }
}
