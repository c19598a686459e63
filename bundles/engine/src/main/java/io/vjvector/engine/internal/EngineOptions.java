package io.vjvector.engine.internal;

import java.time.Clock;

/**
 * Engine tuning from configuration.
 *
 * @param checkpointWalBytes a collection writes a checkpoint (and truncates its log) once its log
 *     holds this many bytes since the last one, and at least half the last checkpoint's size; also
 *     checked when it is closed
 * @param indexBatch how many pending points the indexer links per step (a checkpoint waits for the
 *     step in progress; writers and searches do not)
 * @param encryption encryption at rest and the master key's source
 * @param expiry the clock that stamps writes and decides expiry, and the background sweep's pace
 */
record EngineOptions(
    long checkpointWalBytes, int indexBatch, EncryptionOptions encryption, Expiry expiry) {
  static final EngineOptions DEFAULTS = new EngineOptions(64L << 20, 256);

  /**
   * How points of collections with a retention expire.
   *
   * @param clock stamps each upsert with its write time and tells readers which points expired
   * @param sweepIntervalMillis how often the sweep deletes expired points; 0 or less: never (tests)
   * @param sweepBatch at most this many expired points per collection and sweep (one log record)
   */
  record Expiry(Clock clock, long sweepIntervalMillis, int sweepBatch) {
    static final Expiry DEFAULTS = new Expiry(Clock.systemUTC(), 10_000, 10_000);

    Expiry {
      if (clock == null || sweepBatch < 1) {
        throw new IllegalArgumentException("a clock and a sweep batch of at least 1 are needed");
      }
    }
  }

  EngineOptions {
    encryption = encryption == null ? EncryptionOptions.DEFAULTS : encryption;
    expiry = expiry == null ? Expiry.DEFAULTS : expiry;
  }

  /** Tuning with default expiry. */
  EngineOptions(long checkpointWalBytes, int indexBatch, EncryptionOptions encryption) {
    this(checkpointWalBytes, indexBatch, encryption, Expiry.DEFAULTS);
  }

  /** Tuning with the default encryption (on, master key from the environment or generated). */
  EngineOptions(long checkpointWalBytes, int indexBatch) {
    this(checkpointWalBytes, indexBatch, EncryptionOptions.DEFAULTS);
  }

  /** The same tuning with other encryption options. */
  EngineOptions with(EncryptionOptions other) {
    return new EngineOptions(checkpointWalBytes, indexBatch, other, expiry);
  }

  /** The same tuning with other expiry options. */
  EngineOptions with(Expiry other) {
    return new EngineOptions(checkpointWalBytes, indexBatch, encryption, other);
  }

  /** The engine's clock. */
  Clock clock() {
    return expiry.clock();
  }
}
