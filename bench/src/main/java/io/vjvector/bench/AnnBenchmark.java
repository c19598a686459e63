package io.vjvector.bench;

import io.vjvector.engine.Quantization;
import io.vjvector.engine.internal.BenchEngineAccess;
import io.vjvector.engine.internal.VjvGraphEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Recall@10, query throughput (one thread and several), single-thread latency percentiles, build
 * rate and bytes per vector of VJVector (through its collection path, once per quantization),
 * Lucene's HNSW and jvector's, on the same data, parameters and JVM run; VJVector's memory split,
 * checkpoint and restart; and VJVector's filtered search. See bench/README.md.
 */
public final class AnnBenchmark {
  static final int K = 10;
  private static final int WARMUP_QUERIES = 200;
  private static final String COMMON_POOL_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";
  private static final String USAGE =
      "usage: --fashion-mnist DIR | --base F --queries F [--gt F] | --synthetic N,DIM"
          + " [--metric euclidean|cosine] [--base-limit N] [--queries-limit N] [--seed 42]"
          + " [--ef 10,20,40,80,160] [--m 16]"
          + " [--ef-construction 100] [--engines vjvector,lucene,jvector|none]"
          + " [--build-threads N] [--query-threads 2] [--jvector-alpha 1.2]"
          + " [--jvector-overflow 1.2] [--quantization none,int8,binary] [--upsert-batch 1000]"
          + " [--index-batch 256] [--index-timeout 3600] [--filter-selectivity 0.01,0.1,0.5]"
          + " [--filter-index both|yes|no] [--filter-ef 64] [--filter-quantization none]"
          + " [--out FILE]";
  private static final Set<String> OPTIONS =
      Set.of(
          "fashion-mnist",
          "base",
          "queries",
          "gt",
          "synthetic",
          "metric",
          "base-limit",
          "queries-limit",
          "seed",
          "ef",
          "m",
          "ef-construction",
          "engines",
          "build-threads",
          "query-threads",
          "jvector-alpha",
          "jvector-overflow",
          "quantization",
          "upsert-batch",
          "index-batch",
          "index-timeout",
          "filter-selectivity",
          "filter-index",
          "filter-ef",
          "filter-quantization",
          "out");

  /**
   * What to run.
   *
   * @param engines engine names; {@code vjvector} runs once per entry of {@code quantizations}
   * @param indexTimeoutSeconds how long a VJVector build or restart may wait for its indexer
   * @param filterSelectivities the filtered mode's selectivities; empty: no filtered mode
   * @param filterIndex for each filtered run in order: whether the payload field is indexed
   * @param metric every engine's metric, and the exact ground truth's
   */
  record Settings(
      Metric metric,
      int m,
      int efConstruction,
      int[] efs,
      List<String> engines,
      int buildThreads,
      int queryThreads,
      float jvectorAlpha,
      float jvectorOverflow,
      List<Quantization> quantizations,
      int upsertBatch,
      int indexBatch,
      long indexTimeoutSeconds,
      double[] filterSelectivities,
      List<Boolean> filterIndex,
      int[] filterEfs,
      Quantization filterQuantization) {

    /** The settings of command-line options (without the leading dashes), with the defaults. */
    static Settings of(Map<String, String> opts) {
      String index = opts.getOrDefault("filter-index", "both");
      List<Boolean> filterIndex =
          switch (index) {
            case "both" -> List.of(false, true);
            case "yes" -> List.of(true);
            case "no" -> List.of(false);
            default ->
                throw new IllegalArgumentException(
                    "--filter-index is both, yes or no, not " + index);
          };
      String engines = opts.getOrDefault("engines", "vjvector,lucene,jvector");
      return new Settings(
          Metric.parse(opts.getOrDefault("metric", "euclidean")),
          Integer.parseInt(opts.getOrDefault("m", "16")),
          Integer.parseInt(opts.getOrDefault("ef-construction", "100")),
          ints(opts.getOrDefault("ef", "10,20,40,80,160")),
          engines.equals("none")
              ? List.of()
              : Arrays.stream(engines.split(",")).map(String::trim).toList(),
          Integer.parseInt(
              opts.getOrDefault("build-threads", "" + Runtime.getRuntime().availableProcessors())),
          Integer.parseInt(opts.getOrDefault("query-threads", "2")),
          Float.parseFloat(opts.getOrDefault("jvector-alpha", "1.2")),
          Float.parseFloat(opts.getOrDefault("jvector-overflow", "1.2")),
          Arrays.stream(opts.getOrDefault("quantization", "none").split(","))
              .map(AnnBenchmark::quantization)
              .toList(),
          Integer.parseInt(opts.getOrDefault("upsert-batch", "1000")),
          Integer.parseInt(
              opts.getOrDefault("index-batch", "" + BenchEngineAccess.defaultIndexBatch())),
          Long.parseLong(opts.getOrDefault("index-timeout", "3600")),
          opts.containsKey("filter-selectivity")
              ? Arrays.stream(opts.get("filter-selectivity").split(","))
                  .mapToDouble(AnnBenchmark::selectivity)
                  .toArray()
              : new double[0],
          filterIndex,
          ints(opts.getOrDefault("filter-ef", "64")),
          quantization(opts.getOrDefault("filter-quantization", "none")));
    }

    /** VJVector's options for one quantization. */
    VjvEngine.Options vjv(Quantization quantization) {
      return new VjvEngine.Options(
          metric.distance(),
          m,
          efConstruction,
          quantization,
          upsertBatch,
          indexBatch,
          // no checkpoint of its own during the build: the harness takes one after it
          Long.MAX_VALUE / 4,
          indexTimeoutSeconds * 1000);
    }
  }

