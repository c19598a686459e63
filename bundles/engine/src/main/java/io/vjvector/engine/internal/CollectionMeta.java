package io.vjvector.engine.internal;

import io.vjvector.engine.HnswConfig;
import io.vjvector.sdk.vector.Distance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The immutable facts about a collection, stored as {@code collection.json}. JSON rather than
 * binary so an operator can read it when something goes wrong.
 */
record CollectionMeta(
    String name, int dimension, Distance distance, Instant createdAt, HnswConfig hnsw) {
  static final int FORMAT = 1;

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
            + "\n}\n";
    return json.getBytes(StandardCharsets.UTF_8);
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
            : HnswConfig.DEFAULT);
  }

  private static Object require(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing \"" + key + "\"");
    }
    return v;
  }
}
