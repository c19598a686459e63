package io.vjvector.engine;

import io.vjvector.sdk.vector.Distance;
import java.time.Duration;

/**
 * What a new collection looks like.
 *
 * @param name 1 to 64 characters of {@code [A-Za-z0-9_-]}
 * @param dimension 1 to {@link VectorEngine#MAX_DIMENSION}
 * @param distance how vectors are compared
 * @param hnsw index parameters; {@code null} for {@link HnswConfig#DEFAULT}
 * @param quantization how vectors are compressed for traversal; {@code null} for {@link
 *     Quantization#NONE}
 * @param embedder the name of the embedder plugin that turns texts into this collection's vectors,
 *     or {@code null} for none (vectors only); it need not be installed when the collection is made
 * @param retention how long a point lives after its last write (upsert), or {@code null} to keep
 *     points until they are deleted; zero means the same as {@code null}. Expired points are
 *     invisible to every read at once and deleted in the background. Whole milliseconds, 1 ms to
 *     {@link VectorEngine#MAX_RETENTION}.
 */
public record CollectionSpec(
    String name,
    int dimension,
    Distance distance,
    HnswConfig hnsw,
    Quantization quantization,
    String embedder,
    Duration retention) {
  /** Normalizes a zero retention to {@code null} (keep forever). */
  public CollectionSpec {
    retention = retention == null || retention.isZero() ? null : retention;
  }

  /**
   * A collection whose points are kept until they are deleted.
   *
   * @param name the name
   * @param dimension the vector dimension
   * @param distance how vectors are compared
   * @param hnsw index parameters; {@code null} for the defaults
   * @param quantization how vectors are compressed for traversal; {@code null} for none
   * @param embedder the embedder plugin's name, or {@code null}
   */
  public CollectionSpec(
      String name,
      int dimension,
      Distance distance,
      HnswConfig hnsw,
      Quantization quantization,
      String embedder) {
    this(name, dimension, distance, hnsw, quantization, embedder, null);
  }

  /**
   * A collection without an embedder.
   *
   * @param name the name
   * @param dimension the vector dimension
   * @param distance how vectors are compared
   * @param hnsw index parameters; {@code null} for the defaults
   * @param quantization how vectors are compressed for traversal; {@code null} for none
   */
  public CollectionSpec(
      String name, int dimension, Distance distance, HnswConfig hnsw, Quantization quantization) {
    this(name, dimension, distance, hnsw, quantization, null, null);
  }

  /**
   * A collection without quantization.
   *
   * @param name the name
   * @param dimension the vector dimension
   * @param distance how vectors are compared
   * @param hnsw index parameters; {@code null} for the defaults
   */
  public CollectionSpec(String name, int dimension, Distance distance, HnswConfig hnsw) {
    this(name, dimension, distance, hnsw, null, null, null);
  }

  /**
   * A collection with the default index parameters.
   *
   * @param name the name
   * @param dimension the vector dimension
   * @param distance how vectors are compared
   */
  public CollectionSpec(String name, int dimension, Distance distance) {
    this(name, dimension, distance, null, null, null, null);
  }
}
