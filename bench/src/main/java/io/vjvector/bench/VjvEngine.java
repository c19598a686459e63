package io.vjvector.bench;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.HnswConfig;
import io.vjvector.engine.PayloadIndexType;
import io.vjvector.engine.Point;
import io.vjvector.engine.Quantization;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.engine.internal.BenchEngineAccess;
import io.vjvector.engine.internal.EngineService;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * VJVector through its real collection path: an {@link EngineService} on a temporary data
 * directory, one collection, points upserted in batches (each logged and fsynced), the graph linked
 * by the engine's background indexer, searches as {@link SearchRequest}s. The build ends when the
 * indexer has caught up with the last upsert.
 */
final class VjvEngine implements AnnEngine {
  static final String TENANT = "bench";
  static final String COLLECTION = "ann";

  /**
   * How the collection is made and fed.
   *
   * @param distance the collection's distance
   * @param checkpointLogBytes log bytes after which the engine checkpoints on its own (the harness
   *     checkpoints explicitly after the build; set high so no checkpoint runs during it)
   * @param indexTimeoutMillis how long the build may wait for the indexer
   */
  record Options(
      Distance distance,
      int m,
      int efConstruction,
      Quantization quantization,
      int upsertBatch,
      int indexBatch,
      long checkpointLogBytes,
      long indexTimeoutMillis) {}

  /**
   * What the build measured.
   *
   * @param cpuSeconds CPU time of the whole JVM over the build (NaN if the JVM cannot say): every
   *     thread, GC and JIT included; on a shared machine it shows how much of the wall time the
   *     build actually ran
   */
  record Build(
      double ingestSeconds, double indexWaitSeconds, double cpuSeconds, CollectionInfo info) {
    double seconds() {
      return ingestSeconds + indexWaitSeconds;
    }
  }

  /** What a checkpoint and a restart from it measured. */
  record Restart(
      double checkpointSeconds,
      long logBytesBefore,
      long diskBytesAfter,
      double loadSeconds,
      boolean graphLoadedFromCheckpoint,
      String statusAfterLoad) {}

  private final Options options;
  private Path dir;
  private volatile EngineService engine;
  private Build build;
  private int count;
  private double checkpointSeconds = Double.NaN;
  private long logBytesBefore = -1;
  private long diskBytesAfter = -1;

  VjvEngine(Options options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "vjvector-" + options.quantization().wireName();
  }

  Quantization quantization() {
    return options.quantization();
  }

  @Override
  public void build(float[][] base) throws Exception {
    build(base, null);
  }

  /**
   * Creates the collection, upserts {@code base} (ids 0..n-1, payloads from {@code payload} when
   * given) and waits for the indexer.
   */
  void build(float[][] base, IntFunction<Map<String, Object>> payload) throws Exception {
    count = base.length;
    dir = Files.createTempDirectory("vjv-bench-");
    engine = BenchEngineAccess.open(dir, options.checkpointLogBytes(), options.indexBatch());
    engine.createCollection(
        TENANT,
        new CollectionSpec(
            COLLECTION,
            base[0].length,
            options.distance(),
            new HnswConfig(options.m(), options.efConstruction()),
            options.quantization()));
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    int batchSize = options.upsertBatch();
    for (int from = 0; from < base.length; from += batchSize) {
      List<Point> batch = new ArrayList<>(batchSize);
      for (int i = from; i < Math.min(base.length, from + batchSize); i++) {
        batch.add(new Point(PointId.of(i), base[i], payload == null ? Map.of() : payload.apply(i)));
      }
      engine.upsert(TENANT, COLLECTION, batch);
    }
    long upserted = System.nanoTime();
    if (!BenchEngineAccess.awaitIndexed(engine, TENANT, COLLECTION, options.indexTimeoutMillis())) {
      throw new IllegalStateException(
          name() + ": the indexer did not catch up within " + options.indexTimeoutMillis() + " ms");
    }
    long indexed = System.nanoTime();
    long cpuEnd = processCpuNanos();
    build =
        new Build(
            (upserted - start) / 1e9,
            (indexed - upserted) / 1e9,
            cpuStart < 0 || cpuEnd < 0 ? Double.NaN : (cpuEnd - cpuStart) / 1e9,
            info());
  }

