package io.vjvector.bench.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The .fvecs/.ivecs format: per record a little-endian int dimension, then that many values. */
final class Vecs {

  private Vecs() {}

  static long recordBytes(int dim) {
    return 4L + 4L * dim;
  }

  static ByteBuffer fvecsRecord(float[] v) {
    ByteBuffer b = ByteBuffer.allocate((int) recordBytes(v.length)).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(v.length);
    for (float x : v) {
      b.putFloat(x);
    }
    return b.flip();
  }

  static ByteBuffer ivecsRecord(int[] v) {
    ByteBuffer b = ByteBuffer.allocate((int) recordBytes(v.length)).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(v.length);
    for (int x : v) {
      b.putInt(x);
    }
    return b.flip();
  }

  static float[][] readFvecs(Path file) throws IOException {
    List<float[]> out = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      byte[] head = new byte[4];
      while (in.readNBytes(head, 0, 4) == 4) {
        int dim = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] body = in.readNBytes(dim * 4);
        if (body.length != dim * 4) {
          throw new IOException(file + ": truncated record " + out.size());
        }
        float[] v = new float[dim];
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        out.add(v);
      }
    }
    return out.toArray(new float[0][]);
  }

  static int[][] readIvecs(Path file) throws IOException {
    List<int[]> out = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      byte[] head = new byte[4];
      while (in.readNBytes(head, 0, 4) == 4) {
        int dim = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] body = in.readNBytes(dim * 4);
        if (body.length != dim * 4) {
          throw new IOException(file + ": truncated record " + out.size());
        }
        int[] v = new int[dim];
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        out.add(v);
      }
    }
    return out.toArray(new int[0][]);
  }
}
