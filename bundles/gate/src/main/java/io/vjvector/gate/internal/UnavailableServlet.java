package io.vjvector.gate.internal;

import io.vjvector.sdk.error.ErrorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Answers every {@code /api/*} request that no API application serves with 503 and {@code
 * Retry-After}.
 *
 * <p>The REST API is its own context at {@code /api/v1}; the HTTP runtime routes to the longest
 * matching context path, so this servlet in the default context only sees requests while that API
 * is absent: during {@code feature:uninstall}/{@code install} or an update of the REST bundle.
 * Clients and load balancers then see "try again" instead of a misleading 404.
 */
@Component(service = Servlet.class, property = "service.ranking:Integer=-2147483648")
@HttpWhiteboardServletPattern("/api/*")
public class UnavailableServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private static final byte[] BODY =
      ("{\"type\":\""
              + ErrorType.UNAVAILABLE.uri()
              + "\",\"title\":\""
              + ErrorType.UNAVAILABLE.title()
              + "\",\"status\":503,\"detail\":\"the API is being installed or updated\"}")
          .getBytes(StandardCharsets.UTF_8);

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    resp.setHeader("Retry-After", "1");
    resp.setContentType("application/problem+json");
    resp.setContentLength(BODY.length);
    resp.getOutputStream().write(BODY);
  }
}
