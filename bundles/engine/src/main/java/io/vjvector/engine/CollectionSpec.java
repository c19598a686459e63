package io.vjvector.engine;

import io.vjvector.sdk.vector.Distance;

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
 */
public record CollectionSpec(
    String name,
    int dimension,
    Distance distance,
    HnswConfig hnsw,
    Quantization quantization,
    String embedder) {
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
    this(name, dimension, distance, hnsw, quantization, null);
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
    this(name, dimension, distance, hnsw, null, null);
  }

  /**
   * A collection with the default index parameters.
   *
   * @param name the name
   * @param dimension the vector dimension
   * @param distance how vectors are compared
   */
  public CollectionSpec(String name, int dimension, Distance distance) {
    this(name, dimension, distance, null, null, null);
  }
}
