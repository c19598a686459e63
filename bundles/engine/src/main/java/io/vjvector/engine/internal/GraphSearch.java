package io.vjvector.engine.internal;

import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import java.util.ArrayList;
import java.util.List;

/** Approximate nearest neighbours through the collection's {@link HnswGraph}. */
final class GraphSearch {
  /** The default beam width of a query. */
  static final int DEFAULT_EF = 64;

  private GraphSearch() {}

  /** Caller holds the store's read lock and has validated the request. */
  static List<ScoredPoint> search(
      CollectionStore store,
      HnswGraph graph,
      Distance distance,
      float[] query,
      SearchRequest request) {
    int window = request.limit() + request.offset();
    int ef = Math.max(window, request.ef() == null ? DEFAULT_EF : request.ef());
    double queryNorm = VectorMath.norm(query);
    int[] slots = graph.search(query, queryNorm, window, ef, s -> store.idAt(s) != null);
    Float threshold = request.scoreThreshold();
    List<ScoredPoint> hits = new ArrayList<>(Math.min(slots.length, request.limit()));
    int skipped = 0;
    for (int slot : slots) {
      float score = store.score(distance, query, queryNorm, slot);
      if (!VectorMath.within(distance, score, threshold)) {
        break; // closest first: every later one is farther still
      }
      if (skipped++ < request.offset()) {
        continue;
      }
      hits.add(ExactSearch.hit(store, slot, score, request));
    }
    return hits;
  }
}
