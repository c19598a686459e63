package io.vjvector.rest.internal;

import io.vjvector.security.MetricsExport;
import io.vjvector.security.Permission;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Usage per tenant and security events for Prometheus (scrape with a platform-admin key). */
@Component(service = MetricsResource.class)
@Path("metrics")
public class MetricsResource {
  private final SecurityGate security;

  /**
   * Creates the resource.
   *
   * @param security the security services
   */
  @Activate
  public MetricsResource(@Reference SecurityGate security) {
    this.security = security;
  }

  /**
   * The metrics in the Prometheus text format.
   *
   * @return {@code text/plain; version=0.0.4}
   */
  @GET
  @Requires(Permission.PLATFORM_ADMIN)
  public Response scrape() {
    return Response.ok(security.metrics().scrape(), MetricsExport.CONTENT_TYPE).build();
  }
}
