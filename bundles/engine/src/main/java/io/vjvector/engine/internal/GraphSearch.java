package io.vjvector.engine.internal;

import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Approximate nearest neighbours through the collection's {@link HnswGraph}, merged with an exact
 * scan of the points the graph has not linked yet, so a write is searchable as soon as it is
 * acknowledged.
 */
final class GraphSearch {
  /** The default beam width of a query. */
  static final int DEFAULT_EF = 64;

  private GraphSearch() {}

  /**
   * Caller holds the store's read lock and has validated the request.
   *
   * @param pending slots the graph does not hold yet (or holds with an old vector), or null
   * @param allowed which live slots may be returned (a filter), or null for all
   * @param ef the beam width to search with
   */
  static List<ScoredPoint> search(
      CollectionStore store,
      HnswGraph graph,
      Distance distance,
      float[] query,
      SearchRequest request,
      BitSet pending,
      IntPredicate allowed,
      int ef) {
    int window = request.limit() + request.offset();
    double queryNorm = VectorMath.norm(query);
    IntPredicate accept =
        s ->
            store.idAt(s) != null
                && (pending == null || !pending.get(s))
                && (allowed == null || allowed.test(s));
    Quantizer quantizer = store.quantizer();
    int[] slots;
    if (quantizer == null) {
      slots = graph.search(query, queryNorm, window, Math.max(window, ef), accept);
    } else {
      // Walk with the compressed codes; every candidate of the beam is re-scored exactly below.
      int beam = Math.max(window, ef) * quantizer.rescoreFactor();
      slots = graph.search(quantizer.scorer(query, store), beam, beam, accept);
    }
    Float threshold = request.scoreThreshold();
    TopK top = new TopK(window, distance.higherIsCloser(), store::idAt);
    for (int slot : slots) {
      float score = store.score(distance, query, queryNorm, slot);
      if (VectorMath.within(distance, score, threshold)) {
        top.offer(score, slot);
      }
    }
    if (pending != null) {
      for (int s = pending.nextSetBit(0); s >= 0; s = pending.nextSetBit(s + 1)) {
        if (store.idAt(s) == null || (allowed != null && !allowed.test(s))) {
          continue;
        }
        float score = store.score(distance, query, queryNorm, s);
        if (VectorMath.within(distance, score, threshold)) {
          top.offer(score, s);
        }
      }
    }
    return ExactSearch.hits(store, top, request);
  }
}
