package io.vjvector.engine.internal;

import io.vjvector.engine.Quantization;
import io.vjvector.sdk.vector.Distance;
import java.util.Arrays;
import java.util.Random;

/**
 * Compressed copies of a store's vectors, used to walk the graph; the full vectors re-score the
 * candidates it finds. Trained on the vectors present when the graph is enabled or the collection
 * is loaded (values outside the trained range are clipped), and kept in step by {@link
 * CollectionStore#upsert}. Not thread-safe: guarded like the store.
 */
abstract class Quantizer {
  /** Vectors sampled to train on. */
  private static final int SAMPLE = 20_000;

  final int dimension;
  final Distance distance;

  Quantizer(int dimension, Distance distance) {
    this.dimension = dimension;
    this.distance = distance;
  }

  /** Trains a quantizer of the given type on the store's live vectors and encodes them all. */
  static Quantizer train(Quantization type, CollectionStore store, Distance distance) {
    int dim = store.vectors().dimension();
    float[][] sample = sample(store);
    Quantizer q =
        switch (type) {
          case INT8 -> Int8.train(dim, distance, sample);
          case BINARY -> Binary.train(dim, distance, sample);
          case NONE -> throw new IllegalArgumentException("nothing to train");
        };
    VectorSlab v = store.vectors();
    for (int slot = 0; slot < store.slotCount(); slot++) {
      q.encode(slot, v.chunk(slot), v.offset(slot));
    }
    return q;
  }

