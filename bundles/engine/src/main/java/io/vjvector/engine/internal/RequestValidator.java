package io.vjvector.engine.internal;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.HnswConfig;
import io.vjvector.engine.Point;
import io.vjvector.engine.SearchRequest;
import io.vjvector.engine.VectorEngine;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.PointId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Checks requests completely before anything is written, so a rejected batch leaves no trace, and
 * copies caller-owned arrays so a caller mutating them later cannot change stored data.
 */
final class RequestValidator {
  private RequestValidator() {}

  static void spec(CollectionSpec spec) {
    if (spec == null) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "a collection spec is required");
    }
    Names.requireValid("collection", spec.name());
    if (spec.dimension() < 1 || spec.dimension() > VectorEngine.MAX_DIMENSION) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST,
          "dimension must be between 1 and "
              + VectorEngine.MAX_DIMENSION
              + ", got "
              + spec.dimension());
    }
    if (spec.distance() == null) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "a distance is required");
    }
    HnswConfig h = spec.hnsw();
    if (h != null && (h.m() < 4 || h.m() > 128 || h.efConstruct() < 8 || h.efConstruct() > 4096)) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST,
          "hnsw m must be 4 to 128 and ef_construct 8 to 4096, got "
              + h.m()
              + " and "
              + h.efConstruct());
    }
    String embedder = spec.embedder();
    if (embedder != null && !embedder.matches("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST,
          "embedder must be a plugin's embedder name (1 to 128 of [A-Za-z0-9_.:-]), got '"
              + embedder
              + "'");
    }
    retentionMillis(spec.retention());
  }

  /**
   * A retention in milliseconds, 0 for forever ({@code null} or zero).
   *
   * @throws VjvException {@code INVALID_REQUEST} if it is negative, below a millisecond or above
   *     {@link VectorEngine#MAX_RETENTION}
   */
  static long retentionMillis(java.time.Duration retention) {
    if (retention == null || retention.isZero()) {
      return 0;
    }
    if (retention.isNegative()
        || retention.toMillis() < 1
        || retention.compareTo(VectorEngine.MAX_RETENTION) > 0) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST,
          "retention must be between 1 ms and "
              + VectorEngine.MAX_RETENTION.toDays()
              + " days (or zero to keep points forever), got "
              + retention);
    }
    return retention.toMillis();
  }

  /**
   * @return the points to store, one per id (the last occurrence wins), with copied vectors and
   *     canonical payloads
   */
  static List<Point> upsert(List<Point> points, int dimension) {
    batchSize(points, "upsert");
    WalRecords.checkFits(points.size(), dimension);
    Map<PointId, Point> byId = new LinkedHashMap<>(points.size() * 4 / 3 + 1);
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      if (p == null) {
        throw new VjvException(ErrorType.INVALID_REQUEST, "point " + i + " of the batch is null");
      }
      PointId id = storableId(p.id(), i);
      float[] vector = p.vector() == null ? null : p.vector().clone();
      if (vector == null || vector.length != dimension) {
        throw new VjvException(
            ErrorType.DIMENSION_MISMATCH,
            "point "
                + id
                + ": expected a vector of dimension "
                + dimension
                + ", got "
                + (vector == null ? "no vector" : "dimension " + vector.length));
      }
      int bad = VectorMath.firstNonFinite(vector);
      if (bad >= 0) {
        throw new VjvException(
            ErrorType.INVALID_VECTOR,
            "point " + id + ": vector[" + bad + "] is " + vector[bad] + "; values must be finite");
      }
      byId.put(id, new Point(id, vector, Payloads.normalize(p.payload(), "point " + id)));
    }
    return List.copyOf(byId.values());
  }

  /** The distinct ids of a delete batch. */
  static List<PointId> deleteIds(List<PointId> ids) {
    batchSize(ids, "delete");
    return new ArrayList<>(new LinkedHashSet<>(ids(ids)));
  }

  static List<PointId> ids(List<PointId> ids) {
    if (ids == null) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "a list of ids is required");
    }
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) == null) {
        throw new VjvException(ErrorType.INVALID_ID, "id " + i + " of the list is null");
      }
    }
    return ids;
  }

  /** The query vector, copied. */
  static float[] search(SearchRequest request, int dimension) {
    if (request == null || request.vector() == null) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "a query vector is required");
    }
    window(request.limit(), request.offset());
    threshold(request.scoreThreshold());
    if (request.ef() != null && (request.ef() < 1 || request.ef() > SearchRequest.MAX_EF)) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST,
          "ef must be between 1 and " + SearchRequest.MAX_EF + ", got " + request.ef());
    }
    float[] query = request.vector().clone();
    if (query.length != dimension) {
      throw new VjvException(
          ErrorType.DIMENSION_MISMATCH,
          "query vector: expected dimension " + dimension + ", got dimension " + query.length);
    }
    int bad = VectorMath.firstNonFinite(query);
    if (bad >= 0) {
      throw new VjvException(
          ErrorType.INVALID_VECTOR,
          "query vector[" + bad + "] is " + query[bad] + "; values must be finite");
    }
    return query;
  }

  /** A result window: limit 1.., offset 0.., together at most {@link SearchRequest#MAX_LIMIT}. */
  /** A payload field name (or dotted path) to index. */
  static void indexField(String field) {
    if (field == null || field.isEmpty() || field.length() > 256) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST, "a payload field name of 1 to 256 characters is required");
    }
    for (int i = 0; i < field.length(); i++) {
      if (Character.isISOControl(field.charAt(i))) {
        throw new VjvException(
            ErrorType.INVALID_REQUEST, "the payload field name contains a control character");
      }
    }
  }

  static void window(int limit, int offset) {
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST,
          "limit must be between 1 and " + SearchRequest.MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0 || (long) offset + limit > SearchRequest.MAX_LIMIT) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST,
          "offset must be at least 0 and offset + limit at most "
              + SearchRequest.MAX_LIMIT
              + ", got offset "
              + offset);
    }
  }

  static void threshold(Float threshold) {
    if (threshold != null && !Float.isFinite(threshold)) {
      throw new VjvException(ErrorType.INVALID_REQUEST, "score_threshold must be finite");
    }
  }

  private static void batchSize(List<?> batch, String operation) {
    int n = batch == null ? 0 : batch.size();
    if (n < 1 || n > VectorEngine.MAX_BATCH) {
      throw new VjvException(
          ErrorType.INVALID_BATCH,
          "a "
              + operation
              + " batch must hold 1 to "
              + VectorEngine.MAX_BATCH
              + " items, got "
              + n);
    }
  }

  // PointId accepts unpaired surrogates, which UTF-8 cannot carry through the log.
  private static PointId storableId(PointId id, int index) {
    if (id == null) {
      throw new VjvException(ErrorType.INVALID_ID, "point " + index + " of the batch has no id");
    }
    if (!id.isNumber() && !Payloads.isWellFormed(id.string())) {
      throw new VjvException(
          ErrorType.INVALID_ID,
          "point " + index + " of the batch: id contains an unpaired surrogate character");
    }
    return id;
  }
}
