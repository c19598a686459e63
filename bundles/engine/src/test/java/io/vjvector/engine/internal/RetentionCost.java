package io.vjvector.engine.internal;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Point;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What retention costs readers and writers, in one process, encrypted: a collection without
 * retention, one with a retention nothing has reached yet, and one where a tenth of the points
 * expired and wait for the sweep. Not a unit test: run it by hand with {@code java -cp <test
 * classpath> io.vjvector.engine.internal.RetentionCost [points dim batch rounds]}.
 */
final class RetentionCost {
  private static final long T0 = 1_700_000_000_000L;
  private static final String[] SCENARIOS = {"none", "retention", "10% expired"};
  private static final String[] LABELS = {
    "upsert s", "exact search ms", "hnsw search ms", "count ms", "get 100 ms"
  };

  private RetentionCost() {}

  public static void main(String[] args) throws Exception {
    int points = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Random random = new Random(42);
    List<List<Point>> batches = Fixtures.batches(random, points, dim, batch);
    float[][] queries = new float[50][];
    for (int q = 0; q < queries.length; q++) {
      queries[q] = Fixtures.randomVector(random, dim);
    }
    for (int s = 0; s < SCENARIOS.length; s++) {
      run(s, batches, dim, queries); // warm-up of the JIT, not counted
    }
    double[][][] results = new double[SCENARIOS.length][rounds][];
    for (int r = 0; r < rounds; r++) {
      for (int s = 0; s < SCENARIOS.length; s++) {
        results[s][r] = run(s, batches, dim, queries);
        System.out.printf("round %d %-12s %s%n", r, SCENARIOS[s], Arrays.toString(results[s][r]));
      }
    }
    System.out.printf(
        "%d points x %d dims, batches of %d, encrypted, median of %d after a warm-up%n",
        points, dim, batch, rounds);
    for (int m = 0; m < LABELS.length; m++) {
      double base = median(results[0], m);
      System.out.printf("%-16s none %8.3f", LABELS[m], base);
      for (int s = 1; s < SCENARIOS.length; s++) {
        double v = median(results[s], m);
        System.out.printf("  %s %8.3f (x%.2f)", SCENARIOS[s], v, v / base);
      }
      System.out.println();
    }
  }

  private static double[] run(int scenario, List<List<Point>> batches, int dim, float[][] queries)
      throws Exception {
    Path dir = Files.createTempDirectory("vjv-ret-cost");
    RetentionTest.TestClock clock = new RetentionTest.TestClock(T0);
    EngineOptions options =
        new EngineOptions(
                1L << 40,
                EngineOptions.DEFAULTS.indexBatch(),
                EncryptionOptions.DEFAULTS.withEnabled(true).withEnvironment(name -> null))
            .with(new EngineOptions.Expiry(clock, 0, 10_000));
    Duration retention = scenario == 0 ? null : Duration.ofHours(2);
    double[] result = new double[LABELS.length];
    try (EngineService engine = new EngineService(dir, options)) {
      engine.createCollection(
          "t", new CollectionSpec("c", dim, Distance.COSINE, null, null, null, retention));
      long t0 = System.nanoTime();
      for (int b = 0; b < batches.size(); b++) {
        // the first tenth written an hour before the rest
        clock.set(b < batches.size() / 10 ? T0 : T0 + Duration.ofHours(1).toMillis());
        engine.upsert("t", "c", batches.get(b));
      }
      result[0] = (System.nanoTime() - t0) / 1e9;
      engine.awaitIndexed("t", "c", 600_000);
      // 10% expired: past the first tenth's deadline; otherwise an hour before any deadline
      clock.set(T0 + Duration.ofHours(scenario == 2 ? 2 : 1).toMillis() + 1);
      result[1] = searchMillis(engine, queries, true);
      result[2] = searchMillis(engine, queries, false);
      result[3] = timed(20, () -> engine.count("t", "c", Filter.none()));
      List<PointId> ids = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        ids.add(PointId.of(i * 97L % (batches.size() * batches.get(0).size())));
      }
      result[4] = timed(200, () -> engine.get("t", "c", ids));
    } finally {
      FileSync.deleteRecursively(dir);
    }
    return result;
  }

  private static double searchMillis(EngineService engine, float[][] queries, boolean exact) {
    int[] next = {0};
    return timed(
        exact ? 50 : 3000,
        () ->
            engine.search(
                "t",
                "c",
                new SearchRequest(
                    queries[next[0]++ % queries.length],
                    10,
                    0,
                    null,
                    null,
                    false,
                    null,
                    false,
                    exact,
                    null)));
  }

  /** Milliseconds per call, after a few calls of warm-up. */
  private static double timed(int calls, Runnable call) {
    for (int i = 0; i < Math.max(3, calls / 10); i++) {
      call.run();
    }
    long t = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      call.run();
    }
    return (System.nanoTime() - t) / 1e6 / calls;
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
