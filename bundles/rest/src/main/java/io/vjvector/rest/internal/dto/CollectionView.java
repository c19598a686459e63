package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A collection as the API shows it. */
public class CollectionView {
  /** The name. */
  public String name;

  /** The vector dimension. */
  public int dimension;

  /** The distance. */
  public String distance;

  /** ISO-8601 creation time. */
  @JsonProperty("created_at")
  public String createdAt;

  /** Live points. */
  @JsonProperty("points_count")
  public long pointsCount;
}
