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

  /**
   * {@code green}: the index has caught up with every write; {@code indexing}: the background
   * indexer is linking new points or repairing deleted ones (every point is searchable either way).
   */
  public String status;

  /** {@code none}, {@code int8} or {@code binary}. */
  public String quantization;

  /** The embedder plugin that turns texts into vectors, or null. */
  public String embedder;

  /** Indexed payload fields and their types. */
  @JsonProperty("payload_indexes")
  public java.util.Map<String, String> payloadIndexes;

  /** Index parameters. */
  @JsonProperty("hnsw_config")
  public HnswConfigDto hnswConfig;

  /** Memory by part: vectors, graph, quantized, payload, payload_index. */
  @JsonProperty("memory_bytes")
  public java.util.Map<String, Long> memoryBytes;

  /** Bytes on disk. */
  @JsonProperty("disk_bytes")
  public long diskBytes;

  /** How long a point lives after its last write, in seconds; absent: until deleted. */
  @JsonProperty("retention_seconds")
  public Long retentionSeconds;
}
