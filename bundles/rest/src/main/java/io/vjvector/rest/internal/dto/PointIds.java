package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Body of the get and delete calls: a list of ids. */
public class PointIds {
  /** The ids. */
  public List<JsonNode> ids;
}
