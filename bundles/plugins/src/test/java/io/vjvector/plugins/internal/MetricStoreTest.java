package io.vjvector.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vjvector.plugins.MetricSample;
import io.vjvector.sdk.host.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricStoreTest {
  private final MetricStore store = new MetricStore();

  @Test
  void countersAndTimersAreKeptPerPlugin() {
    Metrics a = store.forPlugin("com.example.a");
    Metrics b = store.forPlugin("com.example.b");
    a.counter("requests", Map.of("outcome", "ok")).increment();
    a.counter("requests", Map.of("outcome", "ok")).increment(2);
    b.counter("requests").increment();
    a.timer("embed.latency").record(Duration.ofMillis(3));
    a.timer("embed.latency").record(Duration.ofMillis(7));
    assertSame(
        a.counter("requests", Map.of("outcome", "ok")),
        a.counter("requests", Map.of("outcome", "ok")));

    List<MetricSample> s = store.snapshot();
    assertEquals(3, s.size());
    assertEquals(
        new MetricSample(
            "com.example.a", "embed.latency", Map.of(), "timer", 2, 10_000_000, 7_000_000),
        s.get(0));
    assertEquals(
        new MetricSample("com.example.a", "requests", Map.of("outcome", "ok"), "counter", 3, 0, 0),
        s.get(1));
    assertEquals("com.example.b", s.get(2).pluginId());
    assertEquals(1, s.get(2).count());
  }

  @Test
  void malformedNamesAndValuesAreRejected() {
    Metrics m = store.forPlugin("p");
    assertThrows(IllegalArgumentException.class, () -> m.counter("Requests"));
    assertThrows(IllegalArgumentException.class, () -> m.counter("requests..total"));
    assertThrows(IllegalArgumentException.class, () -> m.counter("ok", Map.of("Bad-Key", "x")));
    assertThrows(IllegalArgumentException.class, () -> m.counter("ok").increment(-1));
    assertThrows(IllegalArgumentException.class, () -> m.timer("t").record(Duration.ofNanos(-1)));
  }

  @Test
  void aPluginCannotGrowTheStoreWithoutBound() {
    Metrics m = store.forPlugin("noisy");
    for (int i = 0; i < MetricStore.MAX_PER_PLUGIN + 50; i++) {
      m.counter("hits", Map.of("user", "u" + i)).increment();
    }
    assertEquals(MetricStore.MAX_PER_PLUGIN, store.snapshot().size());
  }
}
