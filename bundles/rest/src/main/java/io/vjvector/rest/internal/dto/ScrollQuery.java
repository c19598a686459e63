package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** Body of {@code POST /collections/{name}/points/scroll}. */
public class ScrollQuery {
  /** The id to start at (inclusive): absent for the first page, then {@code next_page_offset}. */
  public JsonNode offset;

  /** Points per page; 10 when absent. */
  public Integer limit;

  /** Only points matching this. */
  public JsonNode filter;

  /** Whether points carry payloads; true when absent. */
  @JsonProperty("with_payload")
  public Boolean withPayload;

  /** Whether points carry vectors; false when absent. */
  @JsonProperty("with_vector")
  public Boolean withVector;
}
