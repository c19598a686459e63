package io.vjvector.gate.internal;

import io.vjvector.gate.ApiHandler;
import io.vjvector.sdk.error.ErrorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one servlet at {@code /api/*}: routes each request to the {@link ApiHandler} registered for
 * its prefix, or answers 503 with {@code Retry-After} while there is none (the REST feature is
 * being installed, updated or removed). Registered once (by {@link ApiFront}), it keeps the HTTP
 * runtime out of API swaps.
 */
final class ApiFrontServlet extends HttpServlet {
  static final String PATTERN = "/api/*";
  static final long DRAIN_MILLIS = 10_000;

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ApiFrontServlet.class);

  private static final byte[] UNAVAILABLE =
      ("{\"type\":\""
              + ErrorType.UNAVAILABLE.uri()
              + "\",\"title\":\""
              + ErrorType.UNAVAILABLE.title()
              + "\",\"status\":503,\"detail\":\"the API is being installed or updated\"}")
          .getBytes(StandardCharsets.UTF_8);

  private final transient Map<String, Admission> apis = new ConcurrentHashMap<>();

  void addApi(ApiHandler handler, Map<String, Object> props) {
    apis.computeIfAbsent(prefix(props), p -> new Admission()).open(handler);
  }

  void removeApi(ApiHandler handler, Map<String, Object> props) {
    Admission admission = apis.get(prefix(props));
    if (admission != null && !admission.closeAndDrain(handler, DRAIN_MILLIS)) {
      LOG.warn("requests under {} still running after {} ms", prefix(props), DRAIN_MILLIS);
    }
  }

  private static String prefix(Map<String, Object> props) {
    return String.valueOf(props.get(ApiHandler.PREFIX));
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Admission admission = admissionFor(request.getRequestURI());
    ApiHandler handler = admission == null ? null : admission.enter();
    if (handler == null) {
      unavailable(response);
      return;
    }
    try {
      handler.service(request, response);
    } finally {
      admission.leave();
    }
  }

  private Admission admissionFor(String path) {
    for (Map.Entry<String, Admission> e : apis.entrySet()) {
      String prefix = e.getKey();
      if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
        return e.getValue();
      }
    }
    return null;
  }

  private static void unavailable(HttpServletResponse resp) throws IOException {
    resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    resp.setHeader("Retry-After", "1");
    resp.setContentType("application/problem+json");
    resp.setContentLength(UNAVAILABLE.length);
    resp.getOutputStream().write(UNAVAILABLE);
  }
}
