package io.vjvector.rest.internal.dto;

/** Body of {@code POST /collections/{name}/points/count}. */
public class CountPoints {
  /** Only points matching this; all when absent. */
  public FilterDto filter;
}
