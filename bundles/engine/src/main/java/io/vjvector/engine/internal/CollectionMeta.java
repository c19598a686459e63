package io.vjvector.engine.internal;

import io.vjvector.engine.HnswConfig;
import io.vjvector.engine.PayloadIndexType;
import io.vjvector.engine.Quantization;
import io.vjvector.sdk.vector.Distance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The immutable facts about a collection, stored as {@code collection.json}. JSON rather than
 * binary so an operator can read it when something goes wrong. Optional keys are absent in files
 * written before they existed: {@code embedder} (none), {@code retentionMillis} (keep forever).
 *
 * @param retentionMillis how long a point lives after its last write; 0 for forever
 */
record CollectionMeta(
    String name,
    int dimension,
    Distance distance,
    Instant createdAt,
    HnswConfig hnsw,
    Quantization quantization,
    Map<String, PayloadIndexType> indexes,
    String embedder,
    long retentionMillis) {
  static final int FORMAT = 1;
  private static final String INDEX_PREFIX = "index:";

  CollectionMeta {
    quantization = quantization == null ? Quantization.NONE : quantization;
    indexes =
        indexes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(indexes));
    if (retentionMillis < 0) {
      throw new IllegalArgumentException("negative retention " + retentionMillis);
    }
  }

  CollectionMeta(
      String name, int dimension, Distance distance, Instant createdAt, HnswConfig hnsw) {
    this(name, dimension, distance, createdAt, hnsw, Quantization.NONE, Map.of(), null, 0);
  }

  /** The retention as the API reports it: null for forever. */
  Duration retention() {
    return retentionMillis == 0 ? null : Duration.ofMillis(retentionMillis);
  }

  /** The same collection with another retention (0: forever). */
  CollectionMeta withRetention(long millis) {
    return new CollectionMeta(
        name, dimension, distance, createdAt, hnsw, quantization, indexes, embedder, millis);
  }

  /** The same collection with one more (or a changed) payload index. */
  CollectionMeta withIndex(String field, PayloadIndexType type) {
    Map<String, PayloadIndexType> next = new LinkedHashMap<>(indexes);
    next.put(field, type);
    return new CollectionMeta(
        name, dimension, distance, createdAt, hnsw, quantization, next, embedder, retentionMillis);
  }

  /** The same collection without a payload index. */
  CollectionMeta withoutIndex(String field) {
    Map<String, PayloadIndexType> next = new LinkedHashMap<>(indexes);
    next.remove(field);
    return new CollectionMeta(
        name, dimension, distance, createdAt, hnsw, quantization, next, embedder, retentionMillis);
  }

  byte[] toJson() {
    String json =
        "{\n"
            + "  \"format\": "
            + FORMAT
            + ",\n  \"name\": "
            + FlatJson.quote(name)
            + ",\n  \"dimension\": "
            + dimension
            + ",\n  \"distance\": "
            + FlatJson.quote(distance.wireName())
            + ",\n  \"createdAt\": "
            + FlatJson.quote(createdAt.toString())
            + ",\n  \"hnswM\": "
            + hnsw.m()
            + ",\n  \"hnswEfConstruct\": "
            + hnsw.efConstruct()
            + ",\n  \"quantization\": "
            + FlatJson.quote(quantization.wireName());
    StringBuilder sb = new StringBuilder(json);
    if (embedder != null) {
      sb.append(",\n  \"embedder\": ").append(FlatJson.quote(embedder));
    }
    if (retentionMillis != 0) {
      sb.append(",\n  \"retentionMillis\": ").append(retentionMillis);
    }
    for (Map.Entry<String, PayloadIndexType> e : indexes.entrySet()) {
      sb.append(",\n  ")
          .append(FlatJson.quote(INDEX_PREFIX + e.getKey()))
          .append(": ")
          .append(FlatJson.quote(e.getValue().wireName()));
    }
    sb.append("\n}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static CollectionMeta read(Path file) throws IOException {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | DateTimeParseException | ClassCastException e) {
      throw new IOException(file + " is not valid collection metadata: " + e.getMessage(), e);
    }
  }

  static CollectionMeta fromJson(String json) {
    Map<String, Object> m = FlatJson.parseObject(json);
    Object format = m.get("format");
    if (!Long.valueOf(FORMAT).equals(format)) {
      throw new IllegalArgumentException("unsupported format " + format);
    }
    long dimension = (Long) require(m, "dimension");
    if (dimension < 1 || dimension > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("dimension " + dimension + " out of range");
    }
    return new CollectionMeta(
        (String) require(m, "name"),
        (int) dimension,
        Distance.parse((String) require(m, "distance")),
        Instant.parse((String) require(m, "createdAt")),
        // absent in collections created before the parameters were configurable
        m.containsKey("hnswM")
            ? new HnswConfig(
                (int) (long) (Long) m.get("hnswM"), (int) (long) (Long) m.get("hnswEfConstruct"))
            : HnswConfig.DEFAULT,
        m.containsKey("quantization")
            ? requireKnown(
                Quantization.fromWire((String) m.get("quantization")), m.get("quantization"))
            : Quantization.NONE,
        indexes(m),
        // absent in collections made without an embedder
        (String) m.get("embedder"),
        // absent in collections that keep their points forever, and in older files
        m.containsKey("retentionMillis") ? (Long) m.get("retentionMillis") : 0);
  }

  private static Map<String, PayloadIndexType> indexes(Map<String, Object> m) {
    Map<String, PayloadIndexType> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getKey().startsWith(INDEX_PREFIX)) {
        out.put(
            e.getKey().substring(INDEX_PREFIX.length()),
            requireKnown(PayloadIndexType.fromWire((String) e.getValue()), e.getValue()));
      }
    }
    return out;
  }

  private static <T> T requireKnown(T value, Object raw) {
    if (value == null) {
      throw new IllegalArgumentException("unknown value " + raw);
    }
    return value;
  }

  private static Object require(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing \"" + key + "\"");
    }
    return v;
  }
}
