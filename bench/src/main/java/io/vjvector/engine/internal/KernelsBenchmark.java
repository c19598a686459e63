package io.vjvector.engine.internal;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each distance kernel, scalar against SIMD, at the dimensions that matter: small, MiniLM (384),
 * Fashion-MNIST (784) and large embedding models (1536). Compare the two implementations within one
 * run; absolute numbers depend on the machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelsBenchmark {
  @Param({"128", "384", "784", "1536"})
  int dim;

  @Param({"scalar", "panama"})
  String kernels;

  private Kernels impl;
  private float[] a;
  private float[] b;
  private byte[] codes;

  @Setup
  public void setUp() {
    impl = kernels.equals("panama") ? new PanamaKernels() : new ScalarKernels();
    Random random = new Random(1);
    a = new float[dim];
    b = new float[dim];
    for (int i = 0; i < dim; i++) {
      a[i] = random.nextFloat() * 2 - 1;
      b[i] = random.nextFloat() * 2 - 1;
    }
    codes = new byte[dim];
    random.nextBytes(codes);
  }

  @Benchmark
  public float dot() {
    return impl.dot(a, b, 0, dim);
  }

  @Benchmark
  public float squaredL2() {
    return impl.squaredL2(a, b, 0, dim);
  }

  /** The int8 quantized traversal kernel: float weights against signed byte codes. */
  @Benchmark
  public float dotBytes() {
    return impl.dotBytes(a, codes, 0, dim);
  }
}
