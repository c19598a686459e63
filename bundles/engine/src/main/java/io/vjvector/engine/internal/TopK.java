package io.vjvector.engine.internal;

import io.vjvector.sdk.vector.PointId;
import java.util.function.IntFunction;

/**
 * The k closest candidates seen so far, in a binary heap with the farthest at the root so that a
 * candidate is rejected with one comparison. Primitive arrays: a scan offers every live point and
 * must not allocate per offer.
 */
final class TopK {
  private final boolean higherIsCloser;
  private final IntFunction<PointId> ids;
  private final float[] scores;
  private final int[] slots;
  private int size;

  /**
   * @param ids resolves slots to ids, which break ties between equal scores
   */
  TopK(int capacity, boolean higherIsCloser, IntFunction<PointId> ids) {
    this.higherIsCloser = higherIsCloser;
    this.ids = ids;
    this.scores = new float[capacity];
    this.slots = new int[capacity];
  }

  void offer(float score, int slot) {
    if (size < scores.length) {
      scores[size] = score;
      slots[size] = slot;
      siftUp(size++);
    } else if (size > 0 && closer(score, slot, scores[0], slots[0])) {
      scores[0] = score;
      slots[0] = slot;
      siftDown(0);
    }
  }

  int size() {
    return size;
  }

  /** Empties the heap into the arrays, closest first. */
  void drainClosestFirst(int[] outSlots, float[] outScores) {
    for (int i = size - 1; i >= 0; i--) {
      outSlots[i] = slots[0];
      outScores[i] = scores[0];
      size--;
      if (size > 0) {
        scores[0] = scores[size];
        slots[0] = slots[size];
        siftDown(0);
      }
    }
  }

  private boolean closer(float s1, int slot1, float s2, int slot2) {
    if (s1 != s2) {
      return higherIsCloser ? s1 > s2 : s1 < s2;
    }
    return ids.apply(slot1).compareTo(ids.apply(slot2)) < 0;
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!closer(scores[parent], slots[parent], scores[i], slots[i])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int farthest = i;
      for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
        if (closer(scores[farthest], slots[farthest], scores[child], slots[child])) {
          farthest = child;
        }
      }
      if (farthest == i) {
        return;
      }
      swap(i, farthest);
      i = farthest;
    }
  }

  private void swap(int a, int b) {
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    int t = slots[a];
    slots[a] = slots[b];
    slots[b] = t;
  }
}
