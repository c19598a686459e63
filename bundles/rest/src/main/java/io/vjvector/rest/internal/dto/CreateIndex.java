package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A payload index to create. */
public class CreateIndex {
  /** The payload field (or dotted path). */
  @JsonProperty("field_name")
  public String fieldName;

  /** {@code keyword}, {@code integer}, {@code float}, {@code bool} or {@code datetime}. */
  @JsonProperty("field_schema")
  public String fieldSchema;
}
