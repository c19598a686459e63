package io.vjvector.engine.internal;

import io.vjvector.engine.ScoredPoint;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * Brute-force nearest neighbours: scores every live point that passes the filter. Exact, so it is
 * also the reference an approximate index will be checked against.
 */
final class ExactSearch {
  private ExactSearch() {}

  /** Caller holds the store's read lock and has validated the query. */
  static List<ScoredPoint> search(
      CollectionStore store,
      Distance distance,
      float[] query,
      int limit,
      Filter filter,
      boolean withPayload,
      boolean withVector) {
    int live = store.size();
    if (live == 0) {
      return List.of();
    }
    boolean filtered = filter != null && !filter.isEmpty();
    VectorSlab vectors = store.vectors();
    int dim = vectors.dimension();
    double queryNorm = distance == Distance.COSINE ? VectorMath.norm(query) : 0;
    TopK top = new TopK(Math.min(limit, live), distance.higherIsCloser(), store::idAt);
    for (int slot = 0, end = store.slotCount(); slot < end; slot++) {
      if (store.idAt(slot) == null
          || (filtered && !filter.test(store.idAt(slot), store.payloadAt(slot)))) {
        continue;
      }
      float score =
          VectorMath.score(
              distance,
              query,
              queryNorm,
              vectors.chunk(slot),
              vectors.offset(slot),
              dim,
              store.normAt(slot));
      top.offer(score, slot);
    }
    int n = top.size();
    int[] slots = new int[n];
    float[] scores = new float[n];
    top.drainClosestFirst(slots, scores);
    List<ScoredPoint> hits = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int slot = slots[i];
      hits.add(
          new ScoredPoint(
              store.idAt(slot),
              scores[i],
              withPayload ? store.payloadAt(slot) : null,
              withVector ? vectors.copy(slot) : null));
    }
    return hits;
  }
}
