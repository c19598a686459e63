package io.vjvector.rest.internal;

import io.vjvector.rest.internal.dto.CreateKey;
import io.vjvector.security.ApiKey;
import io.vjvector.security.Permission;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The caller's tenant's API keys. The token is in the response to create and rotate only. */
@Component(service = KeysResource.class)
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeysResource {
  private final SecurityGate security;
  private final Caller caller;

  /**
   * Creates the resource.
   *
   * @param security the security services
   * @param caller who is calling
   */
  @Activate
  public KeysResource(@Reference SecurityGate security, @Reference Caller caller) {
    this.security = security;
    this.caller = caller;
  }

  /**
   * Lists the tenant's keys, without secrets.
   *
   * @return {@code {"keys": [...]}}
   */
  @GET
  @Requires(Permission.TENANT_ADMIN)
  public Map<String, List<Map<String, Object>>> list() {
    return Map.of(
        "keys",
        Admin.call(() -> security.security().keys(caller.tenant())).stream()
            .map(SecurityViews::key)
            .collect(Collectors.toList()));
  }

  /**
   * Creates a key.
   *
   * @param body name, roles, collections, expiry
   * @return 201 with the key and its token, shown this once
   */
  @POST
  @Requires(Permission.TENANT_ADMIN)
  public Response create(CreateKey body) {
    return create(caller.tenant(), body);
  }

  Response create(String tenant, CreateKey body) {
    if (body == null || body.roles == null || body.roles.isEmpty()) {
      throw Convert.invalid("'roles' is required");
    }
    Set<String> roles = new TreeSet<>(body.roles);
    Set<String> collections = body.collections == null ? Set.of() : new TreeSet<>(body.collections);
    Instant expires = null;
    if (body.expiresAt != null) {
      try {
        expires = Instant.parse(body.expiresAt);
      } catch (DateTimeParseException e) {
        throw Convert.invalid("'expires_at' must be an ISO-8601 instant like 2027-01-31T00:00:00Z");
      }
    }
    Admin.checkGrant(security.security(), caller.identity(), tenant, roles, collections);
    Instant until = expires;
    ApiKey.Created c =
        Admin.call(
            () -> security.security().createKey(tenant, body.name, roles, collections, until));
    return Response.created(URI.create("keys/" + c.key().id()))
        .entity(SecurityViews.created(c))
        .build();
  }

  /**
   * Revokes a key: it stops working with the next request.
   *
   * @param id the key's id
   * @return the key
   */
  @DELETE
  @Path("{id}")
  @Requires(Permission.TENANT_ADMIN)
  public Map<String, Object> revoke(@PathParam("id") String id) {
    checkHolds(id);
    return SecurityViews.key(Admin.call(() -> security.security().revokeKey(caller.tenant(), id)));
  }

  /**
   * Gives a key a new secret; the old one stops working at once.
   *
   * @param id the key's id
   * @return the key and its new token, shown this once
   */
  @POST
  @Path("{id}/rotate")
  @Requires(Permission.TENANT_ADMIN)
  public Map<String, Object> rotate(@PathParam("id") String id) {
    checkHolds(id);
    return SecurityViews.created(
        Admin.call(() -> security.security().rotateKey(caller.tenant(), id)));
  }

  /** Only a caller holding everything a key grants may revoke or rotate it. */
  private void checkHolds(String id) {
    ApiKey current =
        Admin.call(
            () ->
                security.security().keys(caller.tenant()).stream()
                    .filter(k -> k.id().equals(id))
                    .findFirst()
                    .orElseThrow(
                        () -> new java.util.NoSuchElementException("no key '" + id + "'")));
    Admin.checkGrant(
        security.security(),
        caller.identity(),
        caller.tenant(),
        current.roles(),
        current.collections());
  }
}
