package io.vjvector.engine.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD loops on the Java Vector API ({@code jdk.incubator.vector}, JDK 17+), at the widest lane
 * count the CPU offers, with fused multiply-add. Loaded by name only when the module is present, so
 * the bundle still resolves and runs (scalar) without it.
 */
final class PanamaKernels implements Kernels {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  /** Bytes with as many lanes as {@link #SPECIES}, or null when that shape does not exist. */
  private static final VectorSpecies<Byte> BYTES =
      SPECIES.length() >= 8
          ? VectorSpecies.of(byte.class, VectorShape.forBitSize(SPECIES.length() * 8))
          : null;

  @Override
  public float dot(float[] a, float[] b, int bOffset, int dim) {
    int lanes = SPECIES.length();
    int bound = dim - dim % (2 * lanes);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int i = 0;
    for (; i < bound; i += 2 * lanes) {
      acc0 =
          FloatVector.fromArray(SPECIES, a, i)
              .fma(FloatVector.fromArray(SPECIES, b, bOffset + i), acc0);
      acc1 =
          FloatVector.fromArray(SPECIES, a, i + lanes)
              .fma(FloatVector.fromArray(SPECIES, b, bOffset + i + lanes), acc1);
    }
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < dim; i++) {
      sum += a[i] * b[bOffset + i];
    }
    return sum;
  }

  @Override
  public float squaredL2(float[] a, float[] b, int bOffset, int dim) {
    int lanes = SPECIES.length();
    int bound = dim - dim % (2 * lanes);
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int i = 0;
    for (; i < bound; i += 2 * lanes) {
      FloatVector d0 =
          FloatVector.fromArray(SPECIES, a, i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
      FloatVector d1 =
          FloatVector.fromArray(SPECIES, a, i + lanes)
              .sub(FloatVector.fromArray(SPECIES, b, bOffset + i + lanes));
      acc0 = d0.fma(d0, acc0);
      acc1 = d1.fma(d1, acc1);
    }
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < dim; i++) {
      float d = a[i] - b[bOffset + i];
      sum += d * d;
    }
    return sum;
  }

  @Override
  public float dotBytes(float[] w, byte[] codes, int cOffset, int dim) {
    int i = 0;
    float sum = 0;
    if (BYTES != null) {
      int lanes = SPECIES.length();
      int bound = dim - dim % lanes;
      FloatVector acc = FloatVector.zero(SPECIES);
      for (; i < bound; i += lanes) {
        FloatVector c =
            (FloatVector)
                ByteVector.fromArray(BYTES, codes, cOffset + i)
                    .convertShape(VectorOperators.B2F, SPECIES, 0);
        acc = FloatVector.fromArray(SPECIES, w, i).fma(c, acc);
      }
      sum = acc.reduceLanes(VectorOperators.ADD);
    }
    for (; i < dim; i++) {
      sum += w[i] * codes[cOffset + i];
    }
    return sum;
  }

  @Override
  public String name() {
    return "panama (" + SPECIES.vectorBitSize() + "-bit)";
  }
}
