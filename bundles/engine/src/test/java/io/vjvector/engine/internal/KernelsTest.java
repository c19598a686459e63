package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelsTest {
  private final Random random = new Random(7);

  @Test
  void simdKernelsAreChosenWhenTheModuleIsPresent() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    assertTrue(module, "the tests run with --add-modules jdk.incubator.vector");
    assertTrue(VectorMath.kernels().startsWith("panama"), VectorMath.kernels());
  }

  @Test
  void everyImplementationMatchesExactArithmeticAtEveryLength() {
    for (Kernels k : new Kernels[] {new ScalarKernels(), new PanamaKernels()}) {
      for (int dim = 1; dim <= 300; dim++) {
        float[] a = randomVector(dim, 0);
        float[] b = randomVector(dim, 3);
        double dot = VectorMath.exactDot(a, b, 3, dim);
        double l2 = VectorMath.exactSquaredL2(a, b, 3, dim);
        assertEquals(dot, k.dot(a, b, 3, dim), 1e-5 * dim, k.name() + " dot, dim " + dim);
        assertEquals(l2, k.squaredL2(a, b, 3, dim), 1e-5 * dim, k.name() + " l2, dim " + dim);
        byte[] codes = new byte[dim + 5];
        random.nextBytes(codes);
        double bytesDot = 0;
        for (int i = 0; i < dim; i++) {
          bytesDot += (double) a[i] * codes[5 + i];
        }
        assertEquals(
            bytesDot, k.dotBytes(a, codes, 5, dim), 1e-3 * dim, k.name() + " bytes, dim " + dim);
      }
    }
  }

  @Test
  void overflowFallsBackToExactArithmetic() {
    float[] a = {3e38f, 3e38f};
    float[] b = {3e38f, -3e38f};
    // in float the two products are +inf and -inf, whose sum is NaN
    assertEquals(0.0, VectorMath.dot(a, b, 0, 2));
    assertTrue(Double.isFinite(VectorMath.squaredL2(a, b, 0, 2)));
  }

  private float[] randomVector(int dim, int offset) {
    float[] v = new float[dim + offset];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextFloat() * 2 - 1;
    }
    return v;
  }
}
