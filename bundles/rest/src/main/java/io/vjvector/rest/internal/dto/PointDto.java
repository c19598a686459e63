package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/** A point, in and out. */
public class PointDto {
  /** An unsigned 64-bit integer or a string. */
  public JsonNode id;

  /** The vector: numbers, or base64 of little-endian float32 (see {@link VectorDeserializer}). */
  @JsonDeserialize(using = VectorDeserializer.class)
  public float[] vector;

  /** A JSON object. */
  public Map<String, Object> payload;

  /** Instead of {@link #vector}: a text the collection's embedder turns into the vector. */
  public String text;
}
