package io.vjvector.engine.internal;

import java.util.Arrays;

/**
 * A binary min-heap of (distance, node) pairs on primitive arrays; a max-heap by storing negated
 * distances (see {@link #max()}). Graph search keeps two of these per query instead of boxing.
 */
final class NodeHeap {
  private final boolean max;
  private float[] keys;
  private int[] nodes;
  private int size;

  private NodeHeap(int capacity, boolean max) {
    this.max = max;
    this.keys = new float[Math.max(4, capacity)];
    this.nodes = new int[Math.max(4, capacity)];
  }

  static NodeHeap min(int capacity) {
    return new NodeHeap(capacity, false);
  }

  static NodeHeap max(int capacity) {
    return new NodeHeap(capacity, true);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void push(float distance, int node) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      nodes = Arrays.copyOf(nodes, size * 2);
    }
    float key = max ? -distance : distance;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** The distance at the top: the smallest for a min-heap, the largest for a max-heap. */
  float topDistance() {
    return max ? -keys[0] : keys[0];
  }

  int topNode() {
    return nodes[0];
  }

  /** Removes the top, returning its node. */
  int pop() {
    int top = nodes[0];
    size--;
    if (size > 0) {
      float key = keys[size];
      int node = nodes[size];
      int i = 0;
      int half = size >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        if (child + 1 < size && keys[child + 1] < keys[child]) {
          child++;
        }
        if (key <= keys[child]) {
          break;
        }
        keys[i] = keys[child];
        nodes[i] = nodes[child];
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }
}
