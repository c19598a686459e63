package io.vjvector.engine.internal;

import io.vjvector.engine.Point;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.PointId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * VJVector's engine parts as the benchmark drives them: the collection's in-memory store and its
 * HNSW graph, without the log, locks or REST (those are measured end to end elsewhere).
 */
public final class VjvGraphEngine {
  private final Distance distance;
  private final int m;
  private final int efConstruction;
  private CollectionStore store;
  private HnswGraph graph;
  private int dimension;

  public VjvGraphEngine(Distance distance, int m, int efConstruction) {
    this.distance = distance;
    this.m = m;
    this.efConstruction = efConstruction;
  }

  public String name() {
    return "vjvector hnsw (" + VectorMath.kernels() + ")";
  }

  /** Points get ids 0..n-1 and, with no deletes, slot == id. */
  public void build(float[][] base) {
    dimension = base[0].length;
    store = new CollectionStore(dimension);
    for (int from = 0; from < base.length; from += 1000) {
      List<Point> batch = new ArrayList<>();
      for (int i = from; i < Math.min(base.length, from + 1000); i++) {
        batch.add(new Point(PointId.of(i), base[i], Map.of()));
      }
      store.upsert(batch, System.currentTimeMillis()); // write time: no retention here
    }
    graph = new HnswGraph(store, distance, m, efConstruction);
    graph.buildParallel(); // as a collection's initial build: on the caller's fork-join pool
  }

  public int[] search(float[] query, int k, int ef) {
    return graph.search(query, VectorMath.norm(query), k, ef, s -> true);
  }

  /** Memory held by vectors, as a collection's {@code CollectionInfo.vectorBytes} counts it. */
  public long vectorBytes() {
    return (long) store.slotCount() * dimension * Float.BYTES;
  }

  /** Memory held by the graph's links, as {@code CollectionInfo.graphBytes} counts it. */
  public long graphBytes() {
    return graph.memoryBytes();
  }

  /** A vector's L2 norm, by the engine's own kernel. */
  public static double norm(float[] v) {
    return VectorMath.norm(v);
  }

  /** The L2 norm of every vector (what {@link #exact} reads for cosine). */
  public static double[] norms(float[][] vectors) {
    double[] norms = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      norms[i] = VectorMath.norm(vectors[i]);
    }
    return norms;
  }

  /** Exact top-k by the engine's own kernels, for ground truth. */
  public static int[] exact(float[][] base, float[] query, int k, Distance distance) {
    return exact(base, distance == Distance.COSINE ? norms(base) : null, query, k, distance);
  }

  /**
   * Exact top-k by the engine's own kernels, closest first (for cosine and dot: highest score
   * first).
   *
   * @param norms the base vectors' norms ({@link #norms}); only read for cosine, may be null
   *     otherwise
   */
  public static int[] exact(
      float[][] base, double[] norms, float[] query, int k, Distance distance) {
    double qn = VectorMath.norm(query);
    NodeHeap top = NodeHeap.max(k + 1);
    for (int i = 0; i < base.length; i++) {
      float s =
          VectorMath.score(
              distance, query, qn, base[i], 0, query.length, norms == null ? 0 : norms[i]);
      float d = distance.higherIsCloser() ? -s : s;
      if (top.size() < k || d < top.topDistance()) {
        top.push(d, i);
        if (top.size() > k) {
          top.pop();
        }
      }
    }
    int[] out = new int[top.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = top.pop();
    }
    return out;
  }
}
