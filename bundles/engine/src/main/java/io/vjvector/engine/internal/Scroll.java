package io.vjvector.engine.internal;

import io.vjvector.engine.Point;
import io.vjvector.engine.ScrollPage;
import io.vjvector.engine.ScrollRequest;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/** Pages through a store in id order, keeping only a page's worth of ids while it scans. */
final class Scroll {
  private Scroll() {}

  /**
   * Caller holds the store's read lock and has validated the request; points written at or before
   * {@code cutoff} have expired and are skipped.
   */
  static ScrollPage page(CollectionStore store, ScrollRequest request, long cutoff) {
    int want = request.limit() + 1; // one more tells where the next page starts
    PointId from = request.from();
    Filter filter = request.filter();
    boolean filtered = filter != null && !filter.isEmpty();
    PriorityQueue<Integer> largestFirst =
        new PriorityQueue<>(want, (a, b) -> store.idAt(b).compareTo(store.idAt(a)));
    for (int slot = 0, end = store.slotCount(); slot < end; slot++) {
      PointId id = store.idAt(slot);
      if (id == null
          || store.writeTimeAt(slot) <= cutoff
          || (from != null && id.compareTo(from) < 0)
          || (filtered && !filter.test(id, store.payloadAt(slot)))) {
        continue;
      }
      if (largestFirst.size() < want) {
        largestFirst.add(slot);
      } else if (id.compareTo(store.idAt(largestFirst.peek())) < 0) {
        largestFirst.poll();
        largestFirst.add(slot);
      }
    }
    List<Integer> slots = new ArrayList<>(largestFirst);
    slots.sort((a, b) -> store.idAt(a).compareTo(store.idAt(b)));
    PointId next = null;
    if (slots.size() == want) {
      next = store.idAt(slots.remove(want - 1));
    }
    List<Point> points = new ArrayList<>(slots.size());
    for (int slot : slots) {
      points.add(
          new Point(
              store.idAt(slot),
              request.withVector() ? store.vectors().copy(slot) : null,
              request.withPayload() ? store.payloadAt(slot) : null));
    }
    return new ScrollPage(Collections.unmodifiableList(points), next);
  }
}
