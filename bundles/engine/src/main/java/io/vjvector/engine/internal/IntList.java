package io.vjvector.engine.internal;

import java.util.Arrays;

/** A growable list of ints without boxing. Not thread-safe. */
final class IntList {
  private int[] values = new int[16];
  private int size;

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i + " >= " + size);
    }
    return values[i];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void removeFirst(int n) {
    System.arraycopy(values, n, values, 0, size - n);
    size -= n;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
