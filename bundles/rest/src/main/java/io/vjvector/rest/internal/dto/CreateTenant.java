package io.vjvector.rest.internal.dto;

/** Body of {@code POST /tenants}. */
public class CreateTenant {
  /** The tenant's name. */
  public String name;

  /** Its limits; absent for the node's defaults. */
  public LimitsDto limits;
}
