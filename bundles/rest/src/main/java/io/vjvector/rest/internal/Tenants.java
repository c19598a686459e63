package io.vjvector.rest.internal;

/**
 * Which tenant a request acts for. Until the security feature binds requests to authenticated
 * tenants, every request acts for the {@code default} tenant that exists on every node.
 */
final class Tenants {
  static final String DEFAULT = "default";

  private Tenants() {}
}
