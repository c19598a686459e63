package io.vjvector.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.Point;
import io.vjvector.engine.RecommendRequest;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.ScrollRequest;
import io.vjvector.engine.SearchRequest;
import io.vjvector.rest.internal.dto.CollectionView;
import io.vjvector.rest.internal.dto.Hit;
import io.vjvector.rest.internal.dto.HnswConfigDto;
import io.vjvector.rest.internal.dto.PointDto;
import io.vjvector.rest.internal.dto.PointView;
import io.vjvector.rest.internal.dto.RecommendQuery;
import io.vjvector.rest.internal.dto.ScrollQuery;
import io.vjvector.rest.internal.dto.SearchQuery;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Converts between the JSON shapes and the engine's types, rejecting what does not fit. */
final class Convert {
  private static final int DEFAULT_LIMIT = 10;

  private Convert() {}

  static PointId id(JsonNode node) {
    try {
      if (node != null && node.isIntegralNumber()) {
        return PointId.of(node.bigIntegerValue());
      }
      if (node != null && node.isTextual()) {
        return PointId.of(node.textValue());
      }
    } catch (IllegalArgumentException e) {
      throw new VjvException(ErrorType.INVALID_ID, e.getMessage());
    }
    throw new VjvException(
        ErrorType.INVALID_ID, "a point id must be an unsigned 64-bit integer or a string");
  }

  /** Parses an id from a URL path segment: digits are an integer id, anything else a string id. */
  static PointId id(String segment) {
    try {
      if (!segment.isEmpty() && segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return PointId.of(new BigInteger(segment));
      }
      return PointId.of(segment);
    } catch (IllegalArgumentException e) {
      throw new VjvException(ErrorType.INVALID_ID, e.getMessage());
    }
  }

  static List<PointId> ids(List<JsonNode> nodes) {
    List<PointId> ids = new ArrayList<>(nodes.size());
    for (JsonNode n : nodes) {
      ids.add(id(n));
    }
    return ids;
  }

  static Object idJson(PointId id) {
    if (!id.isNumber()) {
      return id.string();
    }
    return id.number() >= 0 ? (Object) id.number() : id.unsignedValue();
  }

  static List<Point> points(List<PointDto> dtos) {
    List<Point> points = new ArrayList<>(dtos.size());
    for (int i = 0; i < dtos.size(); i++) {
      PointDto d = dtos.get(i);
      if (d == null) {
        throw invalid("points[" + i + "] must be an object");
      }
      PointId id = id(d.id);
      if (d.vector == null) {
        throw invalid(
            "point " + id + " has no 'vector' (or 'text', for a collection with an embedder)");
      }
      points.add(new Point(id, d.vector, d.payload == null ? Map.of() : d.payload));
    }
    return points;
  }

  static PointView pointJson(Point p) {
    PointView v = new PointView();
    v.id = idJson(p.id());
    v.vector = p.vector();
    v.payload = p.payload();
    return v;
  }

  static Filter filter(JsonNode filter) {
    return FilterParser.parse(filter);
  }

  static SearchRequest search(SearchQuery q) {
    if (q == null || q.vector == null) {
      throw invalid("a search needs a 'vector' (or 'text', for a collection with an embedder)");
    }
    boolean withPayload = true;
    List<String> fields = null;
    if (q.withPayload != null && !q.withPayload.isNull()) {
      if (q.withPayload.isBoolean()) {
        withPayload = q.withPayload.booleanValue();
      } else if (q.withPayload.isArray()) {
        fields = new ArrayList<>();
        for (JsonNode f : q.withPayload) {
          if (!f.isTextual()) {
            throw invalid("'with_payload' must be true, false or a list of field names");
          }
          fields.add(f.textValue());
        }
      } else {
        throw invalid("'with_payload' must be true, false or a list of field names");
      }
    }
    return new SearchRequest(
        q.vector,
        limit(q.limit),
        q.offset == null ? 0 : q.offset,
        q.scoreThreshold,
        filter(q.filter),
        withPayload,
        fields,
        q.withVector != null && q.withVector,
        q.params != null && q.params.exact != null && q.params.exact,
        q.params == null ? null : q.params.hnswEf);
  }

  static ScrollRequest scroll(ScrollQuery q) {
    ScrollQuery query = q == null ? new ScrollQuery() : q;
    return new ScrollRequest(
        query.offset == null || query.offset.isNull() ? null : id(query.offset),
        limit(query.limit),
        filter(query.filter),
        query.withPayload == null || query.withPayload,
        query.withVector != null && query.withVector);
  }

  static RecommendRequest recommend(RecommendQuery q) {
    if (q == null || q.positive == null || q.positive.isEmpty()) {
      throw invalid("'positive' needs at least one point id");
    }
    return new RecommendRequest(
        ids(q.positive),
        q.negative == null ? List.of() : ids(q.negative),
        limit(q.limit),
        q.scoreThreshold,
        filter(q.filter),
        q.withPayload == null || q.withPayload,
        q.withVector != null && q.withVector);
  }

  private static int limit(Integer limit) {
    return limit == null ? DEFAULT_LIMIT : limit;
  }

  static List<Hit> hits(List<ScoredPoint> points) {
    List<Hit> hits = new ArrayList<>(points.size());
    for (ScoredPoint p : points) {
      Hit h = new Hit();
      h.id = idJson(p.id());
      h.score = p.score();
      h.payload = p.payload();
      h.vector = p.vector();
      hits.add(h);
    }
    return hits;
  }

  static CollectionView collection(CollectionInfo c) {
    CollectionView v = new CollectionView();
    v.name = c.name();
    v.dimension = c.dimension();
    v.distance = c.distance().wireName();
    v.createdAt = c.createdAt().toString();
    v.pointsCount = c.pointCount();
    v.indexedPointsCount = c.indexedCount();
    v.status = c.status();
    v.hnswConfig = new HnswConfigDto();
    v.hnswConfig.m = c.hnsw().m();
    v.hnswConfig.efConstruct = c.hnsw().efConstruct();
    v.memoryBytes = new java.util.LinkedHashMap<>();
    v.memoryBytes.put("vectors", c.vectorBytes());
    v.memoryBytes.put("graph", c.graphBytes());
    v.memoryBytes.put("quantized", c.quantizedBytes());
    v.memoryBytes.put("payload", c.payloadBytes());
    v.memoryBytes.put("payload_index", c.payloadIndexBytes());
    v.quantization = c.quantization().wireName();
    v.embedder = c.embedder();
    v.payloadIndexes = new java.util.LinkedHashMap<>();
    c.payloadIndexes().forEach((field, type) -> v.payloadIndexes.put(field, type.wireName()));
    v.diskBytes = c.diskBytes();
    v.retentionSeconds = c.retention() == null ? null : c.retention().toSeconds();
    return v;
  }

  /** A retention in seconds from a request: absent or 0 keeps points until they are deleted. */
  static java.time.Duration retention(Long seconds) {
    if (seconds == null || seconds == 0) {
      return null;
    }
    if (seconds < 0 || seconds > io.vjvector.engine.VectorEngine.MAX_RETENTION.toSeconds()) {
      throw invalid(
          "'retention_seconds' must be between 0 and "
              + io.vjvector.engine.VectorEngine.MAX_RETENTION.toSeconds());
    }
    return java.time.Duration.ofSeconds(seconds);
  }

  static VjvException invalid(String detail) {
    return new VjvException(ErrorType.INVALID_REQUEST, detail);
  }
}
