package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.HnswConfig;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background indexer links without the collection's lock: writers are never queued behind it.
 */
class LinkingConcurrencyTest {
  private static final int DIM = 8;

  @TempDir Path dir;

  @Test
  void slotsWrittenWhileTheirBatchIsLinkedStayPending() {
    CollectionStore store = new CollectionStore(2);
    store.trackPending(true);
    int[] slots =
        store.upsert(
            List.of(
                new Point(PointId.of(1), new float[] {1, 0}, Map.of()),
                new Point(PointId.of(2), new float[] {0, 1}, Map.of()),
                new Point(PointId.of(3), new float[] {1, 1}, Map.of())),
            0);
    int[] batch = store.takeBatch(10);
    assertArrayEquals(slots, batch);
    assertEquals(3, store.pendingCount(), "slots being linked are still scanned by searches");
    // written again (2) and deleted (3) while the indexer reads the old vectors
    store.upsert(List.of(new Point(PointId.of(2), new float[] {5, 5}, Map.of())), 0);
    store.delete(List.of(PointId.of(3)));
    assertEquals(2, store.pendingCount());
    store.linked(batch);
    assertEquals(1, store.pendingCount(), "only the rewritten slot waits for another batch");
    assertArrayEquals(new int[] {slots[1]}, store.takeBatch(10));
  }

  @Test
  void writesApplyWhileABatchIsBeingLinked() throws Exception {
    Random random = new Random(11);
    int points = Collection.EXACT_BELOW + 500;
    CountDownLatch linking = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger batches = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean released =
        new java.util.concurrent.atomic.AtomicBoolean();
    try (EngineService engine = new EngineService(dir, new EngineOptions(64L << 20, 4096))) {
      engine.createCollection(
          "t", new CollectionSpec("c", DIM, Distance.EUCLID, new HnswConfig(8, 40)));
      engine.linkingProbe(
          "t",
          "c",
          () -> {
            if (batches.incrementAndGet() == 1) {
              linking.countDown();
              released.set(await(release));
            }
          });
      List<Point> batch = new ArrayList<>();
      for (int i = 0; i < points; i++) {
        batch.add(new Point(PointId.of(i), vector(random), Map.of()));
        if (batch.size() == 1000 || i == points - 1) {
          engine.upsert("t", "c", batch);
          batch = new ArrayList<>();
        }
      }
      assertTrue(linking.await(60, TimeUnit.SECONDS), "the indexer started a batch");
      // The indexer is parked inside its first batch (slots 0..4095); writes still apply:
      // an update of a slot in that batch, a new point and a delete.
      float[] moved = new float[DIM];
      java.util.Arrays.fill(moved, 100f);
      engine.upsert("t", "c", List.of(new Point(PointId.of(7), moved, Map.of("moved", true))));
      engine.upsert("t", "c", List.of(new Point(PointId.of(points), vector(random), Map.of())));
      assertEquals(1, engine.delete("t", "c", List.of(PointId.of(9))));
      assertEquals(points, engine.count("t", "c", Filter.none()));
      assertEquals(PointId.of(7), search(engine, moved, false).get(0).id(), "found while pending");
      release.countDown();
      assertTrue(engine.awaitIndexed("t", "c", 120_000));
      assertTrue(released.get(), "the writes above did not wait for the indexer's batch");
      assertTrue(batches.get() >= 2, "the rewritten slot was linked again in a later batch");
      // Linked with its new vector: the graph alone (nothing pending) finds it first.
      assertEquals("green", engine.collection("t", "c").orElseThrow().status());
      List<ScoredPoint> hits = search(engine, moved, false);
      assertEquals(PointId.of(7), hits.get(0).id());
      assertEquals(0f, hits.get(0).score(), 1e-3);
      for (ScoredPoint h : search(engine, vector(random), false)) {
        assertTrue(!h.id().equals(PointId.of(9)), "a deleted point came back");
      }
    } finally {
      release.countDown();
    }
  }

  private static List<ScoredPoint> search(EngineService engine, float[] q, boolean exact) {
    return engine.search(
        "t",
        "c",
        new SearchRequest(q, 10, 0, null, Filter.none(), false, null, false, exact, null));
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static float[] vector(Random random) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) random.nextGaussian();
    }
    return v;
  }
}
