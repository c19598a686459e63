package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /data-subjects/erase} and {@code /export}: whose data, by a payload field.
 */
public class DataSubject {
  /** The payload field that identifies the subject (a dotted path is allowed). */
  public String field;

  /** Its value: a string, number or boolean. */
  public JsonNode value;
}
