package io.vjvector.engine.internal;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What encryption at rest costs, plaintext against encrypted in one process: upsert throughput,
 * restart by log replay, restart from a checkpoint, and exact search. Not a unit test: run it by
 * hand with {@code java -cp <test classpath> io.vjvector.engine.internal.EncryptionCost [points dim
 * batch rounds]}.
 */
final class EncryptionCost {
  private EncryptionCost() {}

  public static void main(String[] args) throws Exception {
    int points = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Random random = new Random(42);
    List<List<Point>> batches = Fixtures.batches(random, points, dim, batch);
    float[] query = Fixtures.randomVector(random, dim);
    String[] labels = {"upsert s", "replay-open s", "checkpoint-open s", "exact search ms"};
    run(false, batches, dim, query); // warm-up of the JIT, not counted
    run(true, batches, dim, query);
    double[][] plain = new double[rounds][];
    double[][] sealed = new double[rounds][];
    for (int r = 0; r < rounds; r++) {
      plain[r] = run(false, batches, dim, query);
      sealed[r] = run(true, batches, dim, query);
      System.out.printf(
          "round %d plain %s sealed %s%n",
          r, Arrays.toString(plain[r]), Arrays.toString(sealed[r]));
    }
    System.out.printf(
        "%d points x %d dims, batches of %d, median of %d after a warm-up%n",
        points, dim, batch, rounds);
    for (int m = 0; m < labels.length; m++) {
      double p = median(plain, m);
      double s = median(sealed, m);
      System.out.printf("%-18s plain %8.3f  encrypted %8.3f  ratio %.2f%n", labels[m], p, s, s / p);
    }
    System.out.printf(
        "upsert throughput  plain %.0f/s  encrypted %.0f/s%n",
        points / median(plain, 0), points / median(sealed, 0));
  }

  private static double[] run(boolean encrypted, List<List<Point>> batches, int dim, float[] query)
      throws Exception {
    Path dir = Files.createTempDirectory("vjv-enc-cost");
    // A large log budget so no background checkpoint skews the timing.
    EngineOptions options =
        new EngineOptions(
            1L << 40,
            EngineOptions.DEFAULTS.indexBatch(),
            EncryptionOptions.DEFAULTS.withEnabled(encrypted).withEnvironment(name -> null));
    double[] result = new double[4];
    try {
      try (EngineService engine = new EngineService(dir, options)) {
        engine.createCollection("t", new CollectionSpec("c", dim, Distance.COSINE));
        long t0 = System.nanoTime();
        for (List<Point> b : batches) {
          engine.upsert("t", "c", b);
        }
        result[0] = (System.nanoTime() - t0) / 1e9;
      }
      long t1 = System.nanoTime();
      try (EngineService engine = new EngineService(dir, options)) {
        result[1] = (System.nanoTime() - t1) / 1e9;
        engine.checkpoint("t", "c");
      }
      long t2 = System.nanoTime();
      try (EngineService engine = new EngineService(dir, options)) {
        result[2] = (System.nanoTime() - t2) / 1e9;
        SearchRequest exact =
            new SearchRequest(query, 10, 0, null, null, false, null, false, true, null);
        for (int i = 0; i < 5; i++) {
          engine.search("t", "c", exact);
        }
        long t3 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
          engine.search("t", "c", exact);
        }
        result[3] = (System.nanoTime() - t3) / 1e6 / 20;
      }
    } finally {
      FileSync.deleteRecursively(dir);
    }
    return result;
  }

  private static double median(double[][] runs, int metric) {
    double[] v = new double[runs.length];
    for (int i = 0; i < runs.length; i++) {
      v[i] = runs[i][metric];
    }
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
