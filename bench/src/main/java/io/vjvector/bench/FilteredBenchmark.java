package io.vjvector.bench;

import io.vjvector.engine.PayloadIndexType;
import io.vjvector.engine.internal.BenchEngineAccess;
import io.vjvector.engine.internal.VjvGraphEngine;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * VJVector's filtered search. For a selectivity {@code s}, base vector {@code i} gets the payload
 * {@code {"bucket": i % B}} with {@code B = round(1/s)}, and query {@code q} asks for the 10
 * nearest with {@code bucket == q % B}; the truth is the exact filtered top 10, by brute force over
 * the matching base vectors. One collection per selectivity, searched without a payload index and
 * then, after an INTEGER index on {@code bucket} is created, with one (as {@code --filter-index}
 * says). Collection and truth use the run's {@code --metric}.
 */
final class FilteredBenchmark {
  static final String FIELD = "bucket";

  private FilteredBenchmark() {}

  /** The table: a description line, the header, the separator, one row per run. */
  static List<String> run(Dataset data, AnnBenchmark.Settings s, Consumer<String> progress)
      throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "filtered search, vjvector-%s, metric %s: payload {\"%s\": i %% B}, query q"
                + " filters on %s == q %% B, B = round(1/selectivity); truth = exact filtered top"
                + " %d; %d queries, query threads 1 and %d",
            s.filterQuantization().wireName(),
            s.metric().wireName(),
            FIELD,
            FIELD,
            AnnBenchmark.K,
            data.queries().length,
            s.queryThreads()));
    rows.add(
        "| selectivity | B | matches/query | payload index | ef | plan (explain) | est."
            + " selectivity | recall@10 | QPS 1 thread | QPS "
            + s.queryThreads()
            + " threads | p50 us | p99 us | build s | index s | load avg |");
    rows.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    progress.accept(rows.get(0));
    for (double selectivity : s.filterSelectivities()) {
      int buckets = (int) Math.max(1, Math.round(1 / selectivity));
      int[][] truth = filteredTruth(data, buckets, s.metric().distance());
      Filter[] filters = new Filter[Math.min(buckets, data.queries().length)];
      for (int b = 0; b < filters.length; b++) {
        filters[b] = Filter.must(List.of(new Filter.Match(FIELD, (long) b)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(s.queryThreads());
      try (VjvEngine engine = new VjvEngine(s.vjv(s.filterQuantization()))) {
        engine.build(data.base(), i -> Map.of(FIELD, (long) (i % buckets)));
        double buildSeconds = engine.lastBuild().seconds();
        boolean indexed = false;
        double indexSeconds = Double.NaN;
        for (boolean withIndex : s.filterIndex()) {
          if (withIndex && !indexed) {
            long t = System.nanoTime();
            engine.createPayloadIndex(FIELD, PayloadIndexType.INTEGER);
            indexSeconds = (System.nanoTime() - t) / 1e9;
            indexed = true;
          }
          if (!withIndex && indexed) {
            throw new IllegalArgumentException("runs without the index come first");
          }
          System.gc();
          for (int ef : s.filterEfs()) {
            String plan = plans(engine, data, filters, ef);
            AnnBenchmark.Measured m =
                AnnBenchmark.measure(
                    "filtered " + selectivity + " ef=" + ef,
                    q ->
                        engine.search(
                            data.queries()[q], AnnBenchmark.K, ef, filters[q % filters.length]),
                    truth,
                    s.queryThreads(),
                    pool);
            rows.add(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %d | %s | %.4f | %.0f | %.0f | %.0f | %.0f | %.1f | %s"
                        + " | %s |",
                    selectivity,
                    buckets,
                    (data.base().length + buckets - 1) / buckets,
                    withIndex ? "integer" : "none",
                    ef,
                    plan,
                    m.recall(),
                    m.qps1(),
                    m.qpsN(),
                    m.p50Micros(),
                    m.p99Micros(),
                    buildSeconds,
                    withIndex ? String.format(Locale.ROOT, "%.2f", indexSeconds) : "-",
                    AnnBenchmark.loadAverage()));
            progress.accept(rows.get(rows.size() - 1));
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return rows;
  }

  /**
   * How the engine plans every query (one untimed pass through {@code explain}): the plans with
   * their counts when they differ, and the mean sampled selectivity ({@code -} when no query
   * sampled it) as a second cell.
   */
  private static String plans(VjvEngine engine, Dataset data, Filter[] filters, int ef) {
    Map<String, Integer> counts = new TreeMap<>();
    double sampled = 0;
    int sampledQueries = 0;
    for (int q = 0; q < data.queries().length; q++) {
      BenchEngineAccess.Explained e =
          engine.explain(data.queries()[q], AnnBenchmark.K, ef, filters[q % filters.length]);
      counts.merge(e.plan(), 1, Integer::sum);
      if (e.selectivity() >= 0) {
        sampled += e.selectivity();
        sampledQueries++;
      }
    }
    String plan =
        counts.size() == 1
            ? counts.keySet().iterator().next()
            : counts.entrySet().stream()
                .map(c -> c.getKey() + " " + c.getValue())
                .collect(Collectors.joining(", "));
    String estimate =
        sampledQueries == 0 ? "-" : String.format(Locale.ROOT, "%.3f", sampled / sampledQueries);
    return plan + " | " + estimate;
  }

  /**
   * The exact top 10 of every query among the base vectors of its bucket: bucket {@code b} holds
   * base ids {@code b, b + B, b + 2B, ...}, so position {@code p} in it is id {@code b + p * B}.
   */
  static int[][] filteredTruth(Dataset data, int buckets, Distance distance) {
    long t = System.nanoTime();
    float[][] base = data.base();
    double[] norms = distance == Distance.COSINE ? VjvGraphEngine.norms(base) : null;
    float[][][] members = new float[buckets][][];
    double[][] memberNorms = new double[buckets][];
    for (int b = 0; b < buckets; b++) {
      int n = b < base.length ? (base.length - b + buckets - 1) / buckets : 0;
      members[b] = new float[n][];
      memberNorms[b] = norms == null ? null : new double[n];
      for (int p = 0; p < n; p++) {
        members[b][p] = base[b + p * buckets];
        if (norms != null) {
          memberNorms[b][p] = norms[b + p * buckets];
        }
      }
    }
    int[][] truth =
        IntStream.range(0, data.queries().length)
            .parallel()
            .mapToObj(
                q -> {
                  int b = q % buckets;
                  if (members[b].length == 0) {
                    return new int[0];
                  }
                  int[] pos =
                      VjvGraphEngine.exact(
                          members[b], memberNorms[b], data.queries()[q], AnnBenchmark.K, distance);
                  int[] ids = new int[pos.length];
                  for (int i = 0; i < pos.length; i++) {
                    ids[i] = b + pos[i] * buckets;
                  }
                  return ids;
                })
            .toArray(int[][]::new);
    System.out.printf(
        Locale.ROOT,
        "exact filtered ground truth, B=%d: %.1f s%n",
        buckets,
        (System.nanoTime() - t) / 1e9);
    return truth;
  }
}
