package io.vjvector.bench;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Base vectors, queries and (optionally) exact top-k ids, from .fvecs/.ivecs or IDX files.
 *
 * @param truth where the ground truth came from, for the report (null: not said)
 */
record Dataset(String name, float[][] base, float[][] queries, int[][] groundTruth, String truth) {

  Dataset(String name, float[][] base, float[][] queries, int[][] groundTruth) {
    this(name, base, queries, groundTruth, null);
  }

  /** The ann-benchmarks fashion-mnist-784 split: 60k training images as base, 10k test queries. */
  static Dataset fashionMnist(Path dir, int maxBase, int maxQueries) throws IOException {
    float[][] base = idxImages(dir.resolve("train-images-idx3-ubyte.gz"), maxBase);
    float[][] queries = idxImages(dir.resolve("t10k-images-idx3-ubyte.gz"), maxQueries);
    return new Dataset("fashion-mnist-784", base, queries, null);
  }

  /**
   * Vectors from .fvecs files. A given ground truth is only kept when the whole base is loaded: ids
   * in it may point past a limited base.
   */
  static Dataset vecs(Path base, Path queries, Path groundTruth, int maxBase, int maxQueries)
      throws IOException {
    boolean keepTruth = groundTruth != null && maxBase == Integer.MAX_VALUE;
    Path dir = base.toAbsolutePath().getParent();
    return new Dataset(
        (dir == null || dir.getFileName() == null ? "" : dir.getFileName() + "/")
            + base.getFileName(),
        fvecs(base, maxBase),
        fvecs(queries, maxQueries),
        keepTruth ? ivecs(groundTruth, maxQueries) : null,
        keepTruth ? "given (" + groundTruth.getFileName() + ")" : null);
  }

  /**
   * Reproducible clustered data: {@code clusters} gaussian blobs (unit spread) around uniformly
   * drawn centres in [0, 10)^dim; queries come from the same distribution.
   */
  static Dataset synthetic(int count, int queries, int dim, long seed) {
    Random random = new Random(seed);
    int clusters = Math.max(1, Math.min(64, count / 100));
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int d = 0; d < dim; d++) {
        c[d] = random.nextFloat() * 10;
      }
    }
    return new Dataset(
        "synthetic-" + count + "x" + dim,
        blobs(count, centres, random),
        blobs(queries, centres, random),
        null);
  }

  private static float[][] blobs(int count, float[][] centres, Random random) {
    int dim = centres[0].length;
    float[][] out = new float[count][dim];
    for (float[] v : out) {
      float[] c = centres[random.nextInt(centres.length)];
      for (int d = 0; d < dim; d++) {
        v[d] = c[d] + (float) random.nextGaussian();
      }
    }
    return out;
  }

  Dataset withGroundTruth(int[][] groundTruth, String truth) {
    return new Dataset(name, base, queries, groundTruth, truth);
  }

  private static float[][] idxImages(Path file, int max) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != 0x00000803) {
        throw new IOException(file + " is not an IDX image file");
      }
      int count = Math.min(max, in.readInt());
      int dim = in.readInt() * in.readInt();
      float[][] out = new float[count][dim];
      byte[] row = new byte[dim];
      for (int i = 0; i < count; i++) {
        in.readFully(row);
        for (int d = 0; d < dim; d++) {
          out[i][d] = row[d] & 0xff;
        }
      }
      return out;
    }
  }

  /**
   * Little-endian records: int dimension, then that many floats; the first {@code max}. Read
   * through one 1 MiB buffer straight into the returned rows (no per-row buffers, no list to copy):
   * the heap holds the rows and little else, e.g. ~780 MB for 500,000 x 384.
   */
  static float[][] fvecs(Path file, int max) throws IOException {
    try (VecsReader in = new VecsReader(file, max)) {
      float[][] out = new float[in.count][];
      for (int i = 0; i < out.length; i++) {
        out[i] = new float[in.dim];
        in.next().asFloatBuffer().get(out[i]);
        in.skipRecord();
      }
      return out;
    }
  }

  /** .ivecs: as {@link #fvecs}, with int values. */
  static int[][] ivecs(Path file, int max) throws IOException {
    try (VecsReader in = new VecsReader(file, max)) {
      int[][] out = new int[in.count][];
      for (int i = 0; i < out.length; i++) {
        out[i] = new int[in.dim];
        in.next().asIntBuffer().get(out[i]);
        in.skipRecord();
      }
      return out;
    }
  }

  /**
   * Reads the records of a .fvecs/.ivecs file in order. Every record must have the dimension of the
   * first, and the file must hold whole records.
   */
  private static final class VecsReader implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    final int dim;
    final int count;

    VecsReader(Path file, int max) throws IOException {
      this.file = file;
      this.channel = FileChannel.open(file, StandardOpenOption.READ);
      try {
        long size = channel.size();
        ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(head, 0); // a file channel fills it unless the file is shorter
        if (size == 0) {
          dim = 0;
          count = 0;
        } else {
          dim = head.hasRemaining() ? -1 : head.getInt(0);
          long record = 4 + 4L * dim;
          if (dim <= 0 || size % record != 0) {
            throw new IOException(
                file
                    + ": not a .fvecs/.ivecs file (first dimension "
                    + dim
                    + ", "
                    + size
                    + " bytes is not a whole number of records)");
          }
          count = (int) Math.min(max, size / record);
        }
        buffer =
            ByteBuffer.allocate(Math.max(1 << 20, 4 + 4 * Math.max(dim, 0)))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.limit(0);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }

    /** The buffer positioned at the next record's values; {@link #skipRecord} then moves past. */
    ByteBuffer next() throws IOException {
      int bytes = 4 + 4 * dim;
      if (buffer.remaining() < bytes) {
        buffer.compact();
        while (buffer.position() < bytes) {
          if (channel.read(buffer) < 0) {
            throw new IOException(file + ": ends inside a record");
          }
        }
        buffer.flip();
      }
      int d = buffer.getInt();
      if (d != dim) {
        throw new IOException(file + ": a record of dimension " + d + " after " + dim);
      }
      return buffer;
    }

    void skipRecord() {
      buffer.position(buffer.position() + 4 * dim);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
