package io.vjvector.sdk.host;

import org.osgi.annotation.versioning.ProviderType;

/** A count that only goes up, from {@link Metrics#counter}. Thread-safe. */
@ProviderType
public interface Counter {
  /**
   * Adds to the count.
   *
   * @param amount how much, not negative
   * @throws IllegalArgumentException if the amount is negative
   */
  void increment(long amount);

  /** Adds one to the count. */
  default void increment() {
    increment(1);
  }
}
