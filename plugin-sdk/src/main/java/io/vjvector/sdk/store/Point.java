package io.vjvector.sdk.store;

import io.vjvector.sdk.internal.Values;
import io.vjvector.sdk.vector.PointId;
import java.util.Arrays;
import java.util.Map;

/**
 * A point: an id, a vector and a payload. Immutable: the vector is copied in and out.
 *
 * @param id the id
 * @param vector the vector, finite floats, of the collection's dimension
 * @param payload a JSON object: strings, booleans, finite numbers, {@code null}s, and lists and
 *     maps of those; empty when the point has none
 */
public record Point(PointId id, float[] vector, Map<String, Object> payload) {
  /**
   * Validates the point and copies its vector and payload.
   *
   * @param id the id
   * @param vector the vector, finite floats, of the collection's dimension
   * @param payload a JSON object: strings, booleans, finite numbers, {@code null}s, and lists and
   *     maps of those; empty when the point has none
   * @throws IllegalArgumentException if the id is {@code null}, the vector empty or not finite, or
   *     the payload not JSON-like
   */
  public Point {
    Values.required(id, "point id");
    vector = Vectors.copy(vector, "vector");
    payload = Values.copyObject("payload", payload, true);
  }

  /**
   * A point without payload.
   *
   * @param id the id
   * @param vector the vector
   */
  public Point(PointId id, float[] vector) {
    this(id, vector, Map.of());
  }

  /**
   * The vector.
   *
   * @return a copy
   */
  @Override
  public float[] vector() {
    return vector.clone();
  }

  /**
   * The dimension of the vector.
   *
   * @return its length
   */
  public int dimension() {
    return vector.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Point
        && ((Point) o).id.equals(id)
        && Arrays.equals(((Point) o).vector, vector)
        && ((Point) o).payload.equals(payload);
  }

  @Override
  public int hashCode() {
    return (id.hashCode() * 31 + Arrays.hashCode(vector)) * 31 + payload.hashCode();
  }

  @Override
  public String toString() {
    return "Point[id=" + id + ", dimension=" + vector.length + ", payload=" + payload + "]";
  }
}
