package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertSamePoint;
import static io.vjvector.engine.internal.Fixtures.ids;
import static io.vjvector.engine.internal.Fixtures.map;
import static io.vjvector.engine.internal.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsTest {
  @TempDir Path dir;
  EngineService engine;

  @BeforeEach
  void open() {
    engine = new EngineService(dir);
    engine.createCollection("t", new CollectionSpec("c", 3, Distance.COSINE));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void upsertGetInOrderOfIdsSkippingMissing() {
    Point a = point(1, new float[] {3, 4, 0}, map("n", 1L));
    Point b = new Point(PointId.of("b"), new float[] {0, 0, 0}, map("s", "x"));
    Point c = point(-1L, new float[] {-1, 2.5f, 1e-30f}, null);
    engine.upsert("t", "c", List.of(a, b, c));

    List<Point> got =
        engine.get(
            "t", "c", List.of(PointId.of(-1L), PointId.of(7), PointId.of("b"), PointId.of(1)));
    assertEquals(3, got.size());
    assertSamePoint(new Point(c.id(), c.vector(), Map.of()), got.get(0));
    assertSamePoint(b, got.get(1));
    // Stored exactly as given, not normalized, even for cosine.
    assertSamePoint(a, got.get(2));
    assertEquals(List.of(), engine.get("t", "c", List.of()));
  }

  @Test
  void upsertReplacesAndLastDuplicateInBatchWins() {
    engine.upsert("t", "c", List.of(point(1, new float[] {1, 1, 1}, map("v", 1L))));
    engine.upsert(
        "t",
        "c",
        List.of(
            point(1, new float[] {2, 2, 2}, map("v", 2L)),
            point(2, new float[] {5, 5, 5}, map()),
            point(1, new float[] {3, 3, 3}, map("v", 3L))));
    assertEquals(2, engine.count("t", "c", Filter.none()));
    Point one = engine.get("t", "c", ids(1)).get(0);
    assertArrayEquals(new float[] {3, 3, 3}, one.vector());
    assertEquals(map("v", 3L), one.payload());
  }

  @Test
  void callerCannotMutateStoredData() {
    float[] vector = {1, 2, 3};
    engine.upsert("t", "c", List.of(point(1, vector)));
    vector[0] = 99;
    Point got = engine.get("t", "c", ids(1)).get(0);
    assertEquals(1f, got.vector()[0]);
    got.vector()[1] = 99;
    assertEquals(2f, engine.get("t", "c", ids(1)).get(0).vector()[1]);
    SearchRequest request = new SearchRequest(new float[] {1, 2, 3}, 1, null, false, true);
    engine.search("t", "c", request).get(0).vector()[2] = 99;
    assertEquals(3f, engine.get("t", "c", ids(1)).get(0).vector()[2]);
  }

  @Test
  void deleteCountsOnlyExistingPointsAndFreesSlots() {
    List<Point> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(point(i, new float[] {i, 1, 1}, map("i", (long) i)));
    }
    engine.upsert("t", "c", batch);

    assertEquals(3, engine.delete("t", "c", ids(1, 3, 3, 5, 100)));
    assertEquals(0, engine.delete("t", "c", ids(1, 100)));
    assertEquals(7, engine.count("t", "c", Filter.none()));
    assertEquals(7, engine.collection("t", "c").orElseThrow().pointCount());
    assertEquals(List.of(), engine.get("t", "c", ids(1, 3, 5)));

    // Reused slots must not resurrect old data.
    engine.upsert("t", "c", List.of(point(20, new float[] {7, 7, 7}, map("new", true))));
    assertSamePoint(
        point(20, new float[] {7, 7, 7}, map("new", true)), engine.get("t", "c", ids(20)).get(0));
    assertEquals(8, engine.count("t", "c", Filter.none()));
    assertEquals(0, engine.count("t", "c", Filter.must(List.of(new Filter.Match("i", 3L)))));
  }

  @Test
  void countWithFilter() {
    engine.upsert(
        "t",
        "c",
        List.of(
            point(1, new float[] {1, 0, 0}, map("color", "red", "n", 2L)),
            point(2, new float[] {0, 1, 0}, map("color", "red", "n", 3.0)),
            point(3, new float[] {0, 0, 1}, map("color", "blue")),
            point(4, new float[] {1, 1, 1}, null)));
    Filter red = Filter.must(List.of(new Filter.Match("color", "red")));
    assertEquals(2, engine.count("t", "c", red));
    assertEquals(4, engine.count("t", "c", null));
    assertEquals(
        1,
        engine.count(
            "t",
            "c",
            Filter.must(List.of(new Filter.Match("color", "red"), new Filter.Match("n", 3L)))));
    assertEquals(1, engine.count("t", "c", Filter.must(List.of(new Filter.Match("n", 2.0)))));
  }
}
