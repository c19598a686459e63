package io.vjvector.sdk.host;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates a plugin's metrics. The host implements it and exports the metrics (for example to
 * Prometheus) prefixed with {@code vjvector_plugin_} and tagged with the plugin's id.
 *
 * <p>Names are lower-case words separated by dots, such as {@code requests} or {@code
 * cache.misses}; tag keys likewise. Asking twice for the same name and tags returns the same
 * metric. Keep tag values few (a model name, an outcome), never a user input or an id.
 */
@ProviderType
public interface Metrics {
  /**
   * A counter with tags.
   *
   * @param name the name
   * @param tags tag keys and values
   * @return the counter
   * @throws IllegalArgumentException if the name or a tag is malformed
   */
  Counter counter(String name, Map<String, String> tags);

  /**
   * A counter without tags.
   *
   * @param name the name
   * @return the counter
   * @throws IllegalArgumentException if the name is malformed
   */
  default Counter counter(String name) {
    return counter(name, Map.of());
  }

  /**
   * A timer with tags.
   *
   * @param name the name
   * @param tags tag keys and values
   * @return the timer
   * @throws IllegalArgumentException if the name or a tag is malformed
   */
  Timer timer(String name, Map<String, String> tags);

  /**
   * A timer without tags.
   *
   * @param name the name
   * @return the timer
   * @throws IllegalArgumentException if the name is malformed
   */
  default Timer timer(String name) {
    return timer(name, Map.of());
  }
}
