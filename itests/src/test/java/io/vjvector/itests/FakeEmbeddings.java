package io.vjvector.itests;

import java.nio.charset.StandardCharsets;

/** The embeddings the test's OpenAI-compatible server answers: a function of the text only. */
final class FakeEmbeddings {
  static final int DIMENSION = 8;

  private FakeEmbeddings() {}

  static float[] vector(String text) {
    float[] v = new float[DIMENSION];
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      v[i % DIMENSION] += (bytes[i] & 0xff) / 255f;
    }
    v[0] += 1; // never all zero
    return v;
  }
}
