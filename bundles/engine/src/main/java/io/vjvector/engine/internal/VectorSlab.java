package io.vjvector.engine.internal;

import java.util.Arrays;

/**
 * Vectors stored back to back in large float arrays, addressed by slot: millions of points cost a
 * handful of objects instead of one array each, and a scan walks memory sequentially.
 *
 * <p>Chunks hold a power-of-two number of slots (about 4 MiB each) so a slot maps to (chunk,
 * offset) with a shift and a mask, and growth never copies more than one chunk. The last chunk
 * starts small and doubles, so an almost-empty collection stays small.
 */
final class VectorSlab {
  private static final int TARGET_CHUNK_FLOATS = 1 << 20;
  private static final int INITIAL_CHUNK_FLOATS = 1 << 12;

  private final int dimension;
  private final int chunkShift;
  private final int slotMask;
  // Replaced whole (copy on write) and published through the volatile field, so the indexer, which
  // reads vectors without the collection's lock, never sees a chunk before its contents.
  private volatile float[][] chunks = new float[0][];

  VectorSlab(int dimension) {
    this.dimension = dimension;
    int slotsPerChunk = Integer.highestOneBit(Math.max(1, TARGET_CHUNK_FLOATS / dimension));
    this.chunkShift = Integer.numberOfTrailingZeros(slotsPerChunk);
    this.slotMask = slotsPerChunk - 1;
  }

  int dimension() {
    return dimension;
  }

  void set(int slot, float[] vector) {
    System.arraycopy(vector, 0, ensure(slot), offset(slot), dimension);
  }

  float[] copy(int slot) {
    int offset = offset(slot);
    return Arrays.copyOfRange(chunk(slot), offset, offset + dimension);
  }

  /** Copies a slot's vector into {@code into} (at least {@link #dimension()} long). */
  void copyInto(int slot, float[] into) {
    System.arraycopy(chunk(slot), offset(slot), into, 0, dimension);
  }

  /** The array holding a slot's vector, which starts at {@link #offset}. */
  float[] chunk(int slot) {
    return chunks[slot >>> chunkShift];
  }

  int offset(int slot) {
    return (slot & slotMask) * dimension;
  }

  private float[] ensure(int slot) {
    int index = slot >>> chunkShift;
    float[][] current = chunks;
    int needed = offset(slot) + dimension;
    float[] chunk = index < current.length ? current[index] : null;
    if (chunk != null && chunk.length >= needed) {
      return chunk;
    }
    int full = (slotMask + 1) * dimension;
    int had = chunk == null ? 0 : chunk.length;
    int size = Math.min(full, Math.max(needed, Math.max(INITIAL_CHUNK_FLOATS, had * 2)));
    chunk = chunk == null ? new float[size] : Arrays.copyOf(chunk, size);
    float[][] next = Arrays.copyOf(current, Math.max(current.length, index + 1));
    next[index] = chunk;
    chunks = next; // one writer at a time (the collection's write lock)
    return chunk;
  }
}
