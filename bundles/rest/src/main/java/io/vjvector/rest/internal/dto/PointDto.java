package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A point, in and out. */
public class PointDto {
  /** An unsigned 64-bit integer or a string. */
  public JsonNode id;

  /** The vector. */
  public float[] vector;

  /** A JSON object. */
  public Map<String, Object> payload;
}
