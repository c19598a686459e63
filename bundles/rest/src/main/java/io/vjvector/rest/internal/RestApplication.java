package io.vjvector.rest.internal;

import java.util.Map;
import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The VJVector JAX-RS application; resources and extensions of this bundle select it by name. */
@Component(service = Application.class)
@JaxrsApplicationBase(RestApplication.BASE)
@JaxrsName(RestApplication.NAME)
public class RestApplication extends Application {
  /** The application's base path. */
  public static final String BASE = "api/v1";

  /** The whiteboard name of the application. */
  public static final String NAME = "vjvector";

  /** The filter by which resources and extensions select this application. */
  public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";

  @Override
  public Map<String, Object> getProperties() {
    // WADL would publish a second, unmaintained API description next to openapi.json.
    return Map.of("org.apache.cxf.endpoint.private", Boolean.TRUE);
  }
}
