package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One nearest-neighbour query. */
public class SearchQuery {
  /** The query vector. */
  public float[] vector;

  /** How many hits at most; 10 when absent. */
  public Integer limit;

  /** Only points matching this. */
  public JsonNode filter;

  /** Whether hits carry payloads; true when absent. */
  @JsonProperty("with_payload")
  public Boolean withPayload;

  /** Whether hits carry vectors; false when absent. */
  @JsonProperty("with_vector")
  public Boolean withVector;
}
