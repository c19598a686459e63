package io.vjvector.security;

import java.time.Instant;

/**
 * A tenant: the unit of isolation, limits and encryption keys.
 *
 * @param name the tenant's name
 * @param status active or suspended
 * @param created when it was created
 * @param limits its limits
 */
public record Tenant(String name, Status status, Instant created, TenantLimits limits) {
  /** A tenant's state. */
  public enum Status {
    /** Requests are served. */
    ACTIVE,
    /** Every request is refused with 403; data stays. */
    SUSPENDED
  }
}
