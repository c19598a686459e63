package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.engine.RecommendRequest;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.ScrollPage;
import io.vjvector.engine.ScrollRequest;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offset, score threshold, payload projection, scroll and recommend, on a line of points. */
class SearchOptionsTest {
  @TempDir Path dir;
  private EngineService engine;

  @BeforeEach
  void points() {
    engine = new EngineService(dir);
    engine.createCollection("t", new CollectionSpec("line", 1, Distance.EUCLID));
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      PointId id = i % 2 == 0 ? PointId.of(i) : PointId.of("s" + (100 + i));
      points.add(new Point(id, new float[] {i}, Map.of("i", (long) i, "even", i % 2 == 0)));
    }
    engine.upsert("t", "line", points);
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    engine.close();
  }

  private List<ScoredPoint> search(int limit, int offset, Float threshold, List<String> fields) {
    return engine.search(
        "t",
        "line",
        new SearchRequest(
            new float[] {0},
            limit,
            offset,
            threshold,
            Filter.none(),
            true,
            fields,
            false,
            false,
            null));
  }

  @Test
  void offsetPagesThroughTheRanking() {
    List<ScoredPoint> first = search(5, 0, null, null);
    List<ScoredPoint> second = search(5, 5, null, null);
    assertEquals(5, second.size());
    assertEquals(5f, second.get(0).score());
    assertEquals(4f, first.get(4).score());
    assertTrue(search(5, 48, null, null).size() == 2);
    assertTrue(search(5, 50, null, null).isEmpty());
    assertError(ErrorType.INVALID_REQUEST, () -> search(5, -1, null, null));
    assertError(
        ErrorType.INVALID_REQUEST, () -> search(10, SearchRequest.MAX_LIMIT - 5, null, null));
  }

  @Test
  void scoreThresholdKeepsOnlyCloseEnoughHits() {
    List<ScoredPoint> close = search(50, 0, 3.5f, null);
    assertEquals(4, close.size(), "distances 0, 1, 2, 3");
    assertError(ErrorType.INVALID_REQUEST, () -> search(5, 0, Float.NaN, null));
  }

  @Test
  void payloadFieldsAreProjected() {
    ScoredPoint hit = search(1, 0, null, List.of("even", "absent")).get(0);
    assertEquals(Map.of("even", true), hit.payload());
    assertNull(hit.vector());
  }

  @Test
  void scrollVisitsEveryMatchingPointOnceInIdOrder() {
    List<PointId> seen = new ArrayList<>();
    PointId from = null;
    int pages = 0;
    do {
      ScrollPage page =
          engine.scroll(
              "t",
              "line",
              new ScrollRequest(
                  from,
                  7,
                  Filter.must(List.of(new Filter.Range("i", null, 10, null, null))),
                  true,
                  false));
      page.points().forEach(p -> seen.add(p.id()));
      assertTrue(page.points().stream().allMatch(p -> p.vector() == null && p.payload() != null));
      from = page.nextOffset();
      pages++;
    } while (from != null && pages < 100);
    assertEquals(40, seen.size(), "i >= 10");
    List<PointId> sorted = new ArrayList<>(seen);
    sorted.sort(null);
    assertEquals(sorted, seen);
    assertTrue(seen.get(0).isNumber() && !seen.get(seen.size() - 1).isNumber());
    assertEquals(6, pages);
  }

  @Test
  void recommendSearchesWithStoredVectorsAndSkipsTheExamples() {
    List<ScoredPoint> hits =
        engine.recommend(
            "t",
            "line",
            new RecommendRequest(
                List.of(PointId.of(20)), List.of(), 2, null, Filter.none(), false, false));
    assertEquals(2, hits.size());
    assertFalse(hits.stream().anyMatch(h -> h.id().equals(PointId.of(20))));
    assertEquals(1f, hits.get(0).score());
    // away from 10, towards 20: the query is 2*20 - 10 = 30
    List<ScoredPoint> away =
        engine.recommend(
            "t",
            "line",
            new RecommendRequest(
                List.of(PointId.of(20)), List.of(PointId.of(10)), 1, null, null, false, true));
    assertEquals(PointId.of(30), away.get(0).id());
    assertError(
        ErrorType.NOT_FOUND,
        () ->
            engine.recommend(
                "t",
                "line",
                new RecommendRequest(
                    List.of(PointId.of(999)), List.of(), 1, null, null, false, false)));
    assertError(
        ErrorType.INVALID_REQUEST,
        () ->
            engine.recommend(
                "t",
                "line",
                new RecommendRequest(List.of(), List.of(), 1, null, null, false, false)));
  }
}
