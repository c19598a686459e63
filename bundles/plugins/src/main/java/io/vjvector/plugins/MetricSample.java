package io.vjvector.plugins;

import java.util.Map;

/**
 * One metric of one plugin at one moment.
 *
 * @param pluginId the plugin that records it
 * @param name the metric's dotted lower-case name, as the plugin chose it
 * @param tags the metric's tags
 * @param type {@code counter} or {@code timer}
 * @param count the counter's value, or how many durations the timer recorded
 * @param totalNanos for a timer, the sum of the recorded durations; 0 for a counter
 * @param maxNanos for a timer, the longest recorded duration; 0 for a counter
 */
public record MetricSample(
    String pluginId,
    String name,
    Map<String, String> tags,
    String type,
    long count,
    long totalNanos,
    long maxNanos) {

  /** Copies the tags. */
  public MetricSample {
    tags = Map.copyOf(tags);
  }
}
