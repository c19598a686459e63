package io.vjvector.engine.internal;

import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brute-force nearest neighbours: scores every live point that passes the filter. Exact, so it is
 * also the reference an approximate index will be checked against.
 */
final class ExactSearch {
  private ExactSearch() {}

  /**
   * Caller holds the store's read lock and has validated the request; {@code query} is its vector,
   * {@code filter} the filter to apply (the request's, possibly narrowed).
   */
  static List<ScoredPoint> search(
      CollectionStore store,
      Distance distance,
      float[] query,
      Filter filter,
      SearchRequest request) {
    return search(store, distance, query, filter, null, CollectionStore.NEVER, request);
  }

  /**
   * Like {@link #search(CollectionStore, Distance, float[], Filter, SearchRequest)}, scanning only
   * {@code candidates} (a superset of the filter's matches from the payload indexes) when given,
   * and skipping points written at or before {@code cutoff} (expired).
   */
  static List<ScoredPoint> search(
      CollectionStore store,
      Distance distance,
      float[] query,
      Filter filter,
      BitSet candidates,
      long cutoff,
      SearchRequest request) {
    int live = store.size();
    int window = request.limit() + request.offset();
    if (live == 0 || request.offset() >= live) {
      return List.of();
    }
    boolean filtered = filter != null && !filter.isEmpty();
    Float threshold = request.scoreThreshold();
    boolean higherIsCloser = distance.higherIsCloser();
    double queryNorm = distance == Distance.COSINE ? VectorMath.norm(query) : 0;
    TopK top = new TopK(Math.min(window, live), higherIsCloser, store::idAt);
    store.forEachMatch(
        filtered ? filter : null,
        candidates,
        cutoff,
        slot -> {
          float score = store.score(distance, query, queryNorm, slot);
          if (VectorMath.within(distance, score, threshold)) {
            top.offer(score, slot);
          }
        });
    return hits(store, top, request);
  }

  /** The best of {@code top}, closest first, after the request's offset. */
  static List<ScoredPoint> hits(CollectionStore store, TopK top, SearchRequest request) {
    int n = top.size();
    int[] slots = new int[n];
    float[] scores = new float[n];
    top.drainClosestFirst(slots, scores);
    List<ScoredPoint> hits = new ArrayList<>(Math.max(0, n - request.offset()));
    for (int i = request.offset(); i < n; i++) {
      hits.add(hit(store, slots[i], scores[i], request));
    }
    return hits;
  }

  /** A hit carrying what the request asked for. */
  static ScoredPoint hit(CollectionStore store, int slot, float score, SearchRequest request) {
    return new ScoredPoint(
        store.idAt(slot),
        score,
        request.withPayload() ? project(store.payloadAt(slot), request.payloadFields()) : null,
        request.withVector() ? store.vectors().copy(slot) : null);
  }

  /** The payload, or only the listed top-level fields of it. */
  static Map<String, Object> project(Map<String, Object> payload, List<String> fields) {
    if (fields == null) {
      return payload;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields) {
      if (payload.containsKey(f)) {
        out.put(f, payload.get(f));
      }
    }
    return out;
  }
}
