package io.vjvector.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /keys}. */
public class CreateKey {
  /** A label. */
  public String name;

  /** Role names. */
  public List<String> roles;

  /** Collections the key may touch; absent or empty for all. */
  public List<String> collections;

  /** ISO-8601 instant when it stops working; absent for never. */
  @JsonProperty("expires_at")
  public String expiresAt;
}