  /** CPU time of this JVM so far, or -1 where the platform does not say. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  Build lastBuild() {
    return build;
  }

  CollectionInfo info() {
    return engine.collection(TENANT, COLLECTION).orElseThrow();
  }

  @Override
  public int[] search(float[] query, int k, int ef) {
    return ids(engine.search(TENANT, COLLECTION, request(query, k, ef, null)));
  }

  int[] search(float[] query, int k, int ef, Filter filter) {
    return ids(engine.search(TENANT, COLLECTION, request(query, k, ef, filter)));
  }

  BenchEngineAccess.Explained explain(float[] query, int k, int ef, Filter filter) {
    return BenchEngineAccess.explain(engine, TENANT, COLLECTION, request(query, k, ef, filter));
  }

  void createPayloadIndex(String field, PayloadIndexType type) {
    engine.createPayloadIndex(TENANT, COLLECTION, field, type);
  }

  private static SearchRequest request(float[] query, int k, int ef, Filter filter) {
    return new SearchRequest(query, k, 0, null, filter, false, null, false, false, ef);
  }

  private static int[] ids(List<ScoredPoint> hits) {
    int[] ids = new int[hits.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (int) hits.get(i).id().number();
    }
    return ids;
  }

  /** The indexer's background thread plus the common fork-join pool it links each batch on. */
  @Override
  public int buildThreads() {
    return ForkJoinPool.getCommonPoolParallelism() + 1;
  }

  /** Float vectors, graph links and quantized codes, as {@link CollectionInfo} counts them. */
  @Override
  public double memoryBytesPerVector() {
    CollectionInfo i = build.info();
    return (i.vectorBytes() + i.graphBytes() + i.quantizedBytes()) / (double) count;
  }

  /**
   * Writes a checkpoint (points and graph; the log it covers is deleted), then reports {@link
   * CollectionInfo#diskBytes()}: checkpoint, remaining log and metadata.
   */
  @Override
  public double diskBytesPerVector() throws IOException {
    logBytesBefore = info().diskBytes();
    long t = System.nanoTime();
    BenchEngineAccess.checkpoint(engine, TENANT, COLLECTION);
    checkpointSeconds = (System.nanoTime() - t) / 1e9;
    diskBytesAfter = info().diskBytes();
    return diskBytesAfter / (double) count;
  }

  /**
   * Closes the engine and opens it again on the same directory (checkpointing first if {@link
   * #diskBytesPerVector} has not), timing until the collection is loaded and the indexer has
   * nothing left to do.
   */
  Restart restart() throws Exception {
    if (diskBytesAfter < 0) {
      diskBytesPerVector();
    }
    engine.close();
    engine = null;
    long t = System.nanoTime();
    EngineService reopened =
        BenchEngineAccess.open(dir, options.checkpointLogBytes(), options.indexBatch());
    engine = reopened;
    if (!BenchEngineAccess.awaitIndexed(
        reopened, TENANT, COLLECTION, options.indexTimeoutMillis())) {
      throw new IllegalStateException(
          name() + ": not indexed " + options.indexTimeoutMillis() + " ms after the restart");
    }
    double loadSeconds = (System.nanoTime() - t) / 1e9;
    return new Restart(
        checkpointSeconds,
        logBytesBefore,
        diskBytesAfter,
        loadSeconds,
        BenchEngineAccess.graphLoadedFromCheckpoint(reopened, TENANT, COLLECTION),
        info().status());
  }

  @Override
  public void close() throws IOException {
    EngineService e = engine;
    engine = null;
    if (e != null) {
      e.close();
    }
    if (dir != null) {
      deleteTree(dir);
      dir = null;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
