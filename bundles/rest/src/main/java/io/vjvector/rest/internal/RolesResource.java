package io.vjvector.rest.internal;

import io.vjvector.rest.internal.dto.PutRole;
import io.vjvector.security.Identity;
import io.vjvector.security.Permission;
import io.vjvector.security.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Roles of the caller's tenant, and the caller's own effective permissions. */
@Component(service = RolesResource.class)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RolesResource {
  private final SecurityGate security;
  private final Caller caller;

  /**
   * Creates the resource.
   *
   * @param security the security services
   * @param caller who is calling
   */
  @Activate
  public RolesResource(@Reference SecurityGate security, @Reference Caller caller) {
    this.security = security;
    this.caller = caller;
  }

  /**
   * Who the caller is and what it may do.
   *
   * @return tenant, subject, roles, collections and permissions
   */
  @GET
  @Path("me")
  @Authenticated
  public Map<String, Object> me() {
    Identity id = caller.identity();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("subject", id.subject());
    m.put("tenant", id.tenant());
    m.put("method", id.method());
    m.put("roles", new TreeSet<>(id.roles()));
    m.put("collections", new TreeSet<>(id.collections()));
    m.put(
        "permissions",
        security.security().permissions(id).stream()
            .map(Permission::externalName)
            .collect(Collectors.toCollection(TreeSet::new)));
    return m;
  }

  /**
   * Lists the roles the tenant can use.
   *
   * @return {@code {"roles": [...]}}
   */
  @GET
  @Path("roles")
  @Requires(Permission.TENANT_ADMIN)
  public Map<String, List<Map<String, Object>>> list() {
    return Map.of(
        "roles",
        Admin.call(() -> security.security().roles(caller.tenant())).stream()
            .map(SecurityViews::role)
            .collect(Collectors.toList()));
  }

  /**
   * Creates or replaces a custom role; no one grants a permission it does not have.
   *
   * @param name the role
   * @param body its permissions
   * @return the role
   */
  @PUT
  @Path("roles/{role}")
  @Requires(Permission.TENANT_ADMIN)
  public Map<String, Object> put(@PathParam("role") String name, PutRole body) {
    if (body == null || body.permissions == null) {
      throw Convert.invalid("'permissions' is required");
    }
    Set<Permission> perms = EnumSet.noneOf(Permission.class);
    for (String p : body.permissions) {
      try {
        perms.add(Permission.of(p));
      } catch (IllegalArgumentException e) {
        throw Convert.invalid(e.getMessage());
      }
    }
    Set<Permission> own = security.security().permissions(caller.identity());
    for (Permission p : perms) {
      if (!own.contains(p)) {
        throw new ProblemException(
            ProblemException.Kind.FORBIDDEN,
            "you cannot grant '" + p.externalName() + "': you do not have it");
      }
    }
    Role r = Admin.call(() -> security.security().putRole(caller.tenant(), name, perms));
    return SecurityViews.role(r);
  }

  /**
   * Deletes a custom role; keys that name it lose what it granted.
   *
   * @param name the role
   * @return 204
   */
  @DELETE
  @Path("roles/{role}")
  @Requires(Permission.TENANT_ADMIN)
  public Response delete(@PathParam("role") String name) {
    if (!Admin.call(() -> security.security().deleteRole(caller.tenant(), name))) {
      throw new io.vjvector.sdk.error.VjvException(
          io.vjvector.sdk.error.ErrorType.NOT_FOUND, "no role '" + name + "'");
    }
    return Response.noContent().build();
  }
}
