package io.vjvector.engine.internal;

/** Portable loops; four accumulators break the dependency chain so the JIT can pipeline. */
final class ScalarKernels implements Kernels {
  @Override
  public float dot(float[] a, float[] b, int bOffset, int dim) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < dim; i += 4) {
      s0 += a[i] * b[bOffset + i];
      s1 += a[i + 1] * b[bOffset + i + 1];
      s2 += a[i + 2] * b[bOffset + i + 2];
      s3 += a[i + 3] * b[bOffset + i + 3];
    }
    for (; i < dim; i++) {
      s0 += a[i] * b[bOffset + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public float squaredL2(float[] a, float[] b, int bOffset, int dim) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < dim; i += 4) {
      float d0 = a[i] - b[bOffset + i];
      float d1 = a[i + 1] - b[bOffset + i + 1];
      float d2 = a[i + 2] - b[bOffset + i + 2];
      float d3 = a[i + 3] - b[bOffset + i + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < dim; i++) {
      float d = a[i] - b[bOffset + i];
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public float dotBytes(float[] w, byte[] codes, int cOffset, int dim) {
    float s0 = 0;
    float s1 = 0;
    int i = 0;
    for (; i + 1 < dim; i += 2) {
      s0 += w[i] * codes[cOffset + i];
      s1 += w[i + 1] * codes[cOffset + i + 1];
    }
    for (; i < dim; i++) {
      s0 += w[i] * codes[cOffset + i];
    }
    return s0 + s1;
  }

  @Override
  public String name() {
    return "scalar";
  }
}
