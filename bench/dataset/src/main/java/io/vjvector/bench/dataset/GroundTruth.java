package io.vjvector.bench.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact top-k by dot product (= cosine on unit vectors), brute force. Queries are taken in blocks
 * so that each base vector is read from memory once per block, not once per query. Ties go to the
 * lower base id.
 */
final class GroundTruth {

  private static final int QUERY_BLOCK = 32;

  private GroundTruth() {}

  static int[][] topK(float[][] base, float[][] queries, int k, int threads)
      throws InterruptedException {
    int[][] out = new int[queries.length][];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  int from;
                  while ((from = next.getAndAdd(QUERY_BLOCK)) < queries.length) {
                    int to = Math.min(queries.length, from + QUERY_BLOCK);
                    block(base, queries, from, to, k, out);
                    done.addAndGet(to - from);
                  }
                }));
      }
      long lastReport = System.nanoTime();
      for (Future<?> f : futures) {
        while (true) {
          try {
            f.get(5, TimeUnit.SECONDS);
            break;
          } catch (java.util.concurrent.TimeoutException e) {
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
              lastReport = System.nanoTime();
              double s = (lastReport - start) / 1e9;
              int d = done.get();
              System.out.printf(
                  "groundtruth: %d/%d queries, %.0f s, ETA %.0f s%n",
                  d, queries.length, s, d == 0 ? Double.NaN : s * (queries.length - d) / d);
            }
          } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private static void block(
      float[][] base, float[][] queries, int from, int to, int k, int[][] out) {
    int n = to - from;
    TopK[] heaps = new TopK[n];
    for (int j = 0; j < n; j++) {
      heaps[j] = new TopK(Math.min(k, base.length));
    }
    for (int i = 0; i < base.length; i++) {
      float[] x = base[i];
      for (int j = 0; j < n; j++) {
        heaps[j].offer(dot(x, queries[from + j]), i);
      }
    }
    for (int j = 0; j < n; j++) {
      out[from + j] = heaps[j].sortedIds();
    }
  }

  /** Eight independent sums, so the loop is not one long dependency chain. */
  static float dot(float[] a, float[] b) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int d = 0;
    int end = a.length & ~7;
    for (; d < end; d += 8) {
      s0 += a[d] * b[d];
      s1 += a[d + 1] * b[d + 1];
      s2 += a[d + 2] * b[d + 2];
      s3 += a[d + 3] * b[d + 3];
      s4 += a[d + 4] * b[d + 4];
      s5 += a[d + 5] * b[d + 5];
      s6 += a[d + 6] * b[d + 6];
      s7 += a[d + 7] * b[d + 7];
    }
    for (; d < a.length; d++) {
      s0 += a[d] * b[d];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** Bounded min-heap of (score, id); the root is the weakest kept. */
  static final class TopK {
    private final float[] scores;
    private final int[] ids;
    private int size;

    TopK(int k) {
      scores = new float[k];
      ids = new int[k];
    }

    void offer(float score, int id) {
      if (size < scores.length) {
        int i = size++;
        scores[i] = score;
        ids[i] = id;
        while (i > 0) {
          int parent = (i - 1) >>> 1;
          if (!weaker(i, parent)) {
            break;
          }
          swap(i, parent);
          i = parent;
        }
      } else if (score > scores[0] || (score == scores[0] && id < ids[0])) {
        scores[0] = score;
        ids[0] = id;
        int i = 0;
        while (true) {
          int l = 2 * i + 1;
          if (l >= size) {
            break;
          }
          int r = l + 1;
          int w = r < size && weaker(r, l) ? r : l;
          if (!weaker(w, i)) {
            break;
          }
          swap(w, i);
          i = w;
        }
      }
    }

    /** Lower score, or equal score and higher id. */
    private boolean weaker(int a, int b) {
      return scores[a] < scores[b] || (scores[a] == scores[b] && ids[a] > ids[b]);
    }

    private void swap(int a, int b) {
      float s = scores[a];
      scores[a] = scores[b];
      scores[b] = s;
      int t = ids[a];
      ids[a] = ids[b];
      ids[b] = t;
    }

    /** Ids, best first. */
    int[] sortedIds() {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(
          order,
          (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : ids[a] - ids[b]);
      int[] out = new int[size];
      for (int i = 0; i < size; i++) {
        out[i] = ids[order[i]];
      }
      return out;
    }
  }
}
