package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"m": 16, "ef_construct": 100}}. */
public class HnswConfigDto {
  /** Links per node (twice as many on the bottom layer). */
  public Integer m;

  /** Beam width while building. */
  @JsonProperty("ef_construct")
  public Integer efConstruct;
}
