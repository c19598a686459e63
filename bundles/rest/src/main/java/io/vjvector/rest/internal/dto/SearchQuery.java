package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** One nearest-neighbour query. */
public class SearchQuery {
  /** The query vector: numbers, or base64 of little-endian float32 ({@link VectorDeserializer}). */
  @JsonDeserialize(using = VectorDeserializer.class)
  public float[] vector;

  /** How many hits at most; 10 when absent. */
  /** Instead of {@link #vector}: a text the collection's embedder turns into the query vector. */
  public String text;

  public Integer limit;

  /** How many of the closest hits to skip; 0 when absent. */
  public Integer offset;

  /** Only hits at least this similar (cosine, dot) or this close (euclidean). */
  @JsonProperty("score_threshold")
  public Float scoreThreshold;

  /** Only points matching this. */
  public JsonNode filter;

  /** {@code true} (the default), {@code false}, or a list of top-level payload fields. */
  @JsonProperty("with_payload")
  public JsonNode withPayload;

  /** Whether hits carry vectors; false when absent. */
  @JsonProperty("with_vector")
  public Boolean withVector;

  /** Search tuning. */
  public SearchParams params;

  /** {@code {"exact": false, "hnsw_ef": 64}}. */
  public static class SearchParams {
    /** Scan every point instead of using the index (ground truth). */
    public Boolean exact;

    /** The index's beam width for this query. */
    @JsonProperty("hnsw_ef")
    public Integer hnswEf;
  }
}
