package io.vjvector.gate;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An HTTP API served behind the gate. The gate owns the one servlet at {@code /api/*}, which never
 * changes while the node runs; APIs come and go as services of this type. Swapping an API is
 * therefore a reference change inside the gate, not a servlet (un)registration in the HTTP runtime,
 * so clients see either the whole API or a 503 with {@code Retry-After}, never a half-registered
 * one.
 *
 * <p>When a handler's service is unregistered, the gate stops routing to it and waits (bounded) for
 * the requests it already passed on to finish before the unregistration returns.
 */
@ConsumerType
public interface ApiHandler {
  /** The service property with the path prefix the handler serves, e.g. {@code /api/v1/}. */
  String PREFIX = "vjvector.api.prefix";

  /**
   * Serves one request whose path starts with this handler's prefix.
   *
   * @param request the request; {@code getServletPath()} is {@code /api}
   * @param response the response
   * @throws IOException on I/O failure
   * @throws ServletException on failure
   */
  void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException;
}
