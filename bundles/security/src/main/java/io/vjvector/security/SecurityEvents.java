package io.vjvector.security;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Watches for bursts of authentication failures, of refused (rate-limited) requests and bulk reads,
 * and raises {@link SecurityEvent}s.
 */
@ProviderType
public interface SecurityEvents {
  /**
   * Notes a failed authentication.
   *
   * @param source the caller's address
   * @param subject the key id or user name tried, or null
   */
  void authenticationFailed(String source, String subject);

  /**
   * Notes a request refused by a rate limit.
   *
   * @param tenant the tenant
   * @param subject the caller
   */
  void rateLimited(String tenant, String subject);

  /**
   * Notes points read by a caller.
   *
   * @param tenant the tenant
   * @param subject the caller
   * @param points how many points it received
   */
  void pointsRead(String tenant, String subject, long points);

  /**
   * The most recent events, newest first.
   *
   * @param tenant only this tenant's, or null for all
   * @param max at most this many
   * @return the events
   */
  List<SecurityEvent> recent(String tenant, int max);

  /**
   * How many events of each kind were raised since the node started.
   *
   * @return kind to count
   */
  java.util.Map<String, Long> counts();
}
