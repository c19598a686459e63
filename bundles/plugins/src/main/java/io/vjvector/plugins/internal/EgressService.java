package io.vjvector.plugins.internal;

import io.vjvector.sdk.host.Metrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends plugins' HTTP requests: one client for all plugins (the host's proxy and TLS trust, no
 * redirects followed, so every hop is checked), each request checked against the operator's
 * allow-list plus the plugin's own grant, and counted in the plugin's metrics.
 */
@Component(service = EgressService.class, configurationPid = HostConfig.PID)
public class EgressService {
  private static final Logger LOG = LoggerFactory.getLogger(EgressService.class);

  private final List<String> allowed;
  private final Duration requestTimeout;
  private final HttpClient client;

  /**
   * Builds the client.
   *
   * @param config the host configuration
   */
  @Activate
  public EgressService(HostConfig config) {
    this.allowed = nonBlank(config.egress_allow());
    new EgressPolicy(allowed, InetAddress::getAllByName); // a malformed entry fails activation
    this.requestTimeout = Duration.ofSeconds(config.egress_requestTimeoutSeconds());
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(config.egress_connectTimeoutSeconds()))
            .followRedirects(HttpClient.Redirect.NEVER);
    ProxySelector proxy = ProxySelector.getDefault();
    if (proxy != null) {
      builder.proxy(proxy);
    }
    this.client = builder.build();
  }

  /**
   * The entries of a list setting. A {@code .cfg} file gives a single string, so entries may also
   * be separated by commas in one value; empty ones ({@code egress.allow =}) are dropped.
   */
  static List<String> nonBlank(String[] values) {
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      for (String e : value == null ? new String[0] : value.split(",")) {
        if (!e.isBlank()) {
          kept.add(e.strip());
        }
      }
    }
    return List.copyOf(kept);
  }

  /** The policy of these entries; a malformed entry refuses everything (fail closed). */
  private static EgressPolicy policy(List<String> rules) {
    try {
      return new EgressPolicy(rules, InetAddress::getAllByName);
    } catch (IllegalArgumentException e) {
      throw new SecurityException("egress refused: the allow-list is malformed: " + e.getMessage());
    }
  }

  /**
   * Sends a plugin's request if the policy allows it.
   *
   * @param pluginId the plugin
   * @param granted the hosts granted to this plugin in particular
   * @param metrics the plugin's metrics
   * @param request the request
   * @param handler the body handler
   * @param <T> the body type
   * @return the response
   * @throws SecurityException if the destination is not allowed
   * @throws IOException if sending fails
   * @throws InterruptedException if interrupted
   */
  <T> HttpResponse<T> send(
      String pluginId,
      List<String> granted,
      Metrics metrics,
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    List<String> rules = new ArrayList<>(allowed);
    rules.addAll(granted);
    try {
      policy(rules).check(request.uri());
    } catch (SecurityException e) {
      metrics.counter("host.egress.requests", Map.of("outcome", "refused")).increment();
      LOG.warn("plugin {}: {}", pluginId, e.getMessage());
      throw e;
    }
    HttpRequest sent =
        request.timeout().isPresent()
            ? request
            : HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(requestTimeout)
                .build();
    long start = System.nanoTime();
    try {
      HttpResponse<T> response = client.send(sent, handler);
      metrics.counter("host.egress.requests", Map.of("outcome", "sent")).increment();
      return response;
    } catch (IOException e) {
      metrics.counter("host.egress.requests", Map.of("outcome", "failed")).increment();
      throw e;
    } finally {
      metrics.timer("host.egress.latency").record(Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
