package io.vjvector.bench;

import io.vjvector.engine.internal.VjvGraphEngine;
import io.vjvector.sdk.vector.Distance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Recall@10, single-thread QPS, latency percentiles and build rate of VJVector's HNSW and Lucene's
 * on the same data, parameters and JVM run. See bench/README.md.
 */
public final class AnnBenchmark {
  private static final int K = 10;

  private AnnBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int maxQueries = Integer.parseInt(opts.getOrDefault("queries-limit", "1000"));
    Dataset loaded =
        opts.containsKey("fashion-mnist")
            ? Dataset.fashionMnist(Path.of(opts.get("fashion-mnist")), maxQueries)
            : Dataset.vecs(
                Path.of(opts.get("base")),
                Path.of(opts.get("queries")),
                opts.containsKey("gt") ? Path.of(opts.get("gt")) : null,
                maxQueries);
    Dataset data = loaded.groundTruth() != null ? loaded : withExactTruth(loaded);
    int m = Integer.parseInt(opts.getOrDefault("m", "16"));
    int efc = Integer.parseInt(opts.getOrDefault("ef-construction", "100"));
    int[] efs =
        Arrays.stream(opts.getOrDefault("ef", "10,20,40,80,160").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "dataset %s: %d base x %d dims, %d queries, M=%d ef_construction=%d, %s",
            data.name(),
            data.base().length,
            data.base()[0].length,
            data.queries().length,
            m,
            efc,
            System.getProperty("java.vm.version")));
    rows.add(
        "| engine | ef | recall@10 | QPS (1 thread) | p50 ms | p99 ms | build s | vectors/s |");
    rows.add("|---|---|---|---|---|---|---|---|");
    for (String name : opts.getOrDefault("engines", "vjvector,lucene").split(",")) {
      try (AnnEngine engine = engine(name, m, efc)) {
        long t = System.nanoTime();
        engine.build(data.base());
        double buildSeconds = (System.nanoTime() - t) / 1e9;
        for (int ef : efs) {
          rows.add(measure(engine, data, ef, buildSeconds));
          System.out.println(rows.get(rows.size() - 1));
        }
      }
    }
    String table = String.join("\n", rows) + "\n";
    System.out.println(table);
    if (opts.containsKey("out")) {
      Files.writeString(Path.of(opts.get("out")), table);
    }
  }

  private static Dataset withExactTruth(Dataset data) {
    long t = System.nanoTime();
    int[][] truth =
        IntStream.range(0, data.queries().length)
            .parallel()
            .mapToObj(q -> VjvGraphEngine.exact(data.base(), data.queries()[q], K, Distance.EUCLID))
            .toArray(int[][]::new);
    System.out.printf(Locale.ROOT, "exact ground truth: %.1f s%n", (System.nanoTime() - t) / 1e9);
    return data.withGroundTruth(truth);
  }

  private static String measure(AnnEngine engine, Dataset data, int ef, double buildSeconds)
      throws Exception {
    float[][] queries = data.queries();
    for (int i = 0; i < Math.min(200, queries.length); i++) {
      engine.search(queries[i], K, ef); // warm-up
    }
    long[] latencies = new long[queries.length];
    int found = 0;
    long start = System.nanoTime();
    for (int q = 0; q < queries.length; q++) {
      long t = System.nanoTime();
      int[] ids = engine.search(queries[q], K, ef);
      latencies[q] = System.nanoTime() - t;
      Set<Integer> truth = new HashSet<>();
      for (int id : data.groundTruth()[q]) {
        truth.add(id);
      }
      for (int id : ids) {
        if (truth.contains(id)) {
          found++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.4f | %.0f | %.3f | %.3f | %.1f | %.0f |",
        engine.name(),
        ef,
        found / (double) (queries.length * K),
        queries.length / seconds,
        latencies[latencies.length / 2] / 1e6,
        latencies[(int) (latencies.length * 0.99)] / 1e6,
        buildSeconds,
        data.base().length / buildSeconds);
  }

  private static AnnEngine engine(String name, int m, int efc) {
    switch (name) {
      case "lucene":
        return new LuceneEngine(m, efc);
      case "vjvector":
        VjvGraphEngine vjv = new VjvGraphEngine(Distance.EUCLID, m, efc);
        return new AnnEngine() {
          @Override
          public String name() {
            return vjv.name();
          }

          @Override
          public void build(float[][] base) {
            vjv.build(base);
          }

          @Override
          public int[] search(float[] query, int k, int ef) {
            return vjv.search(query, k, ef);
          }
        };
      default:
        throw new IllegalArgumentException("unknown engine " + name);
    }
  }

  private static Map<String, String> options(String[] args) throws IOException {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IOException(
            "usage: --fashion-mnist DIR | --base F --queries F [--gt F]"
                + " [--queries-limit N] [--ef 10,20,40] [--m 16] [--ef-construction 100]"
                + " [--engines vjvector,lucene] [--out FILE]");
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }
}
