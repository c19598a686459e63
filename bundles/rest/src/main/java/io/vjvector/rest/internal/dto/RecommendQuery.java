package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Body of {@code POST /collections/{name}/points/recommend}. */
public class RecommendQuery {
  /** Ids of points to find more of (at least one). */
  public List<JsonNode> positive;

  /** Ids of points to move away from. */
  public List<JsonNode> negative;

  /** How many hits at most; 10 when absent. */
  public Integer limit;

  /** Only hits at least this similar (cosine, dot) or this close (euclidean). */
  @JsonProperty("score_threshold")
  public Float scoreThreshold;

  /** Only points matching this. */
  public JsonNode filter;

  /** Whether hits carry payloads; true when absent. */
  @JsonProperty("with_payload")
  public Boolean withPayload;

  /** Whether hits carry vectors; false when absent. */
  @JsonProperty("with_vector")
  public Boolean withVector;
}
