package io.vjvector.bench;

import java.io.IOException;

/**
 * One index under test: built once, then queried one vector at a time (from one thread, then from
 * several at once: {@link #search} must be safe to call concurrently once {@link #build} returned).
 */
interface AnnEngine extends AutoCloseable {
  String name();

  void build(float[][] base) throws Exception;

  /** The ids (positions in the base set) of about the k nearest, closest first. */
  int[] search(float[] query, int k, int ef) throws Exception;

  /** How many threads {@link #build} used. */
  default int buildThreads() {
    return 1;
  }

  /**
   * Memory held by the built index (vectors, graph and any compressed codes) per base vector, as
   * the engine accounts it, or NaN if it cannot say. Called once, after {@link #build}.
   */
  default double memoryBytesPerVector() {
    return Double.NaN;
  }

  /**
   * Bytes on disk per base vector of the engine's persisted form of the index, or NaN if unknown.
   * May write it first (VJVector: a checkpoint) or write and delete temporary files. Called once,
   * after {@link #build} and before the queries.
   */
  default double diskBytesPerVector() throws Exception {
    return Double.NaN;
  }

  @Override
  default void close() throws IOException {}
}
