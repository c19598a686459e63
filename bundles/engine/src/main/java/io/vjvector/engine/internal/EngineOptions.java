package io.vjvector.engine.internal;

/**
 * Engine tuning from configuration.
 *
 * @param checkpointWalBytes a collection writes a checkpoint (and truncates its log) once its log
 *     holds this many bytes since the last one, and at least half the last checkpoint's size; also
 *     checked when it is closed
 * @param indexBatch how many pending points the indexer links per step (a checkpoint waits for the
 *     step in progress; writers and searches do not)
 */
record EngineOptions(long checkpointWalBytes, int indexBatch) {
  static final EngineOptions DEFAULTS = new EngineOptions(64L << 20, 256);
}
