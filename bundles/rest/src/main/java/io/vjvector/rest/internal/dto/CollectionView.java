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

  /** Points linked into the HNSW graph (0 while the collection is searched exactly). */
  @JsonProperty("indexed_points_count")
  public long indexedPointsCount;

  /** {@code green}: every point is searchable. */
  public String status;

  /** Index parameters. */
  @JsonProperty("hnsw_config")
  public HnswConfigDto hnswConfig;

  /** Memory by part: {@code vectors}, {@code graph}. */
  @JsonProperty("memory_bytes")
  public java.util.Map<String, Long> memoryBytes;

  /** Bytes on disk. */
  @JsonProperty("disk_bytes")
  public long diskBytes;
}
