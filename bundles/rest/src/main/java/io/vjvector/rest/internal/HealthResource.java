package io.vjvector.rest.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Liveness ({@code /health}) and readiness ({@code /ready}) for load balancers and orchestrators.
 */
@Component(service = HealthResource.class)
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
  private final EngineGate gate;
  private final SecurityGate security;

  /**
   * Creates the resource.
   *
   * @param gate the engine, when present
   * @param security the security services, when present
   */
  @Activate
  public HealthResource(@Reference EngineGate gate, @Reference SecurityGate security) {
    this.gate = gate;
    this.security = security;
  }

  /**
   * Liveness: the REST layer answers.
   *
   * @return {@code {"status":"up"}}
   */
  @Public
  @GET
  @Path("health")
  public Map<String, String> health() {
    return Map.of("status", "up");
  }

  /**
   * Readiness: the engine is loaded and serving, and requests can be authenticated.
   *
   * @return {@code {"status":"ready"}}, or 503 while the engine or security is not there
   */
  @Public
  @GET
  @Path("ready")
  public Map<String, String> ready() {
    if (!gate.ready()) {
      throw new VjvException(ErrorType.UNAVAILABLE, "the engine is not ready");
    }
    if (!security.ready()) {
      throw new VjvException(ErrorType.UNAVAILABLE, "security is not ready");
    }
    return Map.of("status", "ready");
  }
}
