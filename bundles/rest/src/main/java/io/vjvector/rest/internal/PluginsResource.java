package io.vjvector.rest.internal;

import io.vjvector.plugins.PluginRegistry;
import io.vjvector.rest.internal.dto.PluginView;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.security.Permission;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The installed plugins. The plugin host is optional: while it is not running this answers 503, and
 * the rest of the API is unaffected.
 */
@Component(service = PluginsResource.class)
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {
  /**
   * The registry, held without naming its type in a field or method signature: the REST bundle
   * imports the host's package optionally, and DS must be able to inspect this class when it is
   * missing.
   */
  @Reference(
      service = PluginRegistry.class,
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC)
  private volatile ComponentServiceObjects<?> registry;

  /**
   * Lists the installed plugins, admitted and rejected.
   *
   * @return {@code {"plugins": [...]}}
   */
  @Requires(Permission.DATA_READ)
  @GET
  public Map<String, List<PluginView>> list() {
    ComponentServiceObjects<?> objects = registry;
    Object service = objects == null ? null : objects.getService();
    if (service == null) {
      throw new VjvException(
          ErrorType.UNAVAILABLE, "the plugin host (feature vjvector-plugins) is not running");
    }
    try {
      return Map.of("plugins", PluginListing.describe(service));
    } catch (LinkageError | ClassCastException e) {
      throw new VjvException(
          ErrorType.UNAVAILABLE,
          "the plugin host was installed after the REST API: refresh the REST bundle",
          e);
    } finally {
      objects.ungetService(unchecked(service));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T unchecked(Object o) {
    return (T) o;
  }
}
