package io.vjvector.engine.internal;

import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Plans a filtered search by how many points the filter is expected to let through.
 *
 * <ul>
 *   <li>The payload indexes (and the id map) narrow the filter to candidate slots when they can.
 *   <li>Few matches: score them exactly. It is cheap, and a graph walk restricted to a small subset
 *       loses its way (the subset's points are rarely each other's neighbours).
 *   <li>Many matches: walk the graph, returning only matching points, with the beam widened in
 *       proportion to how many it has to skip; if that still finds too few, fall back to exact.
 * </ul>
 *
 * Selectivity is measured on a random sample of the candidates (or of all points). Expired points
 * count as not matching, so a search of a collection whose points are expiring is planned here too,
 * with an empty filter.
 */
final class FilterPlanner {
  /** At most this many candidates are always scored exactly. */
  static final int EXACT_CANDIDATES = 20_000;

  /** Below this estimated fraction of matching points, search exactly. */
  static final double EXACT_SELECTIVITY = 0.02;

  /** The widest beam a filtered walk uses. */
  static final int MAX_FILTERED_EF = 4096;

  private static final int SAMPLE = 256;

  /** How the last search was planned, for tests and diagnostics. */
  enum Plan {
    EXACT_CANDIDATES,
    EXACT_SCAN,
    FILTERED_GRAPH,
    GRAPH_FALLBACK_EXACT
  }

  private FilterPlanner() {}

  /** The result and how it was found. */
  record Result(List<ScoredPoint> hits, Plan plan, double selectivity) {}

  /**
   * Caller holds the read lock; {@code graph} is null when the collection has none; points written
   * at or before {@code cutoff} have expired ({@link CollectionStore#NEVER}: none).
   */
  static Result search(
      CollectionStore store,
      HnswGraph graph,
      Distance distance,
      float[] query,
      SearchRequest request,
      BitSet pending,
      int ef,
      long cutoff) {
    Filter filter = request.filter() == null ? Filter.none() : request.filter();
    BitSet candidates = store.indexes().candidates(filter, store::slotOf);
    int live = store.size();
    int window = request.limit() + request.offset();
    if (candidates != null && candidates.cardinality() <= EXACT_CANDIDATES) {
      return new Result(
          ExactSearch.search(store, distance, query, filter, candidates, cutoff, request),
          Plan.EXACT_CANDIDATES,
          -1);
    }
    double selectivity = sampleSelectivity(store, filter, candidates, cutoff);
    if (graph == null || request.exact() || selectivity <= EXACT_SELECTIVITY) {
      return new Result(
          ExactSearch.search(store, distance, query, filter, candidates, cutoff, request),
          Plan.EXACT_SCAN,
          selectivity);
    }
    IntPredicate allowed =
        s ->
            (candidates == null || candidates.get(s))
                && store.writeTimeAt(s) > cutoff
                && filter.test(store.idAt(s), store.payloadAt(s));
    int beam = (int) Math.min(MAX_FILTERED_EF, Math.ceil(Math.max(ef, window) / selectivity));
    List<ScoredPoint> hits =
        GraphSearch.search(store, graph, distance, query, request, pending, allowed, beam);
    long expected = (long) (selectivity * live);
    if (hits.size() < request.limit() && expected > hits.size() + request.offset()) {
      return new Result(
          ExactSearch.search(store, distance, query, filter, candidates, cutoff, request),
          Plan.GRAPH_FALLBACK_EXACT,
          selectivity);
    }
    return new Result(hits, Plan.FILTERED_GRAPH, selectivity);
  }

  /** The fraction of live points the filter accepts and that have not expired, from a sample. */
  static double sampleSelectivity(
      CollectionStore store, Filter filter, BitSet candidates, long cutoff) {
    int end = store.slotCount();
    int live = store.size();
    if (live == 0) {
      return 0;
    }
    SplittableRandom random = new SplittableRandom(end * 31L + live);
    int tried = 0;
    int seen = 0;
    int matched = 0;
    while (seen < SAMPLE && tried < SAMPLE * 16) {
      tried++;
      int slot = random.nextInt(end);
      if (store.idAt(slot) == null) {
        continue;
      }
      seen++;
      if ((candidates == null || candidates.get(slot))
          && store.writeTimeAt(slot) > cutoff
          && filter.test(store.idAt(slot), store.payloadAt(slot))) {
        matched++;
      }
    }
    return seen == 0 ? 0 : matched / (double) seen;
  }
}
