package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /collections}. */
public class CreateCollection {
  /** The name. */
  public String name;

  /** The vector dimension. */
  public Integer dimension;

  /** {@code cosine}, {@code dot} or {@code euclidean}. */
  public String distance;

  /** Index parameters; defaults when absent. */
  @JsonProperty("hnsw_config")
  public HnswConfigDto hnswConfig;

  /** {@code none} (default), {@code int8} or {@code binary}. */
  public String quantization;

  /** The embedder plugin (by name) that turns texts into this collection's vectors, or none. */
  public String embedder;

  @JsonProperty("retention_seconds")
  public Long retentionSeconds;
}
