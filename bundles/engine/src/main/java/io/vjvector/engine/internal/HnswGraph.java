package io.vjvector.engine.internal;

import io.vjvector.sdk.vector.Distance;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A hierarchical navigable small-world graph (Malkov and Yashunin) over the slots of a {@link
 * CollectionStore}, for approximate nearest-neighbour search.
 *
 * <p>Concurrency: inserts of different slots may run in parallel, each neighbour list changed under
 * its node's (striped) lock; searches take no lock. Each list is an immutable array replaced whole,
 * so a search sees either the old or the new list, never a torn one. Inserts and repairs run one
 * batch at a time without the collection's lock, while writers go on: they read only slots that
 * existed when the batch was taken, and a slot written meanwhile is linked again (see {@link
 * CollectionStore}).
 *
 * <p>Deleted points stay in the graph as waypoints (searches pass through them but never return
 * them) until {@link #repair} reconnects their neighbours around them and unlinks them; only then
 * may their slots be reused. An updated point is re-linked by inserting it again.
 */
final class HnswGraph {
  private static final int STRIPES = 1024;
  private static final long LIST_HEADER_BYTES = 16; // array header
  private static final long UPPER_ENTRY_BYTES = 48; // map entry, boxed key, array header

  private final CollectionStore store;
  private final Distance distance;
  private final int m;
  private final int m0;
  private final int efConstruction;
  private final double levelFactor;
  private final Object[] stripes = new Object[STRIPES];
  private final Object entryLock = new Object();
  private final Object growLock = new Object();
  private final Map<Long, int[]> upper = new ConcurrentHashMap<>();

  /** Bytes held by the link lists, kept as they change so that reporting it walks nothing. */
  private final java.util.concurrent.atomic.AtomicLong listBytes =
      new java.util.concurrent.atomic.AtomicLong();

  private final ThreadLocal<Visited> visited = ThreadLocal.withInitial(Visited::new);

  /** Per-thread vector buffers for neighbour selection: no allocation per candidate. */
  private final ThreadLocal<float[][]> scratch;

  private volatile AtomicReferenceArray<int[]> layer0 = new AtomicReferenceArray<>(16);
  private volatile int[] levels = filled(16);
  private volatile int entry = -1;
  private volatile int maxLevel = -1;

  HnswGraph(CollectionStore store, Distance distance, int m, int efConstruction) {
    this.store = store;
    this.distance = distance;
    this.m = m;
    this.m0 = 2 * m;
    this.efConstruction = efConstruction;
    this.levelFactor = 1 / Math.log(m);
    int dimension = store.vectors().dimension();
    this.scratch = ThreadLocal.withInitial(() -> new float[2][dimension]);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  private Object stripe(int node) {
    return stripes[node & (STRIPES - 1)];
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  /**
   * Links a slot's current vector into the graph (again, if it was linked before). Safe to call
   * from several threads at once for different slots: each neighbour list is changed under its
   * node's lock, and searches never wait.
   */
  void insert(int slot) {
    ensureCapacity(slot);
    int level = levels[slot];
    if (level < 0) {
      level = (int) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * levelFactor);
      levels[slot] = level;
    }
    float[] q = store.vectors().copy(slot);
    double qNorm = store.normAt(slot);
    int ep;
    int top;
    synchronized (entryLock) {
      ep = entry;
      top = maxLevel;
      if (ep < 0) {
        for (int l = 0; l <= level; l++) {
          setLinks(slot, l, new int[0]);
        }
        entry = slot;
        maxLevel = level;
        return;
      }
    }
    if (ep == slot) {
      // re-linking the entry point: descend from one of its neighbours instead
      int[] around = links(slot, 0);
      if (around.length == 0) {
        return;
      }
      ep = around[0];
    }
    IntPredicate candidate = n -> n != slot && store.idAt(n) != null;
    NodeScorer scorer = n -> dist(q, qNorm, n);
    for (int l = top; l > level; l--) {
      ep = greedy(scorer, ep, l);
    }
    for (int l = Math.min(level, top); l >= 0; l--) {
      NodeHeap found = searchLayer(scorer, ep, efConstruction, l, candidate);
      int[] sorted = drainAscending(found);
      float[] dists = distancesTo(q, qNorm, sorted);
      int[] chosen = select(sorted, dists, l == 0 ? m0 : m);
      synchronized (stripe(slot)) {
        mergeLinks(slot, l, chosen);
      }
      for (int n : chosen) {
        link(n, l, slot);
      }
      if (sorted.length > 0) {
        ep = sorted[0];
      }
    }
    for (int l = top + 1; l <= level; l++) {
      synchronized (stripe(slot)) {
        setLinks(slot, l, new int[0]);
      }
    }
    synchronized (entryLock) {
      if (level > maxLevel) {
        entry = slot;
        maxLevel = level;
      }
    }
  }

  /** Links every live slot, on all cores. The store must not change meanwhile. */
  void buildParallel() {
    int end = store.slotCount();
    if (end == 0) {
      return;
    }
    ensureCapacity(end - 1);
    IntStream.range(0, end).parallel().filter(s -> store.idAt(s) != null).forEach(this::insert);
  }

  /**
   * The (up to) {@code k} nearest accepted slots, closest first, found with beam width {@code ef}.
   *
   * @param accept which slots may be returned (deleted or filtered-out ones are still traversed)
   * @return the slots; their distances are recomputed by the caller
   */
  int[] search(float[] q, double qNorm, int k, int ef, IntPredicate accept) {
    return search(n -> dist(q, qNorm, n), k, ef, accept);
  }

  /** Like {@link #search(float[], double, int, int, IntPredicate)}, with any distance. */
  int[] search(NodeScorer scorer, int k, int ef, IntPredicate accept) {
    int ep = entry;
    if (ep < 0) {
      return new int[0];
    }
    for (int l = maxLevel; l > 0; l--) {
      ep = greedy(scorer, ep, l);
    }
    NodeHeap found = searchLayer(scorer, ep, Math.max(ef, k), 0, accept);
    while (found.size() > k) {
      found.pop();
    }
    return drainAscending(found);
  }

  /** Whether a slot is linked into the graph. */
  boolean contains(int slot) {
    int[] l = levels;
    return slot < l.length && l[slot] >= 0;
  }

  /**
   * Unlinks deleted slots: every node that links to one gets the dead node's own neighbours as
   * candidates and re-selects its list with the heuristic, so the graph stays navigable and recall
   * does not decay as points are deleted. No insert may run meanwhile; writers may (the dead slots
   * are not reused until the caller releases them afterwards).
   *
   * @param deadSlots slots whose points are deleted; ones not in the graph are ignored
   */
  void repair(int[] deadSlots) {
    int[] lv = levels;
    java.util.BitSet dead = new java.util.BitSet();
    for (int d : deadSlots) {
      if (d < lv.length && lv[d] >= 0) {
        dead.set(d);
      }
    }
    if (dead.isEmpty()) {
      return;
    }
    IntStream.range(0, lv.length)
        .parallel()
        .filter(n -> lv[n] >= 0 && !dead.get(n))
        .forEach(
            n -> {
              for (int l = 0; l <= lv[n]; l++) {
                repairList(n, l, dead);
              }
            });
    for (int d = dead.nextSetBit(0); d >= 0; d = dead.nextSetBit(d + 1)) {
      for (int l = 1; l <= lv[d]; l++) {
        account(upper.remove(key(d, l)), null, UPPER_ENTRY_BYTES);
      }
      account(layer0.getAndSet(d, null), null, LIST_HEADER_BYTES);
      lv[d] = -1;
    }
    synchronized (entryLock) {
      if (entry >= 0 && dead.get(entry)) {
        int best = -1;
        for (int n = 0; n < lv.length; n++) {
          if (lv[n] >= 0 && (best < 0 || lv[n] > lv[best])) {
            best = n;
          }
        }
        entry = best;
        maxLevel = best < 0 ? -1 : lv[best];
      }
    }
  }

  private void repairList(int node, int layer, java.util.BitSet dead) {
    int[] list = links(node, layer);
    boolean touched = false;
    for (int n : list) {
      if (dead.get(n)) {
        touched = true;
        break;
      }
    }
    if (!touched) {
      return;
    }
    IntList candidates = new IntList();
    java.util.BitSet seen = new java.util.BitSet();
    seen.set(node);
    for (int n : list) {
      if (!dead.get(n)) {
        if (!seen.get(n)) {
          seen.set(n);
          candidates.add(n);
        }
        continue;
      }
      for (int nn : links(n, layer)) {
        if (!dead.get(nn) && !seen.get(nn) && store.idAt(nn) != null) {
          seen.set(nn);
          candidates.add(nn);
        }
      }
    }
    synchronized (stripe(node)) {
      setPruned(node, layer, candidates.toArray());
    }
  }

  /** Writes the graph to a checkpoint; nothing may change it meanwhile. */
  void writeTo(BlockWriter out, int slotCount) throws java.io.IOException {
    int[] lv = levels;
    out.putInt(entry);
    out.putInt(maxLevel);
    out.putInt(slotCount);
    for (int slot = 0; slot < slotCount; slot++) {
      out.putInt(slot < lv.length ? lv[slot] : -1);
    }
    for (int slot = 0; slot < Math.min(slotCount, lv.length); slot++) {
      for (int l = 0; l <= lv[slot]; l++) {
        int[] list = links(slot, l);
        out.putInt(list.length);
        out.putInts(list, 0, list.length);
      }
    }
  }

  /** Reads what {@link #writeTo} wrote into an empty graph. */
  void readFrom(BlockReader in, int slotCount) throws java.io.IOException {
    int e = in.getInt();
    int top = in.getInt();
    int n = in.getCount(slotCount);
    if (e < -1 || e >= Math.max(n, 1) || top < -1 || top > 64) {
      throw new java.io.IOException("bad graph entry point " + e + " / level " + top);
    }
    ensureCapacity(Math.max(0, n - 1));
    int[] lv = levels;
    for (int slot = 0; slot < n; slot++) {
      int level = in.getInt();
      if (level < -1 || level > 64) {
        throw new java.io.IOException("bad graph level " + level + " for slot " + slot);
      }
      lv[slot] = level;
    }
    for (int slot = 0; slot < n; slot++) {
      for (int l = 0; l <= lv[slot]; l++) {
        int[] list = new int[in.getCount(m0 * 4L)];
        in.getInts(list, 0, list.length);
        for (int target : list) {
          if (target < 0 || target >= n) {
            throw new java.io.IOException("graph link to slot " + target + " out of range");
          }
        }
        setLinks(slot, l, list);
      }
    }
    entry = e;
    maxLevel = top;
  }

  /** How many slots the graph has linked (deleted ones included until they are repaired). */
  int nodeCount() {
    int n = 0;
    int[] l = levels;
    for (int level : l) {
      if (level >= 0) {
        n++;
      }
    }
    return n;
  }

  /** The memory held by links: list arrays with their headers, and the per-slot references. */
  long memoryBytes() {
    return (long) levels.length * (Integer.BYTES * 2L) + listBytes.get(); // reference + level
  }

  /** Keeps {@link #listBytes} in step when a list is replaced (either side may be null). */
  private void account(int[] old, int[] now, long overhead) {
    long delta =
        (now == null ? 0 : overhead + 4L * now.length)
            - (old == null ? 0 : overhead + 4L * old.length);
    if (delta != 0) {
      listBytes.addAndGet(delta);
    }
  }

  /** Smaller is closer, for every distance: negated similarity, or the euclidean distance. */
  private float dist(float[] q, double qNorm, int slot) {
    float score = store.score(distance, q, qNorm, slot);
    return distance.higherIsCloser() ? -score : score;
  }

  private int greedy(NodeScorer scorer, int ep, int layer) {
    int current = ep;
    float best = scorer.distance(current);
    boolean moved = true;
    while (moved) {
      moved = false;
      for (int n : links(current, layer)) {
        float d = scorer.distance(n);
        if (d < best) {
          best = d;
          current = n;
          moved = true;
        }
      }
    }
    return current;
  }

  /** Beam search on one layer; returns a max-heap of the {@code ef} closest accepted nodes. */
  private NodeHeap searchLayer(NodeScorer scorer, int ep, int ef, int layer, IntPredicate accept) {
    Visited seen = visited.get();
    seen.reset(levels.length);
    NodeHeap candidates = NodeHeap.min(ef * 2);
    NodeHeap results = NodeHeap.max(ef + 1);
    float d0 = scorer.distance(ep);
    seen.mark(ep);
    candidates.push(d0, ep);
    if (accept.test(ep)) {
      results.push(d0, ep);
    }
    while (!candidates.isEmpty()) {
      float d = candidates.topDistance();
      if (results.size() >= ef && d > results.topDistance()) {
        break;
      }
      int c = candidates.pop();
      for (int n : links(c, layer)) {
        if (!seen.mark(n)) {
          continue;
        }
        float dn = scorer.distance(n);
        if (results.size() < ef || dn < results.topDistance()) {
          candidates.push(dn, n);
          if (accept.test(n)) {
            results.push(dn, n);
            if (results.size() > ef) {
              results.pop();
            }
          }
        }
      }
    }
    return results;
  }

  /** Empties a max-heap into an array ordered closest first. */
  private static int[] drainAscending(NodeHeap maxHeap) {
    int[] out = new int[maxHeap.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = maxHeap.pop();
    }
    return out;
  }

  private float[] distancesTo(float[] q, double qNorm, int[] nodes) {
    float[] d = new float[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      d[i] = dist(q, qNorm, nodes[i]);
    }
    return d;
  }

  /**
   * The neighbour-selection heuristic: walk candidates closest first and keep one only if it is
   * closer to the base than to every neighbour kept so far, so links spread in all directions.
   */
  private int[] select(int[] sorted, float[] dists, int max) {
    int[] chosen = new int[Math.min(max, sorted.length)];
    int n = 0;
    float[] cv = scratch.get()[0];
    for (int i = 0; i < sorted.length && n < chosen.length; i++) {
      int c = sorted[i];
      store.vectors().copyInto(c, cv);
      double cn = store.normAt(c);
      boolean keep = true;
      for (int j = 0; j < n; j++) {
        if (dist(cv, cn, chosen[j]) < dists[i]) {
          keep = false;
          break;
        }
      }
      if (keep) {
        chosen[n++] = c;
      }
    }
    return n == chosen.length ? chosen : Arrays.copyOf(chosen, n);
  }

  /** Adds {@code slot} to {@code node}'s list, pruning with the heuristic when it overflows. */
  private void link(int node, int layer, int slot) {
    synchronized (stripe(node)) {
      linkLocked(node, layer, slot);
    }
  }

  private void linkLocked(int node, int layer, int slot) {
    int[] current = links(node, layer);
    for (int existing : current) {
      if (existing == slot) {
        return;
      }
    }
    int[] grown = Arrays.copyOf(current, current.length + 1);
    grown[current.length] = slot;
    setPruned(node, layer, grown);
  }

  /**
   * Sets a node's own list, keeping links that other inserting threads added to it meanwhile (they
   * may reach a node on a layer before its own list is set there).
   */
  private void mergeLinks(int node, int layer, int[] chosen) {
    int[] current = links(node, layer);
    if (current.length == 0) {
      setLinks(node, layer, chosen);
      return;
    }
    int[] merged = Arrays.copyOf(chosen, chosen.length + current.length);
    int n = chosen.length;
    outer:
    for (int c : current) {
      for (int i = 0; i < n; i++) {
        if (merged[i] == c) {
          continue outer;
        }
      }
      merged[n++] = c;
    }
    setPruned(node, layer, Arrays.copyOf(merged, n));
  }

  /** Sets a list, pruned with the heuristic if it holds more than the layer allows. */
  private void setPruned(int node, int layer, int[] list) {
    int max = layer == 0 ? m0 : m;
    if (list.length <= max) {
      setLinks(node, layer, list);
      return;
    }
    float[] base = scratch.get()[1];
    store.vectors().copyInto(node, base);
    double baseNorm = store.normAt(node);
    float[] sortedDists = distancesTo(base, baseNorm, list);
    int[] sorted = list.clone();
    // insertion sort: lists are short (2M + 1 at most) and mostly in order already
    for (int i = 1; i < sorted.length; i++) {
      float d = sortedDists[i];
      int v = sorted[i];
      int j = i - 1;
      while (j >= 0 && sortedDists[j] > d) {
        sortedDists[j + 1] = sortedDists[j];
        sorted[j + 1] = sorted[j];
        j--;
      }
      sortedDists[j + 1] = d;
      sorted[j + 1] = v;
    }
    setLinks(node, layer, select(sorted, sortedDists, max));
  }

  private int[] links(int node, int layer) {
    int[] l = layer == 0 ? layer0.get(node) : upper.get(key(node, layer));
    return l == null ? new int[0] : l;
  }

  private void setLinks(int node, int layer, int[] list) {
    if (layer == 0) {
      account(layer0.getAndSet(node, list), list, LIST_HEADER_BYTES);
    } else {
      account(upper.put(key(node, layer), list), list, UPPER_ENTRY_BYTES);
    }
  }

  private static long key(int node, int layer) {
    return ((long) layer << 32) | (node & 0xffffffffL);
  }

  /** Grows the per-slot arrays; callers inserting in parallel should pre-size with the top slot. */
  void ensureCapacity(int slot) {
    if (slot < levels.length) {
      return;
    }
    synchronized (growLock) {
      if (slot < levels.length) {
        return;
      }
      grow(slot);
    }
  }

  private void grow(int slot) {
    int capacity = Math.max(slot + 1, levels.length * 2);
    AtomicReferenceArray<int[]> grown = new AtomicReferenceArray<>(capacity);
    AtomicReferenceArray<int[]> old = layer0;
    for (int i = 0; i < old.length(); i++) {
      grown.set(i, old.get(i));
    }
    int[] newLevels = filled(capacity);
    System.arraycopy(levels, 0, newLevels, 0, levels.length);
    levels = newLevels;
    layer0 = grown;
  }

  /** Per-thread visited marks, reset in O(1) by bumping a generation number. */
  private static final class Visited {
    private int[] stamps = new int[0];
    private int generation;

    void reset(int capacity) {
      if (stamps.length < capacity) {
        stamps = new int[capacity];
        generation = 0;
      }
      generation++;
      if (generation == Integer.MAX_VALUE) {
        Arrays.fill(stamps, 0);
        generation = 1;
      }
    }

    /** Marks a node; false if it was marked already in this generation. */
    boolean mark(int node) {
      if (node >= stamps.length) {
        stamps = Arrays.copyOf(stamps, node + 1);
      }
      if (stamps[node] == generation) {
        return false;
      }
      stamps[node] = generation;
      return true;
    }
  }
}
