package io.vjvector.rest.internal;

import io.vjvector.engine.VectorEngine;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The configured request limits, shared by the filter and the resources of this bundle. */
@Component(service = Limits.class, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class Limits {
  private volatile RestConfig config;

  /**
   * Starts with the given configuration.
   *
   * @param config the limits
   */
  @Activate
  public Limits(RestConfig config) {
    this.config = config;
  }

  @Modified
  void modified(RestConfig config) {
    this.config = config;
  }

  long maxBodyBytes() {
    return config.maxBodyBytes();
  }

  void checkBatch(List<?> items, String what) {
    int max = Math.min(config.maxBatchPoints(), VectorEngine.MAX_BATCH);
    checkSize(items, what, max);
  }

  void checkSearchBatch(List<?> items) {
    checkSize(items, "searches", config.maxBatchSearches());
  }

  private static void checkSize(List<?> items, String what, int max) {
    if (items == null || items.isEmpty()) {
      throw new VjvException(ErrorType.INVALID_BATCH, "'" + what + "' must not be empty");
    }
    if (items.size() > max) {
      throw new VjvException(
          ErrorType.INVALID_BATCH,
          "'" + what + "' has " + items.size() + " entries; at most " + max + " are allowed");
    }
  }
}
