package io.vjvector.rest.internal;

import io.vjvector.rest.internal.dto.CreateKey;
import io.vjvector.rest.internal.dto.CreateTenant;
import io.vjvector.rest.internal.dto.LimitsDto;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.security.Permission;
import io.vjvector.security.Security;
import io.vjvector.security.Tenant;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tenants: platform administrators only. */
@Component(service = TenantsResource.class)
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantsResource {
  private final SecurityGate security;
  private final EngineGate engine;
  private final Caller caller;
  private final KeysResource keys;

  /**
   * Creates the resource.
   *
   * @param security the security services
   * @param engine the engine
   * @param caller who is calling
   * @param keys the key resource, for a tenant's first key
   */
  @Activate
  public TenantsResource(
      @Reference SecurityGate security,
      @Reference EngineGate engine,
      @Reference Caller caller,
      @Reference KeysResource keys) {
    this.security = security;
    this.engine = engine;
    this.caller = caller;
    this.keys = keys;
  }

  /**
   * Lists tenants.
   *
   * @return {@code {"tenants": [...]}}
   */
  @GET
  @Requires(Permission.PLATFORM_ADMIN)
  public Map<String, List<Map<String, Object>>> list() {
    return Map.of(
        "tenants",
        security.security().tenants().stream()
            .map(SecurityViews::tenant)
            .collect(Collectors.toList()));
  }

  /**
   * Creates a tenant.
   *
   * @param body name and limits
   * @return 201 with the tenant
   */
  @POST
  @Requires(Permission.PLATFORM_ADMIN)
  public Response create(CreateTenant body) {
    if (body == null || body.name == null) {
      throw Convert.invalid("'name' is required");
    }
    Tenant t =
        Admin.call(() -> security.security().createTenant(body.name, Admin.limits(body.limits)));
    return Response.created(URI.create("tenants/" + t.name()))
        .entity(SecurityViews.tenant(t))
        .build();
  }

  /**
   * Describes a tenant with its usage.
   *
   * @param name the tenant
   * @return the tenant
   */
  @GET
  @Path("{tenant}")
  @Requires(Permission.PLATFORM_ADMIN)
  public Map<String, Object> get(@PathParam("tenant") String name) {
    Tenant t = find(name);
    Map<String, Object> m = SecurityViews.tenant(t);
    m.put("usage", UsageResource.usage(security, engine, name));
    return m;
  }

  /**
   * Changes a tenant's limits.
   *
   * @param name the tenant
   * @param body the limits
   * @return the tenant
   */
  @PUT
  @Path("{tenant}/limits")
  @Requires(Permission.PLATFORM_ADMIN)
  public Map<String, Object> limits(@PathParam("tenant") String name, LimitsDto body) {
    if (body == null) {
      throw Convert.invalid("a body with the limits is required");
    }
    return SecurityViews.tenant(
        Admin.call(() -> security.security().updateTenant(name, null, Admin.limits(body))));
  }

  /**
   * Suspends a tenant: its requests are refused, its data stays.
   *
   * @param name the tenant
   * @return the tenant
   */
  @POST
  @Path("{tenant}/suspend")
  @Requires(Permission.PLATFORM_ADMIN)
  public Map<String, Object> suspend(@PathParam("tenant") String name) {
    return SecurityViews.tenant(
        Admin.call(() -> security.security().updateTenant(name, Tenant.Status.SUSPENDED, null)));
  }

  /**
   * Serves a suspended tenant again.
   *
   * @param name the tenant
   * @return the tenant
   */
  @POST
  @Path("{tenant}/resume")
  @Requires(Permission.PLATFORM_ADMIN)
  public Map<String, Object> resume(@PathParam("tenant") String name) {
    return SecurityViews.tenant(
        Admin.call(() -> security.security().updateTenant(name, Tenant.Status.ACTIVE, null)));
  }

  /**
   * Deletes a tenant: its data (and with it its encryption key), then its keys and roles.
   *
   * @param name the tenant
   * @return 204
   */
  @DELETE
  @Path("{tenant}")
  @Requires(Permission.PLATFORM_ADMIN)
  public Response delete(@PathParam("tenant") String name) {
    find(name);
    if (Security.DEFAULT_TENANT.equals(name)) {
      throw new ProblemException(
          ProblemException.Kind.CONFLICT, "the default tenant cannot be deleted");
    }
    // identity first: no key of the tenant works while its data goes; the engine destroys the
    // tenant's data keys before its files, so not even copies of them can be read again
    Admin.call(() -> security.security().deleteTenant(name));
    engine.engine().deleteTenant(name);
    return Response.noContent().build();
  }

  /**
   * Gives the tenant a new data encryption key: new writes use it at once, older files stay
   * readable with the old one until they are rewritten.
   *
   * @param name the tenant
   * @return the tenant and the new key version
   */
  @POST
  @Path("{tenant}/encryption-key/rotate")
  @Requires(Permission.PLATFORM_ADMIN)
  public Map<String, Object> rotateEncryptionKey(@PathParam("tenant") String name) {
    find(name);
    int version = engine.keys().rotateDataKey(name);
    return Map.of("tenant", name, "key_version", version);
  }

  /**
   * Creates an API key in a tenant: how a tenant gets its first administrator.
   *
   * @param name the tenant
   * @param body the key
   * @return 201 with the key and its one-time token
   */
  @POST
  @Path("{tenant}/keys")
  @Requires(Permission.PLATFORM_ADMIN)
  public Response createKey(@PathParam("tenant") String name, CreateKey body) {
    find(name);
    return keys.create(name, body);
  }

  private Tenant find(String name) {
    return security
        .security()
        .tenant(name)
        .orElseThrow(() -> new VjvException(ErrorType.NOT_FOUND, "no tenant '" + name + "'"));
  }
}
