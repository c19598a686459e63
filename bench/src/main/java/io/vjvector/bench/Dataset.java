package io.vjvector.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/** Base vectors, queries and (optionally) exact top-k ids, from .fvecs/.ivecs or IDX files. */
record Dataset(String name, float[][] base, float[][] queries, int[][] groundTruth) {

  /** The ann-benchmarks fashion-mnist-784 split: 60k training images as base, 10k test queries. */
  static Dataset fashionMnist(Path dir, int maxBase, int maxQueries) throws IOException {
    float[][] base = idxImages(dir.resolve("train-images-idx3-ubyte.gz"), maxBase);
    float[][] queries = idxImages(dir.resolve("t10k-images-idx3-ubyte.gz"), maxQueries);
    return new Dataset("fashion-mnist-784-euclidean", base, queries, null);
  }

  /**
   * Vectors from .fvecs files. A given ground truth is only kept when the whole base is loaded: ids
   * in it may point past a limited base.
   */
  static Dataset vecs(Path base, Path queries, Path groundTruth, int maxBase, int maxQueries)
      throws IOException {
    return new Dataset(
        base.getFileName().toString(),
        fvecs(base, maxBase),
        fvecs(queries, maxQueries),
        groundTruth == null || maxBase != Integer.MAX_VALUE
            ? null
            : ivecs(groundTruth, maxQueries));
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
        "synthetic-" + count + "x" + dim + "-euclidean",
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

  Dataset withGroundTruth(int[][] truth) {
    return new Dataset(name, base, queries, truth);
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

  /** Little-endian records: int dimension, then that many floats. */
  static float[][] fvecs(Path file, int max) throws IOException {
    List<float[]> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = new byte[4];
      while (out.size() < max && in.readNBytes(head, 0, 4) == 4) {
        int dim = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer body = ByteBuffer.wrap(in.readNBytes(dim * 4)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[dim];
        body.asFloatBuffer().get(v);
        out.add(v);
      }
    }
    return out.toArray(new float[0][]);
  }

  static int[][] ivecs(Path file, int max) throws IOException {
    List<int[]> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = new byte[4];
      while (out.size() < max && in.readNBytes(head, 0, 4) == 4) {
        int dim = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer body = ByteBuffer.wrap(in.readNBytes(dim * 4)).order(ByteOrder.LITTLE_ENDIAN);
        int[] v = new int[dim];
        body.asIntBuffer().get(v);
        out.add(v);
      }
    }
    return out.toArray(new int[0][]);
  }
}
