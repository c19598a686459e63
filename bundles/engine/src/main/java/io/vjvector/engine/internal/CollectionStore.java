package io.vjvector.engine.internal;

import io.vjvector.engine.Point;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection's points in memory, addressed by slot. Deleted slots are reused, so slot numbers
 * stay dense and scans skip few holes. Not thread-safe: {@link Collection} guards it with a
 * read-write lock.
 *
 * <p>A deleted slot first becomes a tombstone: the graph may still link to it, so it can only be
 * reused once the graph has been repaired around it and the owner calls {@link #release}. Slots
 * written since the graph last linked them are kept in a pending set (guarded by its own monitor,
 * because the indexer takes and clears it without the collection's lock).
 *
 * <p>The indexer reads vectors, norms and ids without the lock while writers go on: it only reads
 * slots that existed when it took its batch (or that the graph already links), slots are not reused
 * until the indexer itself releases them, and a slot written meanwhile is linked again.
 *
 * <p>Every live slot has a write time (epoch millis, from the write's log record). A read passes a
 * cutoff: slots written at or before it have expired and are skipped as if deleted ({@link #NEVER}
 * skips nothing). They stay until a sweep deletes them with {@link #expire}.
 *
 * <p>Points handed in must already be validated and owned by the engine (see {@link
 * RequestValidator}); payload maps are stored as given and shared with readers, which is safe
 * because they are unmodifiable.
 */
final class CollectionStore {
  /** The cutoff of a read in a collection without retention: nothing expires. */
  static final long NEVER = Long.MIN_VALUE;

  private final VectorSlab vectors;
  private final Map<PointId, Integer> slotsById = new HashMap<>();
  // ids and norms are read without the lock by the indexer (see Collection#indexStep): grown
  // arrays are published through the volatile fields.
  private volatile PointId[] ids = new PointId[16];
  private Object[] payloads = new Object[16];
  private volatile double[] norms = new double[16];
  private long[] writeTimes = new long[16];
  // No live point was written before this (a lower bound, so reads with an earlier cutoff skip the
  // expiry checks). Writers lower it under the write lock; after an expiry it is stale, and the
  // next read recomputes it exactly: readers share the read lock, so they all compute the same.
  private volatile long oldestWriteTime = Long.MAX_VALUE;
  private volatile boolean oldestStale;
  private int slotCount;
  private int[] freeSlots = new int[16];
  private int freeCount;
  private final IntList tombstones = new IntList();
  // pending: slots searches scan exactly because the graph may not reach them (waiting or being
  // linked); linking: the indexer's current batch; relink: slots of that batch written again since
  // it was taken, which stay pending. All three are guarded by the pending monitor.
  private final BitSet pending = new BitSet();
  private final BitSet linking = new BitSet();
  private final BitSet relink = new BitSet();
  private volatile int pendingCount; // written under the pending monitor
  private boolean trackPending;
  private Quantizer quantizer;
  private final PayloadIndexes indexes = new PayloadIndexes();
  private long payloadBytes;

  CollectionStore(int dimension) {
    this.vectors = new VectorSlab(dimension);
  }

  /** Stores points written at {@code writeTime}; returns the slot each went to, in order. */
  int[] upsert(List<Point> points, long writeTime) {
    if (writeTime < oldestWriteTime) {
      oldestWriteTime = writeTime;
    }
    int[] slots = new int[points.size()];
    int i = 0;
    for (Point p : points) {
      Integer existing = slotsById.get(p.id());
      int slot = existing != null ? existing : allocate();
      slots[i++] = slot;
      vectors.set(slot, p.vector());
      if (quantizer != null) {
        quantizer.encode(slot, p.vector(), 0);
      }
      norms[slot] = VectorMath.norm(p.vector());
      writeTimes[slot] = writeTime;
      Map<String, Object> before = existing == null ? null : payloadAt(slot);
      if (!indexes.isEmpty()) {
        indexes.update(slot, before, p.payload());
      }
      payloadBytes += PayloadSize.of(p.payload()) - (before == null ? 0 : PayloadSize.of(before));
      payloads[slot] = p.payload();
      if (existing == null) {
        ids[slot] = p.id();
        slotsById.put(p.id(), slot);
      }
      markPending(slot);
    }
    return slots;
  }

  /** Returns how many of the ids were present; their slots become tombstones. */
  int delete(List<PointId> toDelete) {
    return delete(toDelete, Long.MAX_VALUE);
  }

  /**
   * Deletes those of the ids that were last written at or before {@code cutoff}; returns how many.
   * A point written again since it expired is kept.
   */
  int expire(List<PointId> toDelete, long cutoff) {
    int n = delete(toDelete, cutoff);
    oldestStale = true;
    return n;
  }

  private int delete(List<PointId> toDelete, long cutoff) {
    int deleted = 0;
    for (PointId id : toDelete) {
      Integer slot = slotsById.get(id);
      if (slot == null || writeTimes[slot] > cutoff) {
        continue;
      }
      slotsById.remove(id);
      Map<String, Object> before = payloadAt(slot);
      if (!indexes.isEmpty()) {
        indexes.update(slot, before, null);
      }
      payloadBytes -= PayloadSize.of(before);
      ids[slot] = null;
      payloads[slot] = null;
      tombstones.add(slot);
      synchronized (pending) {
        relink.clear(slot);
        if (pending.get(slot)) {
          pending.clear(slot);
          pendingCount--;
        }
      }
      deleted++;
    }
    return deleted;
  }

  PayloadIndexes indexes() {
    return indexes;
  }

  /** Estimated memory held by payloads. */
  long payloadBytes() {
    return payloadBytes;
  }

  /** The slot of a live point, or null. */
  Integer slotOf(PointId id) {
    return slotsById.get(id);
  }

  /** When the point in a live slot was last written (epoch millis). */
  long writeTimeAt(int slot) {
    return writeTimes[slot];
  }

  /** The slot of a point that is live and not expired at {@code cutoff}, or null. */
  Integer visibleSlotOf(PointId id, long cutoff) {
    Integer slot = slotsById.get(id);
    return slot == null || writeTimes[slot] <= cutoff ? null : slot;
  }

  /**
   * The cutoff a read at {@code cutoff} has to apply: {@link #NEVER} when no live point is that
   * old, so the common read checks nothing. Caller holds the read (or write) lock.
   */
  long effectiveCutoff(long cutoff) {
    if (cutoff == NEVER) {
      return NEVER;
    }
    if (oldestStale) {
      long oldest = Long.MAX_VALUE;
      for (int slot = 0; slot < slotCount; slot++) {
        if (ids[slot] != null && writeTimes[slot] < oldest) {
          oldest = writeTimes[slot];
        }
      }
      oldestWriteTime = oldest;
      oldestStale = false;
    }
    return cutoff < oldestWriteTime ? NEVER : cutoff;
  }

  /** Up to {@code max} ids of points written at or before {@code cutoff}, in slot order. */
  List<PointId> expiredIds(long cutoff, int max) {
    List<PointId> out = new java.util.ArrayList<>();
    if (effectiveCutoff(cutoff) == NEVER) {
      return out;
    }
    for (int slot = 0; slot < slotCount && out.size() < max; slot++) {
      if (ids[slot] != null && writeTimes[slot] <= cutoff) {
        out.add(ids[slot]);
      }
    }
    return out;
  }

  /** Slots deleted but not yet reusable. */
  IntList tombstones() {
    return tombstones;
  }

  /** Makes the first {@code n} tombstones reusable; nothing may link to them any more. */
  void releaseTombstones(int n) {
    for (int i = 0; i < n; i++) {
      if (freeCount == freeSlots.length) {
        freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
      }
      freeSlots[freeCount++] = tombstones.get(i);
    }
    tombstones.removeFirst(n);
  }

  /** The compressed codes kept in step with every write from now on, or null for none. */
  void quantizer(Quantizer q) {
    quantizer = q;
  }

  Quantizer quantizer() {
    return quantizer;
  }

  /** Whether writes are remembered as pending for the graph; off while there is no graph. */
  void trackPending(boolean on) {
    trackPending = on;
  }

  private void markPending(int slot) {
    if (!trackPending) {
      return;
    }
    synchronized (pending) {
      if (linking.get(slot)) {
        relink.set(slot); // the indexer may be reading the old vector
      }
      if (!pending.get(slot)) {
        pending.set(slot);
        pendingCount++;
      }
    }
  }

  /** Marks every live slot as waiting for the graph. */
  void markAllPending() {
    for (int slot = 0; slot < slotCount; slot++) {
      if (ids[slot] != null) {
        markPending(slot);
      }
    }
  }

  /** Forgets every pending slot: there is no graph to wait for. */
  void clearPending() {
    synchronized (pending) {
      pending.clear();
      relink.clear();
      pendingCount = 0;
    }
  }

  int pendingCount() {
    return pendingCount;
  }

  /**
   * Takes up to {@code max} pending slots, lowest first, for linking; they stay pending (searches
   * keep scanning them) until {@link #linked}. One batch at a time.
   */
  int[] takeBatch(int max) {
    synchronized (pending) {
      if (!linking.isEmpty()) {
        throw new IllegalStateException("a batch is already being linked");
      }
      int[] batch = pendingSlots(max);
      for (int s : batch) {
        linking.set(s);
      }
      return batch;
    }
  }

  /**
   * Ends the batch from {@link #takeBatch}: its slots are linked with the vectors they had when it
   * was taken, so those written again meanwhile stay pending for the next batch.
   */
  void linked(int[] batch) {
    synchronized (pending) {
      for (int s : batch) {
        linking.clear(s);
        if (relink.get(s)) {
          relink.clear(s);
        } else if (pending.get(s)) {
          pending.clear(s);
          pendingCount--;
        }
      }
    }
  }

  private int[] pendingSlots(int max) {
    int[] batch = new int[Math.min(max, pendingCount)];
    int n = 0;
    for (int s = pending.nextSetBit(0); s >= 0 && n < batch.length; s = pending.nextSetBit(s + 1)) {
      batch[n++] = s;
    }
    return n == batch.length ? batch : Arrays.copyOf(batch, n);
  }

  /** A copy of the pending set, or null when it is empty. */
  BitSet pendingSnapshot() {
    if (pendingCount == 0) {
      return null; // the common case: searches take no monitor
    }
    synchronized (pending) {
      return pendingCount == 0 ? null : (BitSet) pending.clone();
    }
  }

  boolean contains(PointId id) {
    return slotsById.containsKey(id);
  }

  /** The point with a fresh copy of its vector, or null (also if it expired at {@code cutoff}). */
  Point get(PointId id, long cutoff) {
    Integer slot = visibleSlotOf(id, cutoff);
    return slot == null ? null : new Point(id, vectors.copy(slot), payloadAt(slot));
  }

  /**
   * Calls {@code action} with every live slot written after {@code cutoff} and matching {@code
   * filter}, looking only at {@code candidates} (a superset from the payload indexes) when given.
   */
  void forEachMatch(
      Filter filter, BitSet candidates, long cutoff, java.util.function.IntConsumer action) {
    boolean filtered = filter != null && !filter.isEmpty();
    for (int slot = candidates == null ? 0 : candidates.nextSetBit(0);
        slot >= 0 && slot < slotCount;
        slot = candidates == null ? slot + 1 : candidates.nextSetBit(slot + 1)) {
      if (ids[slot] != null
          && writeTimes[slot] > cutoff
          && (!filtered || filter.test(ids[slot], payloadAt(slot)))) {
        action.accept(slot);
      }
    }
  }

  /** How many live points were written after {@code cutoff}. */
  long count(long cutoff) {
    if (effectiveCutoff(cutoff) == NEVER) {
      return size();
    }
    long n = 0;
    for (int slot = 0; slot < slotCount; slot++) {
      if (ids[slot] != null && writeTimes[slot] > cutoff) {
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

  private static final int FREE = 0;
  private static final int LIVE = 1;
  private static final int TOMBSTONE = 2;

  /**
   * Writes every slot (vector, norm, write time, id and payload of a live one, or its state) and
   * the pending set to a checkpoint. Caller holds the read lock.
   *
   * <pre>
   * store = dimension (int), slots (int), slots * vector, slots * norm (double),
   *         [slots * write time (long)]   (checkpoint versions 3 and 4 only)
   *         slots * state, has-pending (byte), pending count (int), pending slots (int)
   * </pre>
   */
  void writeTo(BlockWriter out) throws IOException {
    int dim = vectors.dimension();
    out.putInt(dim);
    out.putInt(slotCount);
    // Deleted and free slots are written as zeros: nothing of a deleted point reaches a checkpoint.
    for (int slot = 0; slot < slotCount; slot++) {
      if (ids[slot] != null) {
        out.putFloats(vectors.chunk(slot), vectors.offset(slot), dim);
      } else {
        out.putZeros(dim);
      }
    }
    for (int slot = 0; slot < slotCount; slot++) {
      out.putDouble(ids[slot] != null ? norms[slot] : 0);
    }
    for (int slot = 0; slot < slotCount; slot++) {
      out.putLong(ids[slot] != null ? writeTimes[slot] : 0);
    }
    java.util.BitSet dead = new java.util.BitSet();
    for (int i = 0; i < tombstones.size(); i++) {
      dead.set(tombstones.get(i));
    }
    for (int slot = 0; slot < slotCount; slot++) {
      if (ids[slot] != null) {
        out.putByte(LIVE);
        ByteWriter rec = new ByteWriter(64, WalFormat.MAX_RECORD_BYTES);
        WalRecords.writeId(rec, ids[slot]);
        PayloadCodec.writeMap(rec, payloadAt(slot));
        ByteBuffer bytes = rec.toBuffer();
        out.putInt(bytes.remaining());
        out.putBytes(bytes);
      } else {
        out.putByte(dead.get(slot) ? TOMBSTONE : FREE);
      }
    }
    out.putByte(trackPending ? 1 : 0);
    int[] pendingSlots;
    synchronized (pending) {
      pendingSlots = pendingSlots(Integer.MAX_VALUE);
    }
    out.putInt(pendingSlots.length);
    out.putInts(pendingSlots, 0, pendingSlots.length);
  }

  /**
   * Reads what {@link #writeTo} wrote into an empty store.
   *
   * @param withTimes whether the checkpoint holds write times (else every point gets {@code
   *     legacyTime})
   */
  void readFrom(BlockReader in, boolean withTimes, long legacyTime) throws IOException {
    int dim = in.getInt();
    if (dim != vectors.dimension()) {
      throw new IOException(
          "checkpoint has dimension " + dim + " but the collection has " + vectors.dimension());
    }
    int count = in.getCount(Integer.MAX_VALUE);
    float[] buffer = new float[dim];
    for (int slot = 0; slot < count; slot++) {
      allocate();
      in.getFloats(buffer, 0, dim);
      vectors.set(slot, buffer);
    }
    for (int slot = 0; slot < count; slot++) {
      norms[slot] = in.getDouble();
    }
    for (int slot = 0; slot < count; slot++) {
      writeTimes[slot] = withTimes ? in.getLong() : legacyTime;
    }
    freeCount = 0;
    for (int slot = 0; slot < count; slot++) {
      int state = in.getByte();
      if (state == LIVE) {
        ByteReader rec = new ByteReader(in.getBytes(in.getCount(WalFormat.MAX_RECORD_BYTES)));
        PointId id = WalRecords.readId(rec);
        Map<String, Object> payload = PayloadCodec.readMap(rec);
        ids[slot] = id;
        payloads[slot] = payload;
        oldestWriteTime = Math.min(oldestWriteTime, writeTimes[slot]);
        payloadBytes += PayloadSize.of(payload);
        if (slotsById.put(id, slot) != null) {
          throw new IOException("checkpoint holds point " + id + " twice");
        }
      } else if (state == TOMBSTONE) {
        tombstones.add(slot);
      } else if (state == FREE) {
        if (freeCount == freeSlots.length) {
          freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
      } else {
        throw new IOException("unknown slot state " + state + " in checkpoint");
      }
    }
    trackPending = in.getByte() == 1;
    int n = in.getCount(count);
    int[] pendingSlots = new int[n];
    in.getInts(pendingSlots, 0, n);
    synchronized (pending) {
      for (int s : pendingSlots) {
        if (s < 0 || s >= count) {
          throw new IOException("pending slot " + s + " out of range in checkpoint");
        }
        pending.set(s);
      }
      pendingCount = pending.cardinality();
    }
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
      writeTimes = Arrays.copyOf(writeTimes, capacity);
    }
    return slotCount++;
  }
}
