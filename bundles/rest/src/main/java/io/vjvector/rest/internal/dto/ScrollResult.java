package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of points and where the next one starts. */
public class ScrollResult {
  /** The points, in id order. */
  public List<PointView> points;

  /** The offset of the next page; {@code null} (always present) after the last page. */
  @JsonProperty("next_page_offset")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public Object nextPageOffset;
}
