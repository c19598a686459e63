package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.map;
import static io.vjvector.engine.internal.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SearchTest {
  private static final String[] COLORS = {"red", "green", "blue"};

  @TempDir Path dir;

  /** An independent, obviously correct scorer: plain loops in double. */
  private static double reference(Distance distance, float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    double sq = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
      sq += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
    }
    return switch (distance) {
      case DOT -> dot;
      case EUCLID -> Math.sqrt(sq);
      case COSINE -> na == 0 || nb == 0 ? 0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
    };
  }

  private record Expected(PointId id, float score) {}

  private static List<Expected> bruteForce(
      List<Point> points, Distance distance, float[] query, int limit, Filter filter) {
    Comparator<Expected> byScore = Comparator.comparingDouble(Expected::score);
    if (distance.higherIsCloser()) {
      byScore = byScore.reversed();
    }
    return points.stream()
        .filter(p -> filter.test(p.id(), p.payload()))
        .map(p -> new Expected(p.id(), (float) reference(distance, query, p.vector())))
        .sorted(byScore.thenComparing(Expected::id))
        .limit(limit)
        .toList();
  }

  @ParameterizedTest
  @EnumSource(Distance.class)
  void matchesBruteForceWithAndWithoutFilters(Distance distance) {
    Random random = new Random(42 + distance.ordinal());
    int dim = 37;
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", dim, distance));
      List<Point> points = new ArrayList<>();
      for (int i = 0; i < 1500; i++) {
        Map<String, Object> payload = map("color", COLORS[i % 3], "bucket", (long) (i % 7));
        PointId id = i % 2 == 0 ? PointId.of(i) : PointId.of("p" + i);
        points.add(new Point(id, Fixtures.randomVector(random, dim), payload));
      }
      for (int from = 0; from < points.size(); from += 400) {
        engine.upsert("t", "c", points.subList(from, Math.min(points.size(), from + 400)));
      }
      // Deleted points must never be returned.
      List<PointId> deleted = new ArrayList<>();
      for (int i = 0; i < points.size(); i += 11) {
        deleted.add(points.get(i).id());
      }
      engine.delete("t", "c", deleted);
      List<Point> live = points.stream().filter(p -> !deleted.contains(p.id())).toList();

      List<Filter> filters =
          List.of(
              Filter.none(),
              Filter.must(List.of(new Filter.Match("color", "red"))),
              Filter.must(
                  List.of(new Filter.Match("color", "blue"), new Filter.Match("bucket", 3))),
              Filter.must(List.of(new Filter.Match("color", "none"))));
      for (int q = 0; q < 5; q++) {
        float[] query = Fixtures.randomVector(random, dim);
        for (Filter filter : filters) {
          for (int limit : new int[] {1, 10, 2000}) {
            List<Expected> all = bruteForce(live, distance, query, Integer.MAX_VALUE, filter);
            List<Expected> expected = all.subList(0, Math.min(limit, all.size()));
            Map<PointId, Float> exact = new HashMap<>();
            all.forEach(e -> exact.put(e.id(), e.score()));
            List<ScoredPoint> actual =
                engine.search("t", "c", new SearchRequest(query, limit, filter, false, false));
            String what = distance + " " + filter + " limit " + limit;
            assertEquals(expected.size(), actual.size(), what);
            assertEquals(
                actual.size(), actual.stream().map(ScoredPoint::id).distinct().count(), what);
            // The kernels add in float32, in a lane order of their own: points whose scores differ
            // by less than that rounding may swap places; every hit must still hold its rank.
            for (int i = 0; i < actual.size(); i++) {
              ScoredPoint hit = actual.get(i);
              assertEquals(expected.get(i).score(), hit.score(), 1e-4, what + " rank " + i);
              assertEquals(exact.get(hit.id()), hit.score(), 1e-4, what + " " + hit.id());
              assertNull(hit.payload());
              assertNull(hit.vector());
            }
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Distance.class)
  void equalScoresAreOrderedById(Distance distance) {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", 2, distance));
      float[] v = {1, 2};
      engine.upsert(
          "t",
          "c",
          List.of(
              new Point(PointId.of("b"), v, null),
              new Point(PointId.of(-1L), v, null), // largest unsigned id
              new Point(PointId.of("a"), v, null),
              new Point(PointId.of(5), v, null),
              new Point(PointId.of(10), new float[] {-3, -1}, null)));
      List<ScoredPoint> hits =
          engine.search("t", "c", new SearchRequest(new float[] {1, 2}, 4, null, false, false));
      assertEquals(
          List.of(PointId.of(5), PointId.of(-1L), PointId.of("a"), PointId.of("b")),
          hits.stream().map(ScoredPoint::id).toList());
    }
  }

  @Test
  void scoresPayloadAndVectorOnRequest() {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("cos", 2, Distance.COSINE));
      engine.createCollection("t", new CollectionSpec("dot", 2, Distance.DOT));
      engine.createCollection("t", new CollectionSpec("l2", 2, Distance.EUCLID));
      List<Point> points =
          List.of(
              point(1, new float[] {3, 4}, map("k", "v")),
              point(2, new float[] {0, 0}, map()),
              point(3, new float[] {-6, -8}, map("k", 1.5)));
      for (String c : List.of("cos", "dot", "l2")) {
        engine.upsert("t", c, points);
      }
      SearchRequest request = new SearchRequest(new float[] {3, 4}, 3, null, true, true);

      List<ScoredPoint> cos = engine.search("t", "cos", request);
      assertEquals(List.of(1L, 2L, 3L), cos.stream().map(h -> h.id().number()).toList());
      assertEquals(List.of(1f, 0f, -1f), cos.stream().map(ScoredPoint::score).toList());
      assertEquals(map("k", "v"), cos.get(0).payload());
      assertEquals(Map.of(), cos.get(1).payload());
      assertArrayEquals(new float[] {-6, -8}, cos.get(2).vector());

      List<ScoredPoint> dot = engine.search("t", "dot", request);
      assertEquals(List.of(25f, 0f, -50f), dot.stream().map(ScoredPoint::score).toList());

      List<ScoredPoint> l2 = engine.search("t", "l2", request);
      assertEquals(List.of(1L, 2L, 3L), l2.stream().map(h -> h.id().number()).toList());
      assertEquals(List.of(0f, 5f, 15f), l2.stream().map(ScoredPoint::score).toList());

      // A zero query has no direction: every cosine score is 0.
      List<ScoredPoint> zero =
          engine.search("t", "cos", new SearchRequest(new float[] {0, 0}, 3, null, false, false));
      assertEquals(List.of(0f, 0f, 0f), zero.stream().map(ScoredPoint::score).toList());
    }
  }

  @Test
  void topKHeapKeepsClosest() {
    List<PointId> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add(PointId.of(i));
    }
    TopK top = new TopK(3, false, ids::get);
    float[] scores = {5, 1, 9, 1, 0.5f, 7, 3, 1};
    for (int i = 0; i < scores.length; i++) {
      top.offer(scores[i], i);
    }
    int[] slots = new int[3];
    float[] out = new float[3];
    top.drainClosestFirst(slots, out);
    assertArrayEquals(new int[] {4, 1, 3}, slots);
    assertArrayEquals(new float[] {0.5f, 1, 1}, out);
  }
}
