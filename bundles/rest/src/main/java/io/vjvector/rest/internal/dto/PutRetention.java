package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code PUT /collections/{name}/retention}. */
public class PutRetention {
  /** How long a point lives after its last write, in seconds; 0 keeps points until deleted. */
  @JsonProperty("retention_seconds")
  public Long retentionSeconds;
}
