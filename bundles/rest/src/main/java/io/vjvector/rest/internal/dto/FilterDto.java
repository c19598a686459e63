package io.vjvector.rest.internal.dto;

import java.util.List;

/** {@code {"must": [{"key": "color", "match": {"value": "red"}}]}}. */
public class FilterDto {
  /** Conditions that must all hold. */
  public List<Condition> must;

  /** One field condition. */
  public static class Condition {
    /** The payload field. */
    public String key;

    /** What it must match. */
    public MatchValue match;
  }

  /** An exact value. */
  public static class MatchValue {
    /** A string, number or boolean. */
    public Object value;
  }
}
