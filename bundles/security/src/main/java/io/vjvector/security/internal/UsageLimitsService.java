package io.vjvector.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vjvector.security.EndpointClass;
import io.vjvector.security.Security;
import io.vjvector.security.Tenant;
import io.vjvector.security.TenantLimits;
import io.vjvector.security.UsageLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Token buckets per tenant and endpoint class (Bucket4j; capacity one second's worth, refilled
 * greedily), the effective quotas, and usage counters.
 */
@Component(
    service = UsageLimits.class,
    configurationPid = SecurityConfig.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class UsageLimitsService implements UsageLimits {
  private static final String[] COUNTERS = {
    "requests", "reads", "writes", "admin", "searches", "pointsWritten", "pointsRead", "bytesIn"
  };

  private final Security security;
  private volatile TenantLimits defaults;

  /** Keyed by tenant, class and rate, so that a changed rate gets a fresh bucket. */
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(10, TimeUnit.MINUTES).maximumSize(100_000).build();

  private final Map<String, Map<String, LongAdder>> usage = new ConcurrentHashMap<>();

  /**
   * Starts with the configured defaults.
   *
   * @param security the tenants
   * @param config the settings
   */
  @Activate
  public UsageLimitsService(@Reference Security security, SecurityConfig config) {
    this.security = security;
    modified(config);
  }

  @Modified
  void modified(SecurityConfig config) {
    defaults =
        new TenantLimits(
            config.maxCollections(),
            config.maxPoints(),
            config.maxStoredBytes(),
            config.readsPerSecond(),
            config.writesPerSecond(),
            config.adminPerSecond());
  }

  @Override
  public TenantLimits limits(String tenant) {
    TenantLimits own = security.tenant(tenant).map(Tenant::limits).orElse(TenantLimits.DEFAULTS);
    return own.orElse(defaults);
  }

  @Override
  public RateDecision acquire(String tenant, EndpointClass endpoint) {
    TenantLimits l = limits(tenant);
    long rate;
    switch (endpoint) {
      case READ:
        rate = l.readsPerSecond();
        break;
      case WRITE:
        rate = l.writesPerSecond();
        break;
      default:
        rate = l.adminPerSecond();
    }
    if (rate <= 0) {
      return new RateDecision(true, Long.MAX_VALUE, Long.MAX_VALUE, 0);
    }
    Bucket bucket =
        buckets.get(
            tenant + '\0' + endpoint + '\0' + rate,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(rate)
                            .refillGreedy(rate, Duration.ofSeconds(1))
                            .build())
                    .build());
    ConsumptionProbe p = bucket.tryConsumeAndReturnRemaining(1);
    if (p.isConsumed()) {
      long missing = rate - p.getRemainingTokens();
      long reset = (long) Math.ceil((double) missing / rate);
      return new RateDecision(true, rate, p.getRemainingTokens(), reset);
    }
    long wait =
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(p.getNanosToWaitForRefill() + 999_999_999L));
    return new RateDecision(false, rate, 0, wait);
  }

  @Override
  public void meter(
      String tenant,
      EndpointClass endpoint,
      long searches,
      long pointsWritten,
      long pointsRead,
      long bytesIn) {
    Map<String, LongAdder> c = usage.computeIfAbsent(tenant, t -> newCounters());
    c.get("requests").increment();
    c.get(
            endpoint == EndpointClass.READ
                ? "reads"
                : endpoint == EndpointClass.WRITE ? "writes" : "admin")
        .increment();
    c.get("searches").add(searches);
    c.get("pointsWritten").add(pointsWritten);
    c.get("pointsRead").add(pointsRead);
    c.get("bytesIn").add(bytesIn);
  }

  private static Map<String, LongAdder> newCounters() {
    Map<String, LongAdder> m = new LinkedHashMap<>();
    for (String n : COUNTERS) {
      m.put(n, new LongAdder());
    }
    return Map.copyOf(m);
  }

  @Override
  public Map<String, Long> counters(String tenant) {
    Map<String, LongAdder> c = usage.get(tenant);
    Map<String, Long> out = new LinkedHashMap<>();
    for (String n : COUNTERS) {
      out.put(n, c == null ? 0L : c.get(n).sum());
    }
    return out;
  }

  @Override
  public Map<String, Map<String, Long>> allCounters() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    usage.keySet().stream().sorted().forEach(t -> out.put(t, counters(t)));
    return out;
  }
}
