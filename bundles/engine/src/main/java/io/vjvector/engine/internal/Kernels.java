package io.vjvector.engine.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distance kernels' inner loops over float32, accumulating in float like every vector engine's
 * hot path. {@link VectorMath} picks one implementation at start and falls back to exact double
 * arithmetic for the rare result that overflows.
 */
interface Kernels {
  /** System property forcing an implementation: {@code panama} or {@code scalar}. */
  String PROPERTY = "vjvector.kernels";

  /** Sum of {@code a[i] * b[bOffset + i]} for {@code i < dim}. */
  float dot(float[] a, float[] b, int bOffset, int dim);

  /** Sum of {@code (a[i] - b[bOffset + i])^2} for {@code i < dim}. */
  float squaredL2(float[] a, float[] b, int bOffset, int dim);

  /**
   * Sum of {@code w[i] * codes[cOffset + i]} for {@code i < dim}, the codes read as signed bytes:
   * the core of int8 quantized scoring.
   */
  float dotBytes(float[] w, byte[] codes, int cOffset, int dim);

  /** A short name for logs and benchmarks. */
  String name();

  /**
   * The fastest implementation that works here: the Java Vector API when the {@code
   * jdk.incubator.vector} module is present (it is on the assembly's and the tests' command lines),
   * else scalar loops. A candidate must agree with the scalar kernels on a self-test to be chosen.
   */
  static Kernels select() {
    Logger log = LoggerFactory.getLogger(Kernels.class);
    String forced = System.getProperty(PROPERTY, "");
    Kernels scalar = new ScalarKernels();
    if (forced.equals("scalar")) {
      log.info("distance kernels: scalar (forced by -D{}=scalar)", PROPERTY);
      return scalar;
    }
    try {
      Kernels panama =
          (Kernels)
              Class.forName(Kernels.class.getPackageName() + ".PanamaKernels")
                  .getDeclaredConstructor()
                  .newInstance();
      if (agree(panama, scalar)) {
        log.info("distance kernels: {}", panama.name());
        return panama;
      }
      log.warn("distance kernels: {} failed its self-test; using scalar", panama.name());
    } catch (ReflectiveOperationException | LinkageError e) {
      log.info(
          "distance kernels: scalar (Java Vector API unavailable: add --add-modules"
              + " jdk.incubator.vector to use SIMD)");
    }
    return scalar;
  }

  private static boolean agree(Kernels candidate, Kernels reference) {
    java.util.Random random = new java.util.Random(42);
    for (int dim : new int[] {1, 3, 8, 17, 64, 100, 384, 785}) {
      float[] a = new float[dim];
      float[] b = new float[dim + 5];
      for (int i = 0; i < dim; i++) {
        a[i] = random.nextFloat() * 2 - 1;
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = random.nextFloat() * 2 - 1;
      }
      float tolerance = 1e-4f * dim;
      byte[] codes = new byte[dim + 5];
      random.nextBytes(codes);
      if (Math.abs(candidate.dotBytes(a, codes, 5, dim) - reference.dotBytes(a, codes, 5, dim))
          > tolerance * 128) {
        return false;
      }
      if (Math.abs(candidate.dot(a, b, 5, dim) - reference.dot(a, b, 5, dim)) > tolerance
          || Math.abs(candidate.squaredL2(a, b, 5, dim) - reference.squaredL2(a, b, 5, dim))
              > tolerance) {
        return false;
      }
    }
    return true;
  }
}
