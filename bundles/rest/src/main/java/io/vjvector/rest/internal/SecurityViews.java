package io.vjvector.rest.internal;

import io.vjvector.security.ApiKey;
import io.vjvector.security.Permission;
import io.vjvector.security.Role;
import io.vjvector.security.Tenant;
import io.vjvector.security.TenantLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** JSON shapes of the security resources. */
final class SecurityViews {
  private SecurityViews() {}

  static Map<String, Object> tenant(Tenant t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.name());
    m.put("status", t.status().name().toLowerCase());
    m.put("created_at", t.created().toString());
    m.put("limits", limits(t.limits()));
    return m;
  }

  static Map<String, Object> limits(TenantLimits l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_collections", l.maxCollections());
    m.put("max_points", l.maxPoints());
    m.put("max_stored_bytes", l.maxStoredBytes());
    m.put("reads_per_second", l.readsPerSecond());
    m.put("writes_per_second", l.writesPerSecond());
    m.put("admin_per_second", l.adminPerSecond());
    return m;
  }

  static Map<String, Object> key(ApiKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("tenant", k.tenant());
    m.put("name", k.name());
    m.put("roles", new TreeSet<>(k.roles()));
    m.put("collections", new TreeSet<>(k.collections()));
    m.put("created_at", k.created().toString());
    m.put("expires_at", k.expires() == null ? null : k.expires().toString());
    m.put("revoked_at", k.revoked() == null ? null : k.revoked().toString());
    return m;
  }

  static Map<String, Object> created(ApiKey.Created c) {
    Map<String, Object> m = key(c.key());
    m.put("token", c.token());
    return m;
  }

  static Map<String, Object> role(Role r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("built_in", r.builtIn());
    m.put(
        "permissions",
        r.permissions().stream()
            .map(Permission::externalName)
            .collect(Collectors.toCollection(TreeSet::new)));
    return m;
  }
}
