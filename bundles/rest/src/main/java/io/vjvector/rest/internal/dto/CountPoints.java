package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;

/** Body of {@code POST /collections/{name}/points/count}. */
public class CountPoints {
  /** Only points matching this; all when absent. */
  public JsonNode filter;
}
