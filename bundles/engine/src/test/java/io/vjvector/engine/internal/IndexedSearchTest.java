package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionInfo;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large collections search through the graph: recall against exact search, deletes, restart. */
class IndexedSearchTest {
  private static final int DIM = 16;
  private static final int POINTS = Collection.EXACT_BELOW + 2_000;

  @TempDir Path dir;

  @Test
  void graphSearchKeepsRecallThroughDeletesAndRestart() throws Exception {
    Random random = new Random(3);
    List<float[]> queries = new ArrayList<>();
    for (int q = 0; q < 50; q++) {
      queries.add(vector(random));
    }
    List<PointId> deleted = new ArrayList<>();
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection(
          "t", new CollectionSpec("big", DIM, Distance.COSINE, new HnswConfig(12, 80)));
      assertEquals(0, engine.collection("t", "big").orElseThrow().indexedCount());
      List<Point> batch = new ArrayList<>();
      float[] last = null;
      for (int i = 0; i < POINTS; i++) {
        last = vector(random);
        batch.add(new Point(PointId.of(i), last, Map.of("i", (long) i)));
        if (batch.size() == 1000) {
          engine.upsert("t", "big", batch);
          batch = new ArrayList<>();
        }
      }
      if (!batch.isEmpty()) {
        engine.upsert("t", "big", batch);
      }
      // Searchable at once, whether or not the background indexer has linked the points yet.
      assertEquals(PointId.of(POINTS - 1), approximate(engine, last, 1).get(0).id());
      assertTrue(engine.awaitIndexed("t", "big", 60_000));
      CollectionInfo indexed = engine.collection("t", "big").orElseThrow();
      assertEquals("green", indexed.status());
      assertEquals(POINTS, indexed.indexedCount());
      assertTrue(recall(engine, queries) >= 0.95);

      for (int i = 0; i < 2_000; i += 2) {
        deleted.add(PointId.of(i));
      }
      engine.delete("t", "big", deleted);
      for (float[] q : queries) {
        for (ScoredPoint hit : approximate(engine, q, 20)) {
          assertFalse(deleted.contains(hit.id()), "deleted " + hit.id() + " returned");
        }
      }
      // The graph is repaired around the deleted points, then their slots are reused.
      assertTrue(engine.awaitIndexed("t", "big", 60_000));
      assertTrue(recall(engine, queries) >= 0.95);
      long graphBefore = engine.collection("t", "big").orElseThrow().graphBytes();
      List<Point> refill = new ArrayList<>();
      for (int i = 0; i < deleted.size(); i++) {
        refill.add(new Point(PointId.of(POINTS + i), vector(random), Map.of()));
      }
      engine.upsert("t", "big", refill);
      engine.delete("t", "big", refill.stream().map(Point::id).toList());
      assertTrue(engine.awaitIndexed("t", "big", 60_000));
      assertTrue(
          engine.collection("t", "big").orElseThrow().graphBytes() < graphBefore * 1.2,
          "slots are reused, the graph does not grow");
      assertTrue(recall(engine, queries) >= 0.95);
      for (float[] q : queries) {
        for (ScoredPoint hit : approximate(engine, q, 20)) {
          assertFalse(deleted.contains(hit.id()), "deleted " + hit.id() + " returned");
        }
      }
    }
    try (EngineService reopened = new EngineService(dir)) {
      assertEquals(POINTS - deleted.size(), reopened.count("t", "big", Filter.none()));
      assertFalse(reopened.graphLoadedFromCheckpoint("t", "big"), "the log is below the threshold");
      assertTrue(reopened.awaitIndexed("t", "big", 60_000));
      CollectionInfo info = reopened.collection("t", "big").orElseThrow();
      assertEquals(new HnswConfig(12, 80), info.hnsw(), "index parameters persist");
      assertEquals(POINTS - deleted.size(), info.indexedCount(), "rebuilt from the live points");
      assertTrue(info.vectorBytes() >= (long) POINTS * DIM * Float.BYTES);
      assertTrue(info.graphBytes() > (long) POINTS * Integer.BYTES * 12, "links of every node");
      assertTrue(
          info.diskBytes() > (long) POINTS * DIM * Float.BYTES, "the log holds every vector");
      assertTrue(recall(reopened, queries) >= 0.95, "after restart");
      // recommend on a large collection walks the graph and never returns its examples
      PointId example = PointId.of(1);
      List<ScoredPoint> similar =
          reopened.recommend(
              "t",
              "big",
              new io.vjvector.engine.RecommendRequest(
                  List.of(example), List.of(), 10, null, Filter.none(), false, false));
      assertEquals(10, similar.size());
      for (ScoredPoint h : similar) {
        assertFalse(h.id().equals(example) || deleted.contains(h.id()), "returned " + h.id());
      }
    }
  }

  private static List<ScoredPoint> approximate(EngineService engine, float[] q, int k) {
    return engine.search(
        "t",
        "big",
        new SearchRequest(q, k, 0, null, Filter.none(), false, null, false, false, null));
  }

  private static double recall(EngineService engine, List<float[]> queries) {
    int hits = 0;
    int total = 0;
    for (float[] q : queries) {
      Set<PointId> truth = new HashSet<>();
      engine
          .search(
              "t",
              "big",
              new SearchRequest(q, 10, 0, null, Filter.none(), false, null, false, true, null))
          .forEach(h -> truth.add(h.id()));
      for (ScoredPoint hit : approximate(engine, q, 10)) {
        if (truth.contains(hit.id())) {
          hits++;
        }
      }
      total += truth.size();
    }
    return hits / (double) total;
  }

  private static float[] vector(Random random) {
    float[] v = new float[DIM];
    int centre = random.nextInt(DIM);
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) ((d == centre ? 3 : 0) + random.nextGaussian());
    }
    return v;
  }
}
