package io.vjvector.plugins.internal;

import io.vjvector.plugins.MetricSample;
import io.vjvector.plugins.PluginMetrics;
import io.vjvector.sdk.host.Counter;
import io.vjvector.sdk.host.Metrics;
import io.vjvector.sdk.host.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugins' counters and timers, kept in the host so that they survive plugin restarts and can be
 * listed (and later exported) in one place. Each plugin may keep a bounded number of metrics: past
 * that, new ones still count but are not kept, so a plugin that tags by user input cannot exhaust
 * the host's memory.
 */
@Component(service = {MetricStore.class, PluginMetrics.class})
public class MetricStore implements PluginMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(MetricStore.class);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  /** How many metrics one plugin may keep. */
  static final int MAX_PER_PLUGIN = 1000;

  private record Key(String pluginId, String name, Map<String, String> tags, String type) {}

  /** One counter or timer. */
  private static final class Meter implements Counter, Timer {
    final LongAdder count = new LongAdder();
    final LongAdder totalNanos = new LongAdder();
    final AtomicLong maxNanos = new AtomicLong();

    @Override
    public void increment(long amount) {
      if (amount < 0) {
        throw new IllegalArgumentException("a counter only goes up: " + amount);
      }
      count.add(amount);
    }

    @Override
    public void record(Duration duration) {
      if (duration.isNegative()) {
        throw new IllegalArgumentException("negative duration " + duration);
      }
      long nanos = duration.toNanos();
      count.increment();
      totalNanos.add(nanos);
      maxNanos.accumulateAndGet(nanos, Math::max);
    }
  }

  private final Map<Key, Meter> meters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> perPlugin = new ConcurrentHashMap<>();

  /**
   * The metrics of one plugin.
   *
   * @param pluginId the plugin
   * @return its view of the store
   */
  Metrics forPlugin(String pluginId) {
    return new Metrics() {
      @Override
      public Counter counter(String name, Map<String, String> tags) {
        return meter(pluginId, name, tags, "counter");
      }

      @Override
      public Timer timer(String name, Map<String, String> tags) {
        return meter(pluginId, name, tags, "timer");
      }
    };
  }

  @Override
  public List<MetricSample> snapshot() {
    List<MetricSample> samples = new ArrayList<>();
    meters.forEach(
        (k, m) ->
            samples.add(
                new MetricSample(
                    k.pluginId(),
                    k.name(),
                    k.tags(),
                    k.type(),
                    m.count.sum(),
                    m.totalNanos.sum(),
                    m.maxNanos.get())));
    samples.sort(
        Comparator.comparing(MetricSample::pluginId)
            .thenComparing(MetricSample::name)
            .thenComparing(s -> s.tags().toString()));
    return samples;
  }

  private Meter meter(String pluginId, String name, Map<String, String> tags, String type) {
    check("metric name", name);
    Map<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> t : tags.entrySet()) {
      check("tag key", t.getKey());
      if (t.getValue() == null) {
        throw new IllegalArgumentException("tag '" + t.getKey() + "' has no value");
      }
      sorted.put(t.getKey(), t.getValue());
    }
    Key key = new Key(pluginId, name, Map.copyOf(sorted), type);
    Meter existing = meters.get(key);
    if (existing != null) {
      return existing;
    }
    AtomicLong kept = perPlugin.computeIfAbsent(pluginId, id -> new AtomicLong());
    if (kept.get() >= MAX_PER_PLUGIN) {
      if (kept.getAndIncrement() == MAX_PER_PLUGIN) {
        LOG.warn("plugin {} has {} metrics; further ones are not kept", pluginId, MAX_PER_PLUGIN);
      }
      return new Meter();
    }
    return meters.computeIfAbsent(
        key,
        k -> {
          kept.incrementAndGet();
          return new Meter();
        });
  }

  private static void check(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " '" + name + "' must be lower-case words separated by dots");
    }
  }
}
