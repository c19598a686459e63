package io.vjvector.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The smallest possible run of every kernel benchmark, in-process: proves they run, measures
 * nothing.
 */
class KernelsBenchmarkSmokeTest {
  @Test
  void everyBenchmarkRuns() throws Exception {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(KernelsBenchmark.class.getName())
                    .param("dim", "384")
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(50))
                    .timeUnit(TimeUnit.NANOSECONDS)
                    .build())
            .run();
    assertEquals(6, results.size(), "3 kernels x 2 implementations");
    for (RunResult r : results) {
      assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().toString());
    }
  }
}
