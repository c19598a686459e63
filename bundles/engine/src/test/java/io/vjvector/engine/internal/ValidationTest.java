package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertError;
import static io.vjvector.engine.internal.Fixtures.ids;
import static io.vjvector.engine.internal.Fixtures.map;
import static io.vjvector.engine.internal.Fixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.HnswConfig;
import io.vjvector.engine.Point;
import io.vjvector.engine.SearchRequest;
import io.vjvector.engine.VectorEngine;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {
  @TempDir Path dir;

  @Test
  void rejectedWritesLeaveNoTrace() throws Exception {
    Path wal = Fixtures.walFile(dir, "t", "c");
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", 3, Distance.EUCLID));
      engine.upsert("t", "c", List.of(point(1, 1, 2, 3)));
      long walSize = Files.size(wal);

      // A valid first point must not be written when a later one is bad.
      Point good = point(2, 4, 5, 6);
      VjvException e =
          rejects(
              engine,
              ErrorType.DIMENSION_MISMATCH,
              () -> engine.upsert("t", "c", List.of(good, point(77, 1, 2))));
      assertTrue(e.getMessage().contains("77"), e.getMessage());
      assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
      rejects(
          engine,
          ErrorType.DIMENSION_MISMATCH,
          () -> engine.upsert("t", "c", List.of(good, new Point(PointId.of(8), null, null))));
      rejects(
          engine,
          ErrorType.INVALID_VECTOR,
          () -> engine.upsert("t", "c", List.of(good, point(9, 1, Float.NaN, 3))));
      rejects(
          engine,
          ErrorType.INVALID_VECTOR,
          () -> engine.upsert("t", "c", List.of(good, point(9, Float.POSITIVE_INFINITY, 0, 0))));
      rejects(
          engine,
          ErrorType.INVALID_VECTOR,
          () -> engine.upsert("t", "c", List.of(point(9, 0, 0, Float.NEGATIVE_INFINITY))));
      rejects(engine, ErrorType.INVALID_BATCH, () -> engine.upsert("t", "c", List.of()));
      rejects(engine, ErrorType.INVALID_BATCH, () -> engine.upsert("t", "c", null));
      List<Point> oversized = new ArrayList<>();
      for (int i = 0; i <= VectorEngine.MAX_BATCH; i++) {
        oversized.add(point(i, 1, 1, 1));
      }
      rejects(engine, ErrorType.INVALID_BATCH, () -> engine.upsert("t", "c", oversized));
      rejects(
          engine,
          ErrorType.INVALID_REQUEST,
          () ->
              engine.upsert(
                  "t", "c", List.of(good, point(3, new float[] {1, 1, 1}, map("d", new Date())))));
      rejects(
          engine,
          ErrorType.INVALID_REQUEST,
          () ->
              engine.upsert(
                  "t", "c", List.of(good, point(3, new float[] {1, 1, 1}, map("d", Double.NaN)))));
      rejects(
          engine,
          ErrorType.INVALID_REQUEST,
          () -> engine.upsert("t", "c", Arrays.asList(good, null)));
      rejects(
          engine,
          ErrorType.INVALID_ID,
          () -> engine.upsert("t", "c", List.of(good, new Point(null, new float[3], null))));
      rejects(
          engine,
          ErrorType.INVALID_ID,
          () ->
              engine.upsert(
                  "t", "c", List.of(new Point(PointId.of("a\ud800"), new float[3], null))));
      rejects(engine, ErrorType.INVALID_BATCH, () -> engine.delete("t", "c", List.of()));
      rejects(
          engine,
          ErrorType.INVALID_ID,
          () -> engine.delete("t", "c", Arrays.asList(PointId.of(1), null)));
      List<PointId> tooMany = new ArrayList<>();
      for (int i = 0; i <= VectorEngine.MAX_BATCH; i++) {
        tooMany.add(PointId.of(1));
      }
      rejects(engine, ErrorType.INVALID_BATCH, () -> engine.delete("t", "c", tooMany));
      rejects(
          engine,
          ErrorType.COLLECTION_NOT_FOUND,
          () -> engine.upsert("t", "missing", List.of(good)));
      rejects(engine, ErrorType.COLLECTION_NOT_FOUND, () -> engine.delete("t", "missing", ids(1)));

      // Deleting only unknown ids writes nothing either.
      assertEquals(0, engine.delete("t", "c", ids(42, 43)));
      assertEquals(walSize, Files.size(wal));
    }
    try (EngineService engine = new EngineService(dir)) {
      assertEquals(1, engine.count("t", "c", Filter.none()));
      assertEquals(
          ids(1), engine.get("t", "c", ids(1, 2, 3, 8, 9)).stream().map(Point::id).toList());
    }
  }

  @Test
  void readsOfUnknownCollectionsAndBadRequests() {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection("t", new CollectionSpec("c", 2, Distance.COSINE));
      SearchRequest ok = new SearchRequest(new float[] {1, 0}, 5, null, false, false);
      assertError(ErrorType.COLLECTION_NOT_FOUND, () -> engine.search("t", "x", ok));
      assertError(ErrorType.COLLECTION_NOT_FOUND, () -> engine.get("t", "x", ids(1)));
      assertError(ErrorType.COLLECTION_NOT_FOUND, () -> engine.count("t", "x", Filter.none()));
      assertError(ErrorType.COLLECTION_NOT_FOUND, () -> engine.search("other", "c", ok));
      assertError(ErrorType.INVALID_REQUEST, () -> engine.search("t", "bad name", ok));

      assertError(ErrorType.INVALID_REQUEST, () -> engine.search("t", "c", null));
      assertError(
          ErrorType.INVALID_REQUEST,
          () -> engine.search("t", "c", new SearchRequest(null, 5, null, false, false)));
      for (int limit : new int[] {0, -1, SearchRequest.MAX_LIMIT + 1}) {
        assertError(
            ErrorType.INVALID_REQUEST,
            () ->
                engine.search(
                    "t", "c", new SearchRequest(new float[] {1, 0}, limit, null, false, false)));
      }
      assertError(
          ErrorType.DIMENSION_MISMATCH,
          () ->
              engine.search(
                  "t", "c", new SearchRequest(new float[] {1, 0, 0}, 5, null, false, false)));
      assertError(
          ErrorType.INVALID_VECTOR,
          () ->
              engine.search(
                  "t", "c", new SearchRequest(new float[] {1, Float.NaN}, 5, null, false, false)));
      assertError(ErrorType.INVALID_REQUEST, () -> engine.get("t", "c", null));
      assertError(
          ErrorType.INVALID_ID, () -> engine.get("t", "c", Arrays.asList(PointId.of(1), null)));
      assertEquals(
          List.of(),
          engine.search(
              "t",
              "c",
              new SearchRequest(new float[] {1, 0}, SearchRequest.MAX_LIMIT, null, true, true)));
    }
  }

  @Test
  void batchTooLargeForOneRecordIsRejected() {
    try (EngineService engine = new EngineService(dir)) {
      engine.createCollection(
          "t", new CollectionSpec("c", VectorEngine.MAX_DIMENSION, Distance.DOT));
      float[] shared = new float[VectorEngine.MAX_DIMENSION];
      List<Point> batch = new ArrayList<>();
      for (int i = 0; i < 1025; i++) {
        batch.add(point(i, shared, null));
      }
      VjvException e =
          rejects(engine, ErrorType.INVALID_BATCH, () -> engine.upsert("t", "c", batch));
      assertTrue(e.getMessage().contains("too large"), e.getMessage());
      engine.upsert("t", "c", batch.subList(0, 2));
      assertEquals(2, engine.count("t", "c", Filter.none()));
    }
  }

  private static VjvException rejects(EngineService engine, ErrorType type, Executable call) {
    long before = engine.count("t", "c", Filter.none());
    VjvException e = assertError(type, call);
    assertEquals(before, engine.count("t", "c", Filter.none()), "count changed after " + type);
    return e;
  }

  @Test
  void indexParametersOutOfRangeAreRejected() {
    try (EngineService engine = new EngineService(dir)) {
      for (HnswConfig bad :
          List.of(new HnswConfig(2, 100), new HnswConfig(200, 100), new HnswConfig(16, 4))) {
        assertError(
            ErrorType.INVALID_REQUEST,
            () -> engine.createCollection("t", new CollectionSpec("h", 3, Distance.DOT, bad)));
      }
      assertTrue(engine.listCollections("t").isEmpty());
    }
  }
}
