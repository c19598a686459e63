package io.vjvector.sdk.store;

/** Checks and copies vectors for the records of this package. */
final class Vectors {
  private Vectors() {}

  static float[] copy(float[] vector, String what) {
    if (vector == null || vector.length == 0) {
      throw new IllegalArgumentException(what + " must have at least one dimension");
    }
    float[] copy = vector.clone();
    for (int i = 0; i < copy.length; i++) {
      if (!Float.isFinite(copy[i])) {
        throw new IllegalArgumentException(what + "[" + i + "] is " + copy[i] + ", not finite");
      }
    }
    return copy;
  }
}