  private static float[][] sample(CollectionStore store) {
    int live = store.size();
    double keep = Math.min(1.0, SAMPLE / (double) Math.max(1, live));
    Random random = new Random(42);
    float[][] out = new float[Math.min(live, SAMPLE)][];
    int n = 0;
    for (int slot = 0; slot < store.slotCount() && n < out.length; slot++) {
      if (store.idAt(slot) != null && random.nextDouble() < keep) {
        out[n++] = store.vectors().copy(slot);
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Stores the codes of the vector at {@code data[offset..]} for a slot. */
  abstract void encode(int slot, float[] data, int offset);

  /** A traversal scorer for one query. */
  abstract NodeScorer scorer(float[] query, CollectionStore store);

  /** How many times more candidates than the beam width are re-scored exactly. */
  abstract int rescoreFactor();

  /** Memory held by the codes of {@code slots} slots (counted like the vectors: as used). */
  abstract long memoryBytes(int slots);

  /**
   * One signed byte per dimension: {@code x[i] ~ mid[i] + step[i] * code[i]}, the range per
   * dimension taken from the 0.1 and 99.9 percentiles of the sample so outliers do not waste
   * resolution.
   */
  static final class Int8 extends Quantizer {
    private final float[] mid;
    private final float[] step;
    private byte[][] chunks = new byte[0][];
    private final int shift;
    private final int mask;

    private Int8(int dimension, Distance distance, float[] mid, float[] step) {
      super(dimension, distance);
      this.mid = mid;
      this.step = step;
      int perChunk = Integer.highestOneBit(Math.max(1, (1 << 22) / dimension));
      this.shift = Integer.numberOfTrailingZeros(perChunk);
      this.mask = perChunk - 1;
    }

    static Int8 train(int dim, Distance distance, float[][] sample) {
      float[] mid = new float[dim];
      float[] step = new float[dim];
      float[] column = new float[sample.length];
      for (int d = 0; d < dim; d++) {
        for (int i = 0; i < sample.length; i++) {
          column[i] = sample[i][d];
        }
        Arrays.sort(column);
        float lo = sample.length == 0 ? -1 : column[(int) (0.001 * (column.length - 1))];
        float hi = sample.length == 0 ? 1 : column[(int) Math.ceil(0.999 * (column.length - 1))];
        if (!(hi > lo)) {
          hi = lo + 1e-6f;
        }
        mid[d] = (lo + hi) / 2;
        step[d] = (hi - lo) / 254;
      }
      return new Int8(dim, distance, mid, step);
    }

    @Override
    void encode(int slot, float[] data, int offset) {
      byte[] chunk = chunk(slot);
      int base = (slot & mask) * dimension;
      for (int d = 0; d < dimension; d++) {
        float c = Math.round((data[offset + d] - mid[d]) / step[d]);
        chunk[base + d] = (byte) Math.max(-127, Math.min(127, c));
      }
    }

    private byte[] chunk(int slot) {
      int index = slot >>> shift;
      if (index >= chunks.length) {
        chunks = Arrays.copyOf(chunks, Math.max(index + 1, chunks.length * 2));
      }
      int needed = ((slot & mask) + 1) * dimension;
      byte[] chunk = chunks[index];
      if (chunk == null || chunk.length < needed) {
        // grows by doubling up to a full chunk, so a small collection stays small
        int full = (mask + 1) * dimension;
        int size = Math.min(full, Math.max(needed, chunk == null ? 4096 : chunk.length * 2));
        chunk = chunk == null ? new byte[size] : Arrays.copyOf(chunk, size);
        chunks[index] = chunk;
      }
      return chunk;
    }

    @Override
    NodeScorer scorer(float[] query, CollectionStore store) {
      float[] w = new float[dimension];
      double base = 0;
      for (int d = 0; d < dimension; d++) {
        w[d] = query[d] * step[d];
        base += (double) query[d] * mid[d];
      }
      float constant = (float) base;
      byte[][] c = chunks;
      int dim = dimension;
      Distance dist = distance;
      return slot -> {
        float dot = constant + VectorMath.dotBytes(w, c[slot >>> shift], (slot & mask) * dim, dim);
        if (dist == Distance.DOT) {
          return -dot;
        }
        double norm = store.normAt(slot); // the true norm: only the dot product is approximate
        if (dist == Distance.COSINE) {
          return norm == 0 ? 0f : (float) (-dot / norm);
        }
        return (float) (norm * norm - 2 * dot); // euclidean, less the query's constant norm
      };
    }

    @Override
    int rescoreFactor() {
      return 1;
    }

    @Override
    long memoryBytes(int slots) {
      return (long) slots * dimension + 8L * dimension;
    }
  }

  /** One bit per dimension (above the sample's mean or not), compared by Hamming distance. */
  static final class Binary extends Quantizer {
    private final float[] mean;
    private final int words;
    private long[][] chunks = new long[0][];
    private static final int SHIFT = 14;
    private static final int MASK = (1 << SHIFT) - 1;

    private Binary(int dimension, Distance distance, float[] mean) {
      super(dimension, distance);
      this.mean = mean;
      this.words = (dimension + 63) / 64;
    }

    static Binary train(int dim, Distance distance, float[][] sample) {
      float[] mean = new float[dim];
      for (float[] v : sample) {
        for (int d = 0; d < dim; d++) {
          mean[d] += v[d];
        }
      }
      for (int d = 0; d < dim; d++) {
        mean[d] /= Math.max(1, sample.length);
      }
      return new Binary(dim, distance, mean);
    }

    @Override
    void encode(int slot, float[] data, int offset) {
      long[] chunk = chunk(slot);
      int base = (slot & MASK) * words;
      bits(data, offset, chunk, base);
    }

    private void bits(float[] data, int offset, long[] out, int base) {
      Arrays.fill(out, base, base + words, 0L);
      for (int d = 0; d < dimension; d++) {
        if (data[offset + d] > mean[d]) {
          out[base + (d >>> 6)] |= 1L << (d & 63);
        }
      }
    }

    private long[] chunk(int slot) {
      int index = slot >>> SHIFT;
      if (index >= chunks.length) {
        chunks = Arrays.copyOf(chunks, Math.max(index + 1, chunks.length * 2));
      }
      int needed = ((slot & MASK) + 1) * words;
      long[] chunk = chunks[index];
      if (chunk == null || chunk.length < needed) {
        int full = (MASK + 1) * words;
        int size = Math.min(full, Math.max(needed, chunk == null ? 512 : chunk.length * 2));
        chunk = chunk == null ? new long[size] : Arrays.copyOf(chunk, size);
        chunks[index] = chunk;
      }
      return chunk;
    }

    @Override
    NodeScorer scorer(float[] query, CollectionStore store) {
      long[] q = new long[words];
      bits(query, 0, q, 0);
      long[][] c = chunks;
      int w = words;
      return slot -> {
        long[] chunk = c[slot >>> SHIFT];
        int base = (slot & MASK) * w;
        int h = 0;
        for (int i = 0; i < w; i++) {
          h += Long.bitCount(q[i] ^ chunk[base + i]);
        }
        return h;
      };
    }

    @Override
    int rescoreFactor() {
      return 4;
    }

    @Override
    long memoryBytes(int slots) {
      return (long) slots * words * Long.BYTES + 4L * dimension;
    }
  }
}
