package io.vjvector.engine.internal;

import io.vjvector.engine.Point;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection's points in memory, addressed by slot. Deleted slots are reused, so slot numbers
 * stay dense and scans skip few holes. Not thread-safe: {@link Collection} guards it with a
 * read-write lock.
 *
 * <p>Points handed in must already be validated and owned by the engine (see {@link
 * RequestValidator}); payload maps are stored as given and shared with readers, which is safe
 * because they are unmodifiable.
 */
final class CollectionStore {
  private final VectorSlab vectors;
  private final Map<PointId, Integer> slotsById = new HashMap<>();
  private PointId[] ids = new PointId[16];
  private Object[] payloads = new Object[16];
  private double[] norms = new double[16];
  private int slotCount;
  private int[] freeSlots = new int[16];
  private int freeCount;

  CollectionStore(int dimension) {
    this.vectors = new VectorSlab(dimension);
  }

  /** Returns the slot each point went to, in order. */
  int[] upsert(List<Point> points) {
    int[] slots = new int[points.size()];
    int i = 0;
    for (Point p : points) {
      Integer existing = slotsById.get(p.id());
      int slot = existing != null ? existing : allocate();
      slots[i++] = slot;
      vectors.set(slot, p.vector());
      norms[slot] = VectorMath.norm(p.vector());
      payloads[slot] = p.payload();
      if (existing == null) {
        ids[slot] = p.id();
        slotsById.put(p.id(), slot);
      }
    }
    return slots;
  }

  /** Returns how many of the ids were present. */
  int delete(List<PointId> toDelete) {
    int deleted = 0;
    for (PointId id : toDelete) {
      Integer slot = slotsById.remove(id);
      if (slot == null) {
        continue;
      }
      ids[slot] = null;
      payloads[slot] = null;
      if (freeCount == freeSlots.length) {
        freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
      }
      freeSlots[freeCount++] = slot;
      deleted++;
    }
    return deleted;
  }

  boolean contains(PointId id) {
    return slotsById.containsKey(id);
  }

  /** The point with a fresh copy of its vector, or null. */
  Point get(PointId id) {
    Integer slot = slotsById.get(id);
    return slot == null ? null : new Point(id, vectors.copy(slot), payloadAt(slot));
  }

  long count(Filter filter) {
    if (filter == null || filter.isEmpty()) {
      return size();
    }
    long n = 0;
    for (int slot = 0; slot < slotCount; slot++) {
      if (ids[slot] != null && filter.test(ids[slot], payloadAt(slot))) {
        n++;
      }
    }
    return n;
  }

  int size() {
    return slotsById.size();
  }

  /** One past the highest slot ever used; scans run over {@code [0, slotCount())}. */
  int slotCount() {
    return slotCount;
  }

  /** The id in a slot, or null if the slot is free. */
  PointId idAt(int slot) {
    return ids[slot];
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> payloadAt(int slot) {
    return (Map<String, Object>) payloads[slot];
  }

  double normAt(int slot) {
    return norms[slot];
  }

  /** The score of a slot's vector against a query whose norm is {@code queryNorm}. */
  float score(Distance distance, float[] query, double queryNorm, int slot) {
    return VectorMath.score(
        distance,
        query,
        queryNorm,
        vectors.chunk(slot),
        vectors.offset(slot),
        vectors.dimension(),
        norms[slot]);
  }

  VectorSlab vectors() {
    return vectors;
  }

  private int allocate() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotCount == ids.length) {
      int capacity = ids.length + (ids.length >> 1);
      ids = Arrays.copyOf(ids, capacity);
      payloads = Arrays.copyOf(payloads, capacity);
      norms = Arrays.copyOf(norms, capacity);
    }
    return slotCount++;
  }
}
