package io.vjvector.rest.internal.dto;

import java.util.List;

/** Body of {@code PUT /roles/{name}}. */
public class PutRole {
  /** Permission names, e.g. {@code data:read}. */
  public List<String> permissions;
}
