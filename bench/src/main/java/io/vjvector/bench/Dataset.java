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
import java.util.zip.GZIPInputStream;

/** Base vectors, queries and (optionally) exact top-k ids, from .fvecs/.ivecs or IDX files. */
record Dataset(String name, float[][] base, float[][] queries, int[][] groundTruth) {

  /** The ann-benchmarks fashion-mnist-784 split: 60k training images as base, 10k test queries. */
  static Dataset fashionMnist(Path dir, int maxQueries) throws IOException {
    float[][] base = idxImages(dir.resolve("train-images-idx3-ubyte.gz"), Integer.MAX_VALUE);
    float[][] queries = idxImages(dir.resolve("t10k-images-idx3-ubyte.gz"), maxQueries);
    return new Dataset("fashion-mnist-784-euclidean", base, queries, null);
  }

  static Dataset vecs(Path base, Path queries, Path groundTruth, int maxQueries)
      throws IOException {
    return new Dataset(
        base.getFileName().toString(),
        fvecs(base, Integer.MAX_VALUE),
        fvecs(queries, maxQueries),
        groundTruth == null ? null : ivecs(groundTruth, maxQueries));
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
