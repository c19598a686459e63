package io.vjvector.security.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vjvector.security.MetricsExport;
import io.vjvector.security.Security;
import io.vjvector.security.SecurityEvents;
import io.vjvector.security.Tenant;
import io.vjvector.security.UsageLimits;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Usage per tenant and security events as Micrometer meters, scraped in the Prometheus format:
 * {@code vjvector_tenant_<counter>_total{tenant=...}}, {@code
 * vjvector_security_events_total{kind=...}}, {@code vjvector_tenants{status=...}}.
 */
@Component(service = MetricsExport.class)
public class SecurityMetrics implements MetricsExport {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final UsageLimits usage;
  private final Set<String> metered = ConcurrentHashMap.newKeySet();

  /**
   * Registers the meters.
   *
   * @param usage usage counters
   * @param events security events
   * @param security tenants
   */
  @Activate
  public SecurityMetrics(
      @Reference UsageLimits usage,
      @Reference SecurityEvents events,
      @Reference Security security) {
    this.usage = usage;
    for (String kind : events.counts().keySet()) {
      FunctionCounter.builder(
              "vjvector.security.events", events, e -> e.counts().getOrDefault(kind, 0L))
          .description("Security events raised since start")
          .tag("kind", kind)
          .register(registry);
    }
    for (Tenant.Status status : Tenant.Status.values()) {
      Gauge.builder(
              "vjvector.tenants",
              security,
              s -> s.tenants().stream().filter(t -> t.status() == status).count())
          .description("Tenants by status")
          .tag("status", status.name().toLowerCase())
          .register(registry);
    }
  }

  @Deactivate
  void close() {
    registry.close();
  }

  @Override
  public String scrape() {
    for (Map.Entry<String, Map<String, Long>> e : usage.allCounters().entrySet()) {
      String tenant = e.getKey();
      if (metered.add(tenant)) {
        for (String counter : e.getValue().keySet()) {
          FunctionCounter.builder(
                  "vjvector.tenant." + snake(counter),
                  usage,
                  u -> u.counters(tenant).getOrDefault(counter, 0L))
              .description("Usage of the tenant since start: " + counter)
              .tag("tenant", tenant)
              .register(registry);
        }
      }
    }
    return registry.scrape();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1.$2").toLowerCase();
  }
}
