package io.vjvector.security;

/**
 * Quotas and rates of one tenant. A value of 0 or less means "the node's default".
 *
 * @param maxCollections most collections
 * @param maxPoints most points over all collections
 * @param maxStoredBytes most bytes stored over all collections
 * @param readsPerSecond sustained read requests a second (burst: one second's worth)
 * @param writesPerSecond sustained write requests a second
 * @param adminPerSecond sustained admin requests a second
 */
public record TenantLimits(
    long maxCollections,
    long maxPoints,
    long maxStoredBytes,
    long readsPerSecond,
    long writesPerSecond,
    long adminPerSecond) {
  /** Every limit at the node's default. */
  public static final TenantLimits DEFAULTS = new TenantLimits(0, 0, 0, 0, 0, 0);

  /**
   * These limits with each unset value taken from the defaults.
   *
   * @param defaults the node's defaults
   * @return the effective limits
   */
  public TenantLimits orElse(TenantLimits defaults) {
    return new TenantLimits(
        pick(maxCollections, defaults.maxCollections),
        pick(maxPoints, defaults.maxPoints),
        pick(maxStoredBytes, defaults.maxStoredBytes),
        pick(readsPerSecond, defaults.readsPerSecond),
        pick(writesPerSecond, defaults.writesPerSecond),
        pick(adminPerSecond, defaults.adminPerSecond));
  }

  private static long pick(long own, long fallback) {
    return own > 0 ? own : fallback;
  }
}
