package io.vjvector.bench;

/** One index under test: built once, then queried one vector at a time. */
interface AnnEngine extends AutoCloseable {
  String name();

  void build(float[][] base) throws Exception;

  /** The ids (positions in the base set) of about the k nearest, closest first. */
  int[] search(float[] query, int k, int ef) throws Exception;

  @Override
  default void close() throws Exception {}
}
