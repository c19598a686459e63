package io.vjvector.engine.internal;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The slots holding one indexed value: a small array while few (most values of a high-cardinality
 * field), a bitmap once many (the values of a low-cardinality field). Not thread-safe.
 */
final class Postings {
  private static final int SMALL_MAX = 2048;

  private int[] small = new int[2];
  private int size;
  private BitSet big;

  void add(int slot) {
    if (big != null) {
      big.set(slot);
      return;
    }
    for (int i = 0; i < size; i++) {
      if (small[i] == slot) {
        return;
      }
    }
    if (size == SMALL_MAX) {
      big = new BitSet();
      for (int i = 0; i < size; i++) {
        big.set(small[i]);
      }
      big.set(slot);
      small = null;
      return;
    }
    if (size == small.length) {
      small = Arrays.copyOf(small, size * 2);
    }
    small[size++] = slot;
  }

  void remove(int slot) {
    if (big != null) {
      big.clear(slot);
      return;
    }
    for (int i = 0; i < size; i++) {
      if (small[i] == slot) {
        small[i] = small[--size];
        return;
      }
    }
  }

  boolean isEmpty() {
    return big != null ? big.isEmpty() : size == 0;
  }

  void orInto(BitSet out) {
    if (big != null) {
      out.or(big);
    } else {
      for (int i = 0; i < size; i++) {
        out.set(small[i]);
      }
    }
  }

  long memoryBytes() {
    return 32 + (big != null ? big.size() / 8 : 16L + 4L * small.length);
  }
}
