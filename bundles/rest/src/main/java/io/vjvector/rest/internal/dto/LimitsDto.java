package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tenant's limits; absent or 0 means the node's default. */
public class LimitsDto {
  /** Most collections. */
  @JsonProperty("max_collections")
  public Long maxCollections;

  /** Most points. */
  @JsonProperty("max_points")
  public Long maxPoints;

  /** Most stored bytes. */
  @JsonProperty("max_stored_bytes")
  public Long maxStoredBytes;

  /** Reads a second. */
  @JsonProperty("reads_per_second")
  public Long readsPerSecond;

  /** Writes a second. */
  @JsonProperty("writes_per_second")
  public Long writesPerSecond;

  /** Admin requests a second. */
  @JsonProperty("admin_per_second")
  public Long adminPerSecond;
}
