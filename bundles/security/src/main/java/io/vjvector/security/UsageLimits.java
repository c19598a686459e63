package io.vjvector.security;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Per-tenant rate limits, quotas and usage metering. */
@ProviderType
public interface UsageLimits {
  /**
   * Takes one request from the tenant's bucket for the class.
   *
   * @param tenant the tenant
   * @param endpoint the request's class
   * @return the decision, with what to put in {@code RateLimit-*} headers
   */
  RateDecision acquire(String tenant, EndpointClass endpoint);

  /**
   * The effective limits of a tenant: its own, else the node's defaults.
   *
   * @param tenant the tenant
   * @return the limits
   */
  TenantLimits limits(String tenant);

  /**
   * Counts a finished request.
   *
   * @param tenant the tenant
   * @param endpoint its class
   * @param searches searches it ran
   * @param pointsWritten points it upserted
   * @param pointsRead points it returned
   * @param bytesIn request body bytes
   */
  void meter(
      String tenant,
      EndpointClass endpoint,
      long searches,
      long pointsWritten,
      long pointsRead,
      long bytesIn);

  /**
   * The tenant's counters since the node started.
   *
   * @param tenant the tenant
   * @return counter name to value
   */
  Map<String, Long> counters(String tenant);

  /**
   * Every metered tenant's counters.
   *
   * @return tenant to counter name to value
   */
  Map<String, Map<String, Long>> allCounters();

  /**
   * The outcome of taking a token.
   *
   * @param allowed whether the request may run
   * @param limit the bucket's capacity
   * @param remaining tokens left
   * @param resetSeconds seconds until the bucket is full again (or, when refused, until a token is
   *     there)
   */
  record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds) {}
}
