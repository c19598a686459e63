package io.vjvector.rest.internal.dto;

import java.util.List;

/** Body of {@code PUT /collections/{name}/points}. */
public class UpsertPoints {
  /** The points. */
  public List<PointDto> points;
}
