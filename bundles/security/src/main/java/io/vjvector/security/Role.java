package io.vjvector.security;

import java.util.Set;

/**
 * A named set of permissions.
 *
 * @param name the role's name
 * @param permissions what it allows
 * @param builtIn whether it is one of the node's built-in roles (which cannot be changed)
 */
public record Role(String name, Set<Permission> permissions, boolean builtIn) {
  /** Copies the set. */
  public Role {
    permissions = Set.copyOf(permissions);
  }
}
