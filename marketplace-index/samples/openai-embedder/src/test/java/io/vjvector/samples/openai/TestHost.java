package io.vjvector.samples.openai;

import io.vjvector.sdk.host.Config;
import io.vjvector.sdk.host.Counter;
import io.vjvector.sdk.host.Metrics;
import io.vjvector.sdk.host.PluginContext;
import io.vjvector.sdk.host.Timer;
import io.vjvector.sdk.store.VectorStore;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part of a host this plugin uses: configuration, secrets, metrics and egress, the latter with
 * a real HTTP client and an allow-list of hosts like the host's egress policy.
 */
final class TestHost implements PluginContext {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> timings = new ConcurrentHashMap<>();
  private final Config config;
  private final Map<String, String> secrets;
  private final Set<String> allowedHosts;

  TestHost(Map<String, ?> config, Map<String, String> secrets, Set<String> allowedHosts) {
    this.config = Config.of(config);
    this.secrets = Map.copyOf(secrets);
    this.allowedHosts = Set.copyOf(allowedHosts);
  }

  @Override
  public String pluginId() {
    return "io.vjvector.samples.openai.embedder";
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public Optional<char[]> secret(String name) {
    return Optional.ofNullable(secrets.get(name)).map(String::toCharArray);
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
        AtomicLong count = timings.computeIfAbsent(name, n -> new AtomicLong());
        return (Duration d) -> count.incrementAndGet();
      }
    };
  }

  @Override
  public System.Logger logger() {
    return System.getLogger(pluginId());
  }

  @Override
  public Path dataDirectory() {
    throw new UnsupportedOperationException("not used by this plugin");
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    if (!allowedHosts.contains(request.uri().getHost())) {
      throw new SecurityException("egress to " + request.uri().getHost() + " is not granted");
    }
    return HTTP.send(request, handler);
  }

  @Override
  public VectorStore vectorStore(String tenant) {
    throw new UnsupportedOperationException("not used by this plugin");
  }

  long counter(String name) {
    AtomicLong count = counters.get(name);
    return count == null ? 0 : count.get();
  }
}
