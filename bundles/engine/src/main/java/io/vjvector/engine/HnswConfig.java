package io.vjvector.engine;

/**
 * The HNSW index parameters of a collection.
 *
 * @param m links per node on the upper layers (twice as many on the bottom layer): more links,
 *     better recall and more memory; 4 to 128
 * @param efConstruct the beam width while building: higher builds slower and a better graph; 8 to
 *     4096
 */
public record HnswConfig(int m, int efConstruct) {
  /** The defaults: {@code m = 16}, {@code efConstruct = 100}. */
  public static final HnswConfig DEFAULT = new HnswConfig(16, 100);
}
