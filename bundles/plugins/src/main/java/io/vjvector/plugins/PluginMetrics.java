package io.vjvector.plugins;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The metrics plugins record through their {@code PluginContext}, kept in the host. */
@ProviderType
public interface PluginMetrics {
  /**
   * The current value of every metric.
   *
   * @return the metrics, sorted by plugin id, name and tags
   */
  List<MetricSample> snapshot();
}
