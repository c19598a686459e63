package io.vjvector.bench.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a finished output directory and prints the nearest neighbours of a few queries. */
final class Verify {

  private static final int SPOT_CHECKS = 20;

  private Verify() {}

  static void run(Path dir, int shown) throws IOException {
    float[][] base = Vecs.readFvecs(dir.resolve("base.fvecs"));
    float[][] queries = Vecs.readFvecs(dir.resolve("queries.fvecs"));
    int[][] truth = Vecs.readIvecs(dir.resolve("groundtruth.ivecs"));
    List<String> baseTexts = new ArrayList<>();
    List<String> queryTexts = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("texts.txt"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 4);
      (f[0].equals("base") ? baseTexts : queryTexts).add(f[3]);
    }
    System.out.printf(
        "verify: base %d x %d, queries %d x %d, groundtruth %d x %d, texts %d + %d%n",
        base.length,
        base.length == 0 ? 0 : base[0].length,
        queries.length,
        queries.length == 0 ? 0 : queries[0].length,
        truth.length,
        truth.length == 0 ? 0 : truth[0].length,
        baseTexts.size(),
        queryTexts.size());
    check(base.length == baseTexts.size(), "base count != base texts");
    check(queries.length == queryTexts.size(), "query count != query texts");
    check(truth.length == queries.length, "groundtruth rows != queries");
    Set<String> baseSet = new HashSet<>(baseTexts);
    check(baseSet.size() == baseTexts.size(), "duplicate base texts");
    for (String q : queryTexts) {
      check(!baseSet.contains(q), "query text also in base: " + q);
    }
    double minNorm = Double.MAX_VALUE;
    double maxNorm = 0;
    for (float[][] set : new float[][][] {base, queries}) {
      for (float[] v : set) {
        check(v.length == MiniLmDataset.DIM, "dimension " + v.length);
        double n = 0;
        for (float x : v) {
          check(Float.isFinite(x), "non-finite component");
          n += (double) x * x;
        }
        n = Math.sqrt(n);
        minNorm = Math.min(minNorm, n);
        maxNorm = Math.max(maxNorm, n);
      }
    }
    System.out.printf("verify: norms in [%.6f, %.6f]%n", minNorm, maxNorm);
    check(minNorm > 0.999 && maxNorm < 1.001, "vectors are not unit length");
    for (int[] row : truth) {
      Set<Integer> seen = new HashSet<>();
      for (int id : row) {
        check(id >= 0 && id < base.length && seen.add(id), "bad groundtruth id " + id);
      }
    }

    // Independent recomputation (double precision, full sort) for a spread of queries.
    int spots = Math.min(SPOT_CHECKS, queries.length);
    long hits = 0;
    long total = 0;
    for (int s = 0; s < spots; s++) {
      int q = (int) ((long) s * queries.length / spots);
      int k = truth[q].length;
      double[] scores = new double[base.length];
      Integer[] order = new Integer[base.length];
      for (int i = 0; i < base.length; i++) {
        double d = 0;
        for (int j = 0; j < queries[q].length; j++) {
          d += (double) queries[q][j] * base[i][j];
        }
        scores[i] = d;
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
      Set<Integer> exact = new HashSet<>();
      for (int i = 0; i < k; i++) {
        exact.add(order[i]);
      }
      for (int id : truth[q]) {
        if (exact.contains(id)) {
          hits++;
        }
      }
      total += k;
      for (int i = 1; i < k; i++) {
        check(
            scores[truth[q][i - 1]] >= scores[truth[q][i]] - 1e-5,
            "groundtruth row " + q + " not sorted by score");
      }
    }
    System.out.printf(
        "verify: groundtruth agrees with a double-precision recomputation on %d queries: %d/%d%n",
        spots, hits, total);
    check(hits >= total - spots, "groundtruth disagrees with recomputation");

    for (int s = 0; s < Math.min(shown, queries.length); s++) {
      int q = (int) ((long) s * queries.length / Math.max(1, shown));
      System.out.printf("%nquery %d: %s%n", q, queryTexts.get(q));
      for (int i = 0; i < Math.min(5, truth[q].length); i++) {
        int id = truth[q][i];
        System.out.printf(
            "  %.3f  base %d: %s%n", GroundTruth.dot(queries[q], base[id]), id, baseTexts.get(id));
      }
    }
    System.out.println("verify: OK");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException("verify: " + message);
    }
  }
}