  /** The tables of one run, each a description line, a header, a separator and rows. */
  record Report(List<String> ann, List<String> vjvector, List<String> filtered) {
    List<String> lines() {
      List<String> out = new ArrayList<>(ann);
      for (List<String> table : List.of(vjvector, filtered)) {
        if (!table.isEmpty()) {
          out.add("");
          out.addAll(table);
        }
      }
      return out;
    }
  }

  private AnnBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    // VJVector's indexer links on the common pool (plus its own thread): size the pool before
    // anything uses it, unless the JVM was told explicitly.
    if (opts.containsKey("build-threads") && System.getProperty(COMMON_POOL_PARALLELISM) == null) {
      int threads = Integer.parseInt(opts.get("build-threads"));
      System.setProperty(COMMON_POOL_PARALLELISM, "" + Math.max(0, threads - 1));
    }
    Settings settings = Settings.of(opts);
    Dataset data = withExactTruth(load(opts), settings.metric());
    String table =
        String.join("\n", run(data, settings, System.out::println).lines())
            + "\n\nload average at the end: "
            + loadAverage()
            + "\n";
    System.out.println();
    System.out.println(table);
    if (opts.containsKey("out")) {
      Files.writeString(Path.of(opts.get("out")), table);
    }
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }

  private static double selectivity(String value) {
    double s = Double.parseDouble(value.trim());
    if (!(s > 0 && s <= 1)) {
      throw new IllegalArgumentException("a filter selectivity is in (0, 1], not " + value);
    }
    return s;
  }

  private static Quantization quantization(String name) {
    Quantization q = Quantization.fromWire(name.trim());
    if (q == null) {
      throw new IllegalArgumentException("unknown quantization " + name + " (none, int8, binary)");
    }
    return q;
  }

  private static Dataset load(Map<String, String> opts) throws IOException {
    int maxQueries = Integer.parseInt(opts.getOrDefault("queries-limit", "1000"));
    int maxBase =
        opts.containsKey("base-limit")
            ? Integer.parseInt(opts.get("base-limit"))
            : Integer.MAX_VALUE;
    if (opts.containsKey("fashion-mnist")) {
      return Dataset.fashionMnist(Path.of(opts.get("fashion-mnist")), maxBase, maxQueries);
    }
    if (opts.containsKey("synthetic")) {
      String[] shape = opts.get("synthetic").split(",");
      if (shape.length != 2) {
        throw new IOException("--synthetic wants N,DIM; " + USAGE);
      }
      int count = Math.min(maxBase, Integer.parseInt(shape[0]));
      return Dataset.synthetic(
          count,
          maxQueries,
          Integer.parseInt(shape[1]),
          Long.parseLong(opts.getOrDefault("seed", "42")));
    }
    if (!opts.containsKey("base") || !opts.containsKey("queries")) {
      throw new IOException(USAGE);
    }
    if (opts.containsKey("gt") && opts.containsKey("base-limit")) {
      System.out.println("--gt ignored with --base-limit: the exact truth is computed here");
    }
    return Dataset.vecs(
        Path.of(opts.get("base")),
        Path.of(opts.get("queries")),
        opts.containsKey("gt") ? Path.of(opts.get("gt")) : null,
        maxBase,
        maxQueries);
  }

  /** Queries whose given ground truth {@link #checkGivenTruth} recomputes. */
  static final int TRUTH_CHECK_QUERIES = 10;

  /**
   * The data as given when it has ground truth (checked against the exact truth of its first
   * queries), else with the exact top 10 by {@code metric} computed here.
   */
  static Dataset withExactTruth(Dataset data, Metric metric) {
    if (data.groundTruth() != null) {
      String check = checkGivenTruth(data, metric, TRUTH_CHECK_QUERIES);
      String source = data.truth() == null ? "given" : data.truth();
      return data.withGroundTruth(data.groundTruth(), source + ", " + check);
    }
    long t = System.nanoTime();
    double[] norms = metric == Metric.COSINE ? VjvGraphEngine.norms(data.base()) : null;
    int[][] truth =
        IntStream.range(0, data.queries().length)
            .parallel()
            .mapToObj(
                q ->
                    VjvGraphEngine.exact(
                        data.base(), norms, data.queries()[q], K, metric.distance()))
            .toArray(int[][]::new);
    double seconds = (System.nanoTime() - t) / 1e9;
    System.out.printf(Locale.ROOT, "exact %s ground truth: %.1f s%n", metric.wireName(), seconds);
    return data.withGroundTruth(truth, "exact " + metric.wireName() + " top " + K + ", computed");
  }

  /**
   * Checks a given ground truth: a row for every query, ids inside the base, and for the first
   * {@code queries} queries the same top 10 as the exact truth by {@code metric} (a warning when a
   * query shares fewer than 9 of its 10: a near-tie may swap the 10th). A wrong metric on data
   * where it ranks differently, or shifted ids, fail it.
   *
   * @return what was checked, for the report
   * @throws IllegalArgumentException when the truth has too few rows or ids outside the base
   */
  static String checkGivenTruth(Dataset data, Metric metric, int queries) {
    int[][] given = data.groundTruth();
    if (given.length < data.queries().length) {
      throw new IllegalArgumentException(
          "the ground truth has "
              + given.length
              + " rows for "
              + data.queries().length
              + " queries");
    }
    for (int q = 0; q < data.queries().length; q++) {
      if (given[q].length < K) {
        throw new IllegalArgumentException(
            "ground truth row " + q + " has " + given[q].length + " ids, fewer than " + K);
      }
      for (int id : given[q]) {
        if (id < 0 || id >= data.base().length) {
          throw new IllegalArgumentException(
              "ground truth row "
                  + q
                  + " holds id "
                  + id
                  + ", outside the base of "
                  + data.base().length);
        }
      }
    }
    int n = Math.min(queries, data.queries().length);
    long t = System.nanoTime();
    double[] norms = metric == Metric.COSINE ? VjvGraphEngine.norms(data.base()) : null;
    int[] agree =
        IntStream.range(0, n)
            .parallel()
            .map(
                q ->
                    hits(
                        VjvGraphEngine.exact(
                            data.base(), norms, data.queries()[q], K, metric.distance()),
                        given[q]))
            .toArray();
    int total = Arrays.stream(agree).sum();
    String check =
        String.format(
            Locale.ROOT,
            "checked on the first %d queries: %d of %d top-%d ids agree with the exact %s top %d",
            n,
            total,
            n * K,
            K,
            metric.wireName(),
            K);
    System.out.printf(
        Locale.ROOT, "given ground truth %s (%.1f s)%n", check, (System.nanoTime() - t) / 1e9);
    if (Arrays.stream(agree).anyMatch(a -> a < K - 1)) {
      System.out.println(
          "warning: the given ground truth disagrees with the exact "
              + metric.wireName()
              + " truth: per query "
              + Arrays.toString(agree)
              + " of "
              + K
              + " (wrong --metric, or ids that do not match the base?)");
      check += " (WARNING: disagrees)";
    }
    return check;
  }

  /**
   * Builds each engine in turn (VJVector once per quantization), measures it at every ef and closes
   * it; then the filtered mode, if selectivities are given.
   *
   * @param progress gets each table row as soon as it is measured
   */
  static Report run(Dataset data, Settings s, Consumer<String> progress) throws Exception {
    List<String> rows = new ArrayList<>();
    double normDeviation =
        s.metric() == Metric.COSINE
            ? Math.max(
                Metric.maxNormDeviation(data.base()), Metric.maxNormDeviation(data.queries()))
            : Double.NaN;
    String peerFunction = s.metric().peerFunction(normDeviation <= Metric.UNIT_TOLERANCE);
    rows.add(
        String.format(
            Locale.ROOT,
            "dataset %s: %d base x %d dims, %d queries, %s, truth %s, M=%d ef_construction=%d,"
                + " build threads %d (lucene: 1; vjvector: its indexer thread + common pool of"
                + " %d), query threads 1 and %d, %d CPUs, Java %s, VJVector kernels %s,"
                + " load average at start %s",
            data.name(),
            data.base().length,
            data.base()[0].length,
            data.queries().length,
            metricDescription(s.metric(), peerFunction, normDeviation),
            data.truth() == null ? "given" : data.truth(),
            s.m(),
            s.efConstruction(),
            s.buildThreads(),
            java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(),
            s.queryThreads(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.version"),
            BenchEngineAccess.kernels(),
            loadAverage()));
    rows.add(
        "| engine | ef | recall@10 | QPS 1 thread | QPS "
            + s.queryThreads()
            + " threads | p50 us | p99 us | build s | build threads | vectors/s"
            + " | mem B/vector | disk B/vector | load avg |");
    rows.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    progress.accept(rows.get(0));
    List<String> details = new ArrayList<>();
    int restartEf = s.efs()[s.efs().length / 2];
    for (String name : s.engines()) {
      List<Quantization> variants = name.equals("vjvector") ? s.quantizations() : List.of();
      for (Quantization q : variants.isEmpty() ? List.of(Quantization.NONE) : variants) {
        AnnEngine engine =
            name.equals("vjvector") ? new VjvEngine(s.vjv(q)) : engine(name, s, peerFunction);
        runEngine(engine, data, s, rows, progress, details, restartEf);
      }
    }
    if (!details.isEmpty()) {
      details.add(
          0,
          String.format(
              Locale.ROOT,
              "VJVector collections (distance %s): build = upserts of %d points (each batch"
                  + " logged and fsynced)"
                  + " + wait until the background indexer (batches of %d) has linked them all;"
                  + " restart = close, reopen on the same directory, wait until indexed; recall"
                  + " before/after restart at ef=%d",
              s.metric().distance(),
              s.upsertBatch(),
              s.indexBatch(),
              restartEf));
      details.add(
          1,
          "| engine | build s | ingest s | index wait s | build CPU s | vectors/s | floats B/vector"
              + " | graph B/vector | codes B/vector | traversal B/vector | traversal /"
              + " (floats+graph) | log B/vector | disk B/vector | checkpoint s | restart load s"
              + " | graph from checkpoint | recall@10 before / after restart | load avg |");
      details.add(2, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    }
    List<String> filtered =
        s.filterSelectivities().length == 0 ? List.of() : FilteredBenchmark.run(data, s, progress);
    return new Report(rows, details, filtered);
  }

  /** The metric as each engine gets it, for the report. */
  static String metricDescription(Metric metric, String peerFunction, double normDeviation) {
    String d =
        "metric "
            + metric.wireName()
            + " (vjvector "
            + metric.distance()
            + ", lucene and jvector "
            + peerFunction;
    if (metric == Metric.COSINE) {
      d +=
          String.format(
              Locale.ROOT,
              normDeviation <= Metric.UNIT_TOLERANCE
                  ? ": base and queries unit-length, max |norm - 1| %.1e"
                  : ": not all vectors unit-length, max |norm - 1| %.1e",
              normDeviation);
    }
    return d + ")";
  }

  private static void runEngine(
      AnnEngine engine,
      Dataset data,
      Settings s,
      List<String> rows,
      Consumer<String> progress,
      List<String> details,
      int restartEf)
      throws Exception {
    // A pool per engine: thread-locals of a closed engine must not outlive it.
    ExecutorService queryPool = Executors.newFixedThreadPool(s.queryThreads());
    try (engine) {
      long t = System.nanoTime();
      engine.build(data.base());
      double buildSeconds = (System.nanoTime() - t) / 1e9;
      if (engine instanceof VjvEngine v) {
        buildSeconds = v.lastBuild().seconds(); // from the first upsert, without the setup
      }
      double memory = engine.memoryBytesPerVector();
      double disk = engine.diskBytesPerVector();
      System.gc();
      double recallAtRestartEf = Double.NaN;
      for (int ef : s.efs()) {
        Measured q = measure(engine, data, ef, s.queryThreads(), queryPool);
        if (ef == restartEf) {
          recallAtRestartEf = q.recall();
        }
        rows.add(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.4f | %.0f | %.0f | %.0f | %.0f | %.1f | %d | %.0f | %s | %s | %s |",
                engine.name(),
                ef,
                q.recall(),
                q.qps1(),
                q.qpsN(),
                q.p50Micros(),
                q.p99Micros(),
                buildSeconds,
                engine.buildThreads(),
                data.base().length / buildSeconds,
                bytes(memory),
                bytes(disk),
                loadAverage()));
        progress.accept(rows.get(rows.size() - 1));
      }
      if (engine instanceof VjvEngine v) {
        details.add(vjvDetails(v, data, restartEf, recallAtRestartEf));
        progress.accept(details.get(details.size() - 1));
      }
    } finally {
      queryPool.shutdownNow();
    }
  }

  /** The memory split, checkpoint and restart of a built VJVector collection (restarts it). */
  private static String vjvDetails(VjvEngine v, Dataset data, int restartEf, double recallBefore)
      throws Exception {
    VjvEngine.Build b = v.lastBuild();
    double n = data.base().length;
    double floats = b.info().vectorBytes() / n;
    double graph = b.info().graphBytes() / n;
    double codes = b.info().quantizedBytes() / n;
    double traversal = (v.quantization() == Quantization.NONE ? floats : codes) + graph;
    VjvEngine.Restart r = v.restart();
    double recallAfter = recallOnly(v, data, restartEf);
    return String.format(
        Locale.ROOT,
        "| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.3f | %.0f | %.0f | %.2f"
            + " | %.2f | %s | %.4f / %.4f | %s |",
        v.name(),
        b.seconds(),
        b.ingestSeconds(),
        b.indexWaitSeconds(),
        b.cpuSeconds(),
        n / b.seconds(),
        floats,
        graph,
        codes,
        traversal,
        traversal / (floats + graph),
        r.logBytesBefore() / n,
        r.diskBytesAfter() / n,
        r.checkpointSeconds(),
        r.loadSeconds(),
        r.graphLoadedFromCheckpoint() ? "yes" : "no (rebuilt)",
        recallBefore,
        recallAfter,
        loadAverage());
  }

  /** Recall@10 of every query once, from one thread. */
  private static double recallOnly(AnnEngine engine, Dataset data, int ef) throws Exception {
    long found = 0;
    for (int q = 0; q < data.queries().length; q++) {
      found += hits(engine.search(data.queries()[q], K, ef), data.groundTruth()[q]);
    }
    return found / (double) ((long) data.queries().length * K);
  }

  static String bytes(double perVector) {
    return Double.isNaN(perVector) ? "n/a" : String.format(Locale.ROOT, "%.0f", perVector);
  }

  /** The 1-minute load average, or n/a where the system does not say. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      double l =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
    }
  }

  record Measured(double recall, double qps1, double qpsN, double p50Micros, double p99Micros) {}

  /** One query of a benchmark, by its index: the ids found, closest first. */
  interface Query {
    int[] run(int q) throws Exception;
  }

  static Measured measure(AnnEngine engine, Dataset data, int ef, int threads, ExecutorService pool)
      throws Exception {
    float[][] queries = data.queries();
    return measure(
        engine.name() + " ef=" + ef,
        q -> engine.search(queries[q], K, ef),
        data.groundTruth(),
        threads,
        pool);
  }

  /**
   * A warm-up, then every query once from one thread (recall, QPS and latencies), then every query
   * once from each of {@code threads} threads at the same time (QPS over the wall time).
   *
   * @param truth the exact top ids of every query
   */
  static Measured measure(
      String label, Query query, int[][] truth, int threads, ExecutorService pool)
      throws Exception {
    int count = truth.length;
    for (int i = 0; i < Math.min(WARMUP_QUERIES, count); i++) {
      query.run(i);
    }
    long[] latencies = new long[count];
    long found = 0;
    long start = System.nanoTime();
    for (int q = 0; q < count; q++) {
      long t = System.nanoTime();
      int[] ids = query.run(q);
      latencies[q] = System.nanoTime() - t;
      found += hits(ids, truth[q]);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);

    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * count / threads; // threads do not walk the queries in step
      Callable<Long> run =
          () -> {
            ready.countDown();
            go.await();
            long hit = 0;
            for (int i = 0; i < count; i++) {
              int q = (offset + i) % count;
              hit += hits(query.run(q), truth[q]);
            }
            return hit;
          };
      runs.add(pool.submit(run));
    }
    ready.await();
    long parallelStart = System.nanoTime();
    go.countDown();
    long parallelFound = 0;
    for (Future<Long> f : runs) {
      parallelFound += f.get();
    }
    double parallelSeconds = (System.nanoTime() - parallelStart) / 1e9;
    if (parallelFound != found * threads) {
      System.out.printf(
          Locale.ROOT,
          "warning: %s found %d of the true neighbours from %d threads, %d from one%n",
          label,
          parallelFound,
          threads,
          found * threads);
    }
    return new Measured(
        found / (double) ((long) count * K),
        count / seconds,
        (long) count * threads / parallelSeconds,
        latencies[latencies.length / 2] / 1e3,
        latencies[Math.min(latencies.length - 1, (int) (latencies.length * 0.99))] / 1e3);
  }

  static int hits(int[] ids, int[] truth) {
    int n = 0;
    int top = Math.min(K, truth.length);
    for (int id : ids) {
      for (int i = 0; i < top; i++) {
        if (truth[i] == id) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /**
   * A peer engine.
   *
   * @param similarity the {@code VectorSimilarityFunction} constant ({@link Metric#peerFunction})
   */
  static AnnEngine engine(String name, Settings s, String similarity) {
    switch (name) {
      case "lucene":
        return new LuceneEngine(s.m(), s.efConstruction(), similarity);
      case "jvector":
        return new JvectorEngine(
            s.m(),
            s.efConstruction(),
            s.buildThreads(),
            s.jvectorAlpha(),
            s.jvectorOverflow(),
            similarity);
      default:
        throw new IllegalArgumentException(
            "unknown engine " + name + " (vjvector, lucene, jvector)");
    }
  }

  private static Map<String, String> options(String[] args) throws IOException {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IOException(USAGE);
      }
      String key = args[i].substring(2);
      if (!OPTIONS.contains(key)) {
        throw new IOException("unknown option --" + key + "; " + USAGE);
      }
      opts.put(key, args[++i]);
    }
    return opts;
  }
}
