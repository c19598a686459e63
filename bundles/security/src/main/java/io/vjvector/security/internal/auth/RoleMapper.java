package io.vjvector.security.internal.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps the role values an identity provider asserts (claim or attribute values, group names) to
 * role names. With an empty mapping the values are the role names; otherwise only mapped values
 * grant a role and the rest are ignored.
 */
final class RoleMapper {
  private final Map<String, String> mapping;

  /**
   * Creates the mapper.
   *
   * @param mapping provider value to role name; empty or null to take values as role names
   */
  RoleMapper(Map<String, String> mapping) {
    this.mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
  }

  /**
   * Maps values to roles.
   *
   * @param values the asserted values
   * @return the role names, possibly empty
   */
  Set<String> roles(Collection<String> values) {
    Set<String> roles = new LinkedHashSet<>();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      String v = value.trim();
      if (mapping.isEmpty()) {
        roles.add(v);
      } else {
        String role = mapping.get(v);
        if (role != null && !role.isBlank()) {
          roles.add(role.trim());
        }
      }
    }
    return roles;
  }
}
