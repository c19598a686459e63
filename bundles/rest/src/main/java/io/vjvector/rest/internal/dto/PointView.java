package io.vjvector.rest.internal.dto;

import java.util.Map;

/** A stored point as the API returns it. */
public class PointView {
  /** The id: a number or a string. */
  public Object id;

  /** The vector, exactly as stored. */
  public float[] vector;

  /** The payload. */
  public Map<String, Object> payload;
}
