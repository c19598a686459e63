package io.vjvector.engine.internal;

import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The package-private parts of {@link EngineService} the ANN harness needs: an engine with explicit
 * tuning, waiting for the background indexer, checkpoints, and how a search was planned.
 */
public final class BenchEngineAccess {
  private BenchEngineAccess() {}

  /** How a search was run: its hits, the filter plan (null without a filter) and selectivity. */
  public record Explained(List<ScoredPoint> hits, String plan, double selectivity) {}

  /**
   * Opens an engine on {@code dataDir} (loading whatever is there).
   *
   * @param checkpointLogBytes log bytes after which a collection checkpoints on its own
   * @param indexBatch points the background indexer links per step
   */
  public static EngineService open(Path dataDir, long checkpointLogBytes, int indexBatch) {
    return new EngineService(dataDir, new EngineOptions(checkpointLogBytes, indexBatch));
  }

  /** The engine's default indexer batch. */
  public static int defaultIndexBatch() {
    return EngineOptions.DEFAULTS.indexBatch();
  }

  /** Waits until the collection's graph has linked every point; false on timeout. */
  public static boolean awaitIndexed(
      EngineService engine, String tenant, String collection, long timeoutMillis)
      throws InterruptedException {
    return engine.awaitIndexed(tenant, collection, timeoutMillis);
  }

  /** Writes a checkpoint now; the log position it covers, or -1 if nothing changed. */
  public static long checkpoint(EngineService engine, String tenant, String collection)
      throws IOException {
    return engine.checkpoint(tenant, collection);
  }

  /** Whether the collection was loaded from a checkpoint that held its graph. */
  public static boolean graphLoadedFromCheckpoint(
      EngineService engine, String tenant, String collection) {
    return engine.graphLoadedFromCheckpoint(tenant, collection);
  }

  /** Runs a search and says how it was planned. */
  public static Explained explain(
      EngineService engine, String tenant, String collection, SearchRequest request) {
    FilterPlanner.Result r = engine.explain(tenant, collection, request);
    return new Explained(r.hits(), r.plan() == null ? null : r.plan().name(), r.selectivity());
  }

  /** The distance kernels in use, e.g. {@code panama (512-bit)}. */
  public static String kernels() {
    return VectorMath.kernels();
  }
}
