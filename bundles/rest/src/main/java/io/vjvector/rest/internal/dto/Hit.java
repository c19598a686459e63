package io.vjvector.rest.internal.dto;

import java.util.Map;

/** A search hit. */
public class Hit {
  /** The point id. */
  public Object id;

  /** Similarity (cosine, dot) or distance (euclidean). */
  public float score;

  /** The payload, when requested. */
  public Map<String, Object> payload;

  /** The vector, when requested. */
  public float[] vector;
}
