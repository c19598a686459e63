package io.vjvector.sdk.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default methods of the metric interfaces, against a recording host implementation. */
class MetricsTest {
  private final List<String> created = new ArrayList<>();
  private final List<Long> increments = new ArrayList<>();
  private final List<Duration> recorded = new ArrayList<>();

  private final Metrics metrics =
      new Metrics() {
        @Override
        public Counter counter(String name, Map<String, String> tags) {
          created.add("counter " + name + tags);
          return increments::add;
        }

        @Override
        public Timer timer(String name, Map<String, String> tags) {
          created.add("timer " + name + tags);
          return recorded::add;
        }
      };

  @Test
  void untaggedMetricsHaveNoTags() {
    metrics.counter("requests").increment();
    metrics.counter("tokens").increment(40);
    metrics.timer("latency");
    assertEquals(List.of("counter requests{}", "counter tokens{}", "timer latency{}"), created);
    assertEquals(List.of(1L, 40L), increments);
  }

  @Test
  void timeRecordsAlsoWhenTheWorkFails() {
    Timer timer = metrics.timer("call", Map.of("model", "m"));
    assertEquals("ok", timer.time(() -> "ok"));
    assertThrows(
        IllegalStateException.class,
        () ->
            timer.time(
                () -> {
                  throw new IllegalStateException("boom");
                }));
    assertEquals(2, recorded.size());
    assertTrue(recorded.stream().noneMatch(Duration::isNegative));
  }
}
