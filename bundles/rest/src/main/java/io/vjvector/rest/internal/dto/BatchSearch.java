package io.vjvector.rest.internal.dto;

import java.util.List;

/** Body of {@code POST /collections/{name}/search/batch}. */
public class BatchSearch {
  /** The queries, answered in order. */
  public List<SearchQuery> searches;
}
