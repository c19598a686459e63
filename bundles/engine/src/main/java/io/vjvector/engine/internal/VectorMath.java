package io.vjvector.engine.internal;

import io.vjvector.sdk.vector.Distance;

/**
 * Every distance computation goes through here. The hot loops run on the {@link Kernels} chosen at
 * start (SIMD when available) in float32; a result that overflowed float (only for vectors with
 * elements beyond about 1e19) is recomputed exactly in double, so scores are never NaN.
 */
final class VectorMath {
  private static final Kernels KERNELS = Kernels.select();

  private VectorMath() {}

  /** The name of the kernels in use, e.g. {@code panama (256-bit)}. */
  static String kernels() {
    return KERNELS.name();
  }

  static double dot(float[] a, float[] b, int bOffset, int dim) {
    float fast = KERNELS.dot(a, b, bOffset, dim);
    return Float.isFinite(fast) ? fast : exactDot(a, b, bOffset, dim);
  }

  static double squaredL2(float[] a, float[] b, int bOffset, int dim) {
    float fast = KERNELS.squaredL2(a, b, bOffset, dim);
    return Float.isFinite(fast) ? fast : exactSquaredL2(a, b, bOffset, dim);
  }

  /** Products of floats are exact in double, and double cannot overflow here. */
  static double exactDot(float[] a, float[] b, int bOffset, int dim) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < dim; i += 4) {
      s0 += (double) a[i] * b[bOffset + i];
      s1 += (double) a[i + 1] * b[bOffset + i + 1];
      s2 += (double) a[i + 2] * b[bOffset + i + 2];
      s3 += (double) a[i + 3] * b[bOffset + i + 3];
    }
    for (; i < dim; i++) {
      s0 += (double) a[i] * b[bOffset + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  static double exactSquaredL2(float[] a, float[] b, int bOffset, int dim) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < dim; i += 4) {
      double d0 = (double) a[i] - b[bOffset + i];
      double d1 = (double) a[i + 1] - b[bOffset + i + 1];
      double d2 = (double) a[i + 2] - b[bOffset + i + 2];
      double d3 = (double) a[i + 3] - b[bOffset + i + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < dim; i++) {
      double d = (double) a[i] - b[bOffset + i];
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@link Kernels#dotBytes}: float weights against signed byte codes. */
  static float dotBytes(float[] w, byte[] codes, int cOffset, int dim) {
    return KERNELS.dotBytes(w, codes, cOffset, dim);
  }

  static double norm(float[] v) {
    return Math.sqrt(dot(v, v, 0, v.length));
  }

  /**
   * The score of a stored vector against a query.
   *
   * @param queryNorm the query's norm (only read for cosine)
   * @param norm the stored vector's norm (only read for cosine)
   */
  static float score(
      Distance distance,
      float[] query,
      double queryNorm,
      float[] data,
      int offset,
      int dim,
      double norm) {
    switch (distance) {
      case DOT:
        return toFiniteFloat(dot(query, data, offset, dim));
      case EUCLID:
        return toFiniteFloat(Math.sqrt(squaredL2(query, data, offset, dim)));
      case COSINE:
        if (queryNorm == 0 || norm == 0) {
          return 0f;
        }
        // Rounding can push a self-match past 1; clamp so scores stay in the documented range.
        double cos = dot(query, data, offset, dim) / (queryNorm * norm);
        return (float) Math.max(-1.0, Math.min(1.0, cos));
      default:
        throw new IllegalArgumentException("unknown distance " + distance);
    }
  }

  /** Whether a score passes a {@code score_threshold} (null: no threshold). */
  static boolean within(Distance distance, float score, Float threshold) {
    return threshold == null
        || (distance.higherIsCloser() ? score >= threshold : score <= threshold);
  }

  /**
   * Narrows a score to float without overflowing to infinity, which JSON cannot carry: huge vectors
   * rank last or first as they should, at the largest finite float.
   */
  static float toFiniteFloat(double score) {
    return (float) Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, score));
  }

  /** The index of the first NaN or infinite element, or -1. */
  static int firstNonFinite(float[] v) {
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        return i;
      }
    }
    return -1;
  }
}
