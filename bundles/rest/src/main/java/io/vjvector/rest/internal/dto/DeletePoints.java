package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Which points to delete: by id or by filter, exactly one of them. */
public class DeletePoints {
  /** The ids. */
  public List<JsonNode> ids;

  /** A filter; every matching point is deleted. */
  public JsonNode filter;
}
