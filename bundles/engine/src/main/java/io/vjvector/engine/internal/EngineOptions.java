package io.vjvector.engine.internal;

/**
 * Engine tuning from configuration.
 *
 * @param checkpointWalBytes a collection writes a checkpoint (and truncates its log) once its log
 *     holds this many bytes since the last one, and at least half the last checkpoint's size; also
 *     checked when it is closed
 * @param indexBatch how many pending points the indexer links per step (a checkpoint waits for the
 *     step in progress; writers and searches do not)
 * @param encryption encryption at rest and the master key's source
 */
record EngineOptions(long checkpointWalBytes, int indexBatch, EncryptionOptions encryption) {
  static final EngineOptions DEFAULTS = new EngineOptions(64L << 20, 256);

  EngineOptions {
    encryption = encryption == null ? EncryptionOptions.DEFAULTS : encryption;
  }

  /** Tuning with the default encryption (on, master key from the environment or generated). */
  EngineOptions(long checkpointWalBytes, int indexBatch) {
    this(checkpointWalBytes, indexBatch, EncryptionOptions.DEFAULTS);
  }

  /** The same tuning with other encryption options. */
  EngineOptions with(EncryptionOptions other) {
    return new EngineOptions(checkpointWalBytes, indexBatch, other);
  }
}
