package io.vjvector.engine.internal;

/**
 * Engine tuning from configuration.
 *
 * @param checkpointWalBytes a collection writes a checkpoint (and truncates its log) once its log
 *     holds this many bytes since the last one; also checked when it is closed
 * @param indexBatch how many pending points the indexer links per step (it holds the collection's
 *     read lock for one step, so writers wait at most that long)
 */
record EngineOptions(long checkpointWalBytes, int indexBatch) {
  static final EngineOptions DEFAULTS = new EngineOptions(64L << 20, 256);
}
