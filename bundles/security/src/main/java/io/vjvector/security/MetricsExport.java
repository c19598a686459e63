package io.vjvector.security;

import org.osgi.annotation.versioning.ProviderType;

/** The node's security and usage metrics in the Prometheus text format. */
@ProviderType
public interface MetricsExport {
  /** The content type of {@link #scrape()}. */
  String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /**
   * The current values.
   *
   * @return Prometheus text exposition
   */
  String scrape();
}
