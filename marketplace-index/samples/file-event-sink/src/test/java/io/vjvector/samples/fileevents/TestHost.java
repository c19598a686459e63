package io.vjvector.samples.fileevents;

import io.vjvector.sdk.host.Config;
import io.vjvector.sdk.host.Counter;
import io.vjvector.sdk.host.Metrics;
import io.vjvector.sdk.host.PluginContext;
import io.vjvector.sdk.host.Timer;
import io.vjvector.sdk.store.VectorStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The part of a host this plugin uses: configuration, a data directory, logger and counters. */
final class TestHost implements PluginContext {
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final Config config;
  private final Path dataDirectory;

  TestHost(Map<String, ?> config, Path dataDirectory) {
    this.config = Config.of(config);
    this.dataDirectory = dataDirectory;
  }

  long counter(String name) {
    AtomicLong count = counters.get(name);
    return count == null ? 0 : count.get();
  }

  @Override
  public String pluginId() {
    return "io.vjvector.samples.file.eventsink";
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public Optional<char[]> secret(String name) {
    return Optional.empty();
  }

  @Override
  public Metrics metrics() {
    return new Metrics() {
      @Override
      public Counter counter(String name, Map<String, String> tags) {
        AtomicLong count = counters.computeIfAbsent(name, n -> new AtomicLong());
        return count::addAndGet;
      }

      @Override
      public Timer timer(String name, Map<String, String> tags) {
        return d -> {};
      }
    };
  }

  @Override
  public System.Logger logger() {
    return System.getLogger(pluginId());
  }

  @Override
  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new SecurityException("this plugin was granted no network access");
  }

  @Override
  public VectorStore vectorStore(String tenant) {
    throw new SecurityException("this plugin was granted no tenant");
  }
}
