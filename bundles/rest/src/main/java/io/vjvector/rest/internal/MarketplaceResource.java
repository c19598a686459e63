package io.vjvector.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vjvector.marketplace.host.InstalledPlugin;
import io.vjvector.marketplace.host.MarketplaceException;
import io.vjvector.marketplace.host.PluginInstaller;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.security.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The marketplace install flow over REST: the same service the console commands use. Failures are
 * problem responses whose {@code type} names the reason ({@code .../marketplace/untrusted}, ...);
 * nothing is installed when one is returned.
 */
@Component(service = MarketplaceResource.class)
@Path("marketplace")
@Produces(MediaType.APPLICATION_JSON)
public class MarketplaceResource {
  private static final ObjectMapper MAPPER = Json.newMapper();

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile PluginInstaller installer;

  private PluginInstaller installer() {
    PluginInstaller i = installer;
    if (i == null) {
      throw new VjvException(ErrorType.UNAVAILABLE, "the marketplace is starting or not installed");
    }
    return i;
  }

  /**
   * Searches the verified catalog.
   *
   * @param query words to match, or none for everything
   * @return the entries
   */
  @Requires(Permission.PLATFORM_ADMIN)
  @GET
  @Path("catalog")
  public Response catalog(@QueryParam("q") @DefaultValue("") String query) {
    return call(() -> Map.of("plugins", installer().search(query)), 200);
  }

  /**
   * Lists the plugins installed from the marketplace.
   *
   * @return id, version, rollback target, bundle and state of each
   */
  @Requires(Permission.PLATFORM_ADMIN)
  @GET
  @Path("plugins")
  public Response installed() {
    return call(
        () -> {
          List<InstalledPlugin> list = installer().installed();
          return Map.of("plugins", list);
        },
        200);
  }

  /**
   * Installs a plugin.
   *
   * @param id the plugin id
   * @param version a version, or none for the newest
   * @param simulate only check
   * @return the plan carried out (201) or checked (200)
   */
  @Requires(Permission.PLATFORM_ADMIN)
  @POST
  @Path("plugins/{id}/install")
  public Response install(
      @PathParam("id") String id,
      @QueryParam("version") String version,
      @QueryParam("simulate") @DefaultValue("false") boolean simulate) {
    return call(() -> installer().install(id, version, simulate), simulate ? 200 : 201);
  }

  /**
   * Upgrades an installed plugin.
   *
   * @param id the plugin id
   * @param version a version, or none for the newest
   * @param simulate only check
   * @return the plan
   */
  @Requires(Permission.PLATFORM_ADMIN)
  @POST
  @Path("plugins/{id}/upgrade")
  public Response upgrade(
      @PathParam("id") String id,
      @QueryParam("version") String version,
      @QueryParam("simulate") @DefaultValue("false") boolean simulate) {
    return call(() -> installer().upgrade(id, version, simulate), 200);
  }

  /**
   * Returns a plugin to the version its last upgrade replaced.
   *
   * @param id the plugin id
   * @param simulate only check
   * @return the plan
   */
  @Requires(Permission.PLATFORM_ADMIN)
  @POST
  @Path("plugins/{id}/rollback")
  public Response rollback(
      @PathParam("id") String id, @QueryParam("simulate") @DefaultValue("false") boolean simulate) {
    return call(() -> installer().rollback(id, simulate), 200);
  }

  /**
   * Removes a plugin.
   *
   * @param id the plugin id
   * @param simulate only check
   * @return the plan
   */
  @Requires(Permission.PLATFORM_ADMIN)
  @DELETE
  @Path("plugins/{id}")
  public Response uninstall(
      @PathParam("id") String id, @QueryParam("simulate") @DefaultValue("false") boolean simulate) {
    return call(() -> installer().uninstall(id, simulate), 200);
  }

  private static Response call(Supplier<Object> action, int status) {
    Object result;
    try {
      result = action.get();
    } catch (MarketplaceException e) {
      return problem(e);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(result).build();
  }

  private static Response problem(MarketplaceException e) {
    String reason = e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ErrorType.BASE_URI + "marketplace-" + reason);
    body.put("title", "Marketplace: " + reason.replace('-', ' '));
    body.put("status", e.reason().status());
    body.put("detail", e.getMessage());
    body.put("reason", e.reason().name());
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    Response.ResponseBuilder b =
        Response.status(e.reason().status()).type(Problems.PROBLEM_JSON).entity(bytes);
    if (e.reason().status() == 503) {
      b.header("Retry-After", "5");
    }
    return b.build();
  }
}
