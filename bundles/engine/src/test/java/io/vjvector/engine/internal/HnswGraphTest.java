package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.Point;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Recall of the graph against exact search, for every distance, before and after deletes. */
class HnswGraphTest {
  private static final int DIM = 24;
  private static final int POINTS = 4000;
  private static final int QUERIES = 100;
  private static final int K = 10;

  @ParameterizedTest
  @EnumSource(Distance.class)
  void recallAtTenIsHighAndDeletedPointsNeverReturn(Distance distance) {
    Random random = new Random(11 + distance.ordinal());
    CollectionStore store = new CollectionStore(DIM);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      points.add(new Point(PointId.of(i), clustered(random), Map.of()));
    }
    store.upsert(points, 0);
    HnswGraph graph = new HnswGraph(store, distance, 16, 100);
    for (int slot = 0; slot < store.slotCount(); slot++) {
      graph.insert(slot);
    }
    double before = recall(store, graph, distance, random);
    assertTrue(before >= 0.95, distance + " recall@10 " + before);
    HnswGraph parallel = new HnswGraph(store, distance, 16, 100);
    parallel.buildParallel();
    assertEquals(POINTS, parallel.nodeCount());
    double concurrent = recall(store, parallel, distance, random);
    assertTrue(concurrent >= 0.95, distance + " recall@10, built in parallel " + concurrent);

    List<PointId> gone = new ArrayList<>();
    for (int i = 0; i < POINTS; i += 3) {
      gone.add(PointId.of(i));
    }
    store.delete(gone);
    double after = recall(store, graph, distance, random);
    assertTrue(after >= 0.95, distance + " recall@10 after deleting a third " + after);

    // re-inserting points into freed slots links them in again
    List<Point> again = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      again.add(new Point(PointId.of("new" + i), clustered(random), Map.of()));
    }
    store.upsert(again, 0);
    for (Point p : again) {
      graph.insert(slotOf(store, p.id()));
    }
    double reused = recall(store, graph, distance, random);
    assertTrue(reused >= 0.95, distance + " recall@10 after reusing slots " + reused);
  }

  private static int slotOf(CollectionStore store, PointId id) {
    for (int s = 0; s < store.slotCount(); s++) {
      if (id.equals(store.idAt(s))) {
        return s;
      }
    }
    throw new AssertionError("no slot for " + id);
  }

  private static double recall(
      CollectionStore store, HnswGraph graph, Distance distance, Random random) {
    int hits = 0;
    for (int q = 0; q < QUERIES; q++) {
      float[] query = clustered(random);
      double qNorm = VectorMath.norm(query);
      List<ScoredPoint> exact =
          ExactSearch.search(
              store,
              distance,
              query,
              Filter.none(),
              new SearchRequest(query, K, Filter.none(), false, false));
      Set<PointId> truth = new HashSet<>();
      exact.forEach(h -> truth.add(h.id()));
      int[] found = graph.search(query, qNorm, K, 64, s -> store.idAt(s) != null);
      assertEquals(K, found.length);
      for (int slot : found) {
        assertFalse(store.idAt(slot) == null, "a deleted point was returned");
        if (truth.contains(store.idAt(slot))) {
          hits++;
        }
      }
    }
    return hits / (double) (QUERIES * K);
  }

  /** Points around a few centres, as real embeddings cluster, with some spread. */
  private static float[] clustered(Random random) {
    float[] v = new float[DIM];
    int centre = random.nextInt(8);
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) ((d % 8 == centre ? 2.0 : 0.0) + random.nextGaussian() * 0.6);
    }
    return v;
  }
}
