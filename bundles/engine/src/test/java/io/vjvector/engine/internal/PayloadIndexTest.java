package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.PayloadIndexType;
import io.vjvector.engine.Point;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payload indexes narrow filters; the planner picks exact or filtered graph by selectivity. */
class PayloadIndexTest {
  private static final int DIM = 24;
  private static final int POINTS = 20_000;
  private static final String[] COLORS = {"red", "green", "blue", "cyan", "magenta"};

  @TempDir Path dir;

  private final Random random = new Random(17);
  private final Map<PointId, Point> points = new HashMap<>();

  @Test
  void indexedFiltersAreExactOrFilteredGraphAndAlwaysCorrect() throws Exception {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", DIM, Distance.EUCLID));
      load(engine);
      engine.createPayloadIndex("t", "c", "bucket", PayloadIndexType.INTEGER);
      engine.createPayloadIndex("t", "c", "color", PayloadIndexType.KEYWORD);
      engine.createPayloadIndex("t", "c", "price", PayloadIndexType.FLOAT);
      engine.createPayloadIndex("t", "c", "ts", PayloadIndexType.DATETIME);
      engine.createPayloadIndex("t", "c", "flag", PayloadIndexType.BOOL);
      assertTrue(engine.awaitIndexed("t", "c", 120_000));
      CollectionInfo info = engine.collection("t", "c").orElseThrow();
      assertEquals(5, info.payloadIndexes().size());
      assertEquals(PayloadIndexType.DATETIME, info.payloadIndexes().get("ts"));
      assertTrue(info.payloadIndexBytes() > 0);
      assertTrue(info.payloadBytes() > (long) POINTS * 100, "payload estimate");

      // 1% selectivity on an index: exact over the candidates, recall 1.
      check(engine, Filter.must(List.of(new Filter.Match("bucket", 42L))), 1.0, "EXACT_CANDIDATES");
      // 1% without an index: the sample says "few", exact scan.
      check(engine, Filter.must(List.of(new Filter.Match("bucket2", 7L))), 1.0, "EXACT_SCAN");
      // Up to 20,000 indexed candidates are scored exactly.
      check(engine, Filter.must(List.of(new Filter.Match("flag", true))), 1.0, "EXACT_CANDIDATES");
      // Many matches without an index: a filtered graph walk.
      check(
          engine,
          Filter.must(List.of(new Filter.Range("bucket2", null, 0L, null, 49L))),
          0.95,
          "FILTERED_GRAPH");
      check(
          engine,
          Filter.must(List.of(new Filter.MatchAny("shade", List.of("red", "blue")))),
          0.95,
          "FILTERED_GRAPH");
      // ranges on numbers and date-times, combined with must_not and should
      Filter mixed =
          Filter.of(
              List.of(new Filter.Range("price", 10.0, null, null, 12.5)),
              List.of(
                  new Filter.Range(
                      "ts", null, "2026-01-02T00:00:00Z", "2026-01-05T00:00:00Z", null),
                  new Filter.Match("color", "green")),
              List.of(new Filter.Match("flag", false)));
      check(engine, mixed, 1.0, null);
      assertEquals(brute(mixed).size(), engine.count("t", "c", mixed));

      // delete by an indexed filter, atomically
      Filter red = Filter.must(List.of(new Filter.Match("color", "red")));
      long reds = engine.count("t", "c", red);
      assertTrue(reds > 3000);
      assertEquals(reds, engine.deleteByFilter("t", "c", red));
      assertEquals(0, engine.count("t", "c", red));
      points.values().removeIf(p -> "red".equals(p.payload().get("color")));
      // an update moves a point between index entries
      Point moved = points.values().iterator().next();
      Map<String, Object> payload = new HashMap<>(moved.payload());
      payload.put("bucket", 4242L);
      Point updated = new Point(moved.id(), moved.vector(), payload);
      engine.upsert("t", "c", List.of(updated));
      points.put(updated.id(), updated);
      Filter only = Filter.must(List.of(new Filter.Match("bucket", 4242L)));
      assertEquals(1, engine.count("t", "c", only));
      assertTrue(engine.dropPayloadIndex("t", "c", "price"));
      assertFalse(engine.dropPayloadIndex("t", "c", "price"));
    }
    try (EngineService engine = new EngineService(dir)) {
      CollectionInfo info = engine.collection("t", "c").orElseThrow();
      assertEquals(
          List.of("bucket", "color", "ts", "flag"), List.copyOf(info.payloadIndexes().keySet()));
      check(engine, Filter.must(List.of(new Filter.Match("bucket", 42L))), 1.0, "EXACT_CANDIDATES");
      assertEquals(
          1, engine.count("t", "c", Filter.must(List.of(new Filter.Match("bucket", 4242L)))));
      assertEquals(
          0, engine.count("t", "c", Filter.must(List.of(new Filter.Match("color", "red")))));
    }
  }

  private void check(EngineService engine, Filter filter, double minRecall, String plan) {
    int hits = 0;
    int total = 0;
    for (int q = 0; q < 30; q++) {
      float[] query = vector();
      SearchRequest request =
          new SearchRequest(query, 10, 0, null, filter, true, null, false, false, null);
      FilterPlanner.Result result = engine.explain("t", "c", request);
      if (plan != null) {
        assertEquals(plan, String.valueOf(result.plan()), filter.toString());
      }
      List<PointId> truth =
          brute(filter).stream()
              .sorted(Comparator.comparingDouble(p -> distance(query, p.vector())))
              .limit(10)
              .map(Point::id)
              .toList();
      Set<PointId> expected = new HashSet<>(truth);
      for (ScoredPoint h : result.hits()) {
        assertTrue(filter.test(h.id(), points.get(h.id()).payload()), "hit violates the filter");
        if (expected.contains(h.id())) {
          hits++;
        }
      }
      total += truth.size();
    }
    double recall = total == 0 ? 1 : hits / (double) total;
    assertTrue(recall >= minRecall, filter + ": recall " + recall);
  }

  private List<Point> brute(Filter filter) {
    List<Point> out = new ArrayList<>();
    for (Point p : points.values()) {
      if (filter.test(p.id(), p.payload())) {
        out.add(p);
      }
    }
    return out;
  }

  private void load(EngineService engine) {
    List<Point> batch = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < POINTS; i++) {
      Map<String, Object> payload = new HashMap<>();
      payload.put("bucket", (long) (i % 100));
      payload.put("bucket2", (long) (i % 100));
      payload.put("color", COLORS[i % COLORS.length]);
      payload.put("shade", COLORS[i % COLORS.length]);
      payload.put("price", Math.round(random.nextDouble() * 2000) / 100.0);
      payload.put("ts", start.plusSeconds(i * 60L).toString());
      payload.put("flag", i % 2 == 0);
      Point p = new Point(PointId.of(i), vector(), payload);
      points.put(p.id(), p);
      batch.add(p);
      if (batch.size() == 2000) {
        engine.upsert("t", "c", batch);
        batch = new ArrayList<>();
      }
    }
  }

  private float[] vector() {
    float[] v = new float[DIM];
    int centre = random.nextInt(DIM);
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) ((d == centre ? 3 : 0) + random.nextGaussian());
    }
    return v;
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return s;
  }
}
