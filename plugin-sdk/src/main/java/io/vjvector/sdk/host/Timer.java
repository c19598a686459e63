package io.vjvector.sdk.host;

import java.time.Duration;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/** Records how long something took, from {@link Metrics#timer}. Thread-safe. */
@ProviderType
public interface Timer {
  /**
   * Records one duration.
   *
   * @param duration how long, not negative
   * @throws IllegalArgumentException if the duration is negative
   */
  void record(Duration duration);

  /**
   * Runs some work and records how long it took, also when it throws.
   *
   * @param <T> what the work returns
   * @param work the work
   * @return what the work returned
   */
  default <T> T time(Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      record(Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
