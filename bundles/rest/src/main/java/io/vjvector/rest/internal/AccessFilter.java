package io.vjvector.rest.internal;

import io.vjvector.security.AuditEvent;
import io.vjvector.security.AuthenticationException;
import io.vjvector.security.EndpointClass;
import io.vjvector.security.Identity;
import io.vjvector.security.Permission;
import io.vjvector.security.Tenant;
import io.vjvector.security.UsageLimits;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authenticates every request but the {@link Public} ones, binds it to its one tenant, checks the
 * method's {@link Requires permission}, the key's collection scope and the tenant's rate, and
 * audits authentication failures, refusals and every call that is not a plain read. An audited call
 * runs only once its audit record is on disk.
 */
@Component(service = AccessFilter.class)
@Provider
public class AccessFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final String PROP_ID = "vjv.requestId";
  private static final String PROP_RATE = "vjv.rate";
  private static final String PROP_AUDIT = "vjv.audit";
  private static final String PROP_CLASS = "vjv.class";

  private static final long SIGN_IN_AUDIT_MILLIS = 10 * 60_000L;

  private final SecurityGate gate;
  private final Caller caller;

  /** Subject to when its last sign-in record was written. */
  private final Map<String, Long> signedIn = new java.util.concurrent.ConcurrentHashMap<>();

  @Context private ResourceInfo info;
  @Context private HttpServletRequest http;

  /**
   * Creates the filter.
   *
   * @param gate the security services
   * @param caller where the identity is bound
   */
  @Activate
  public AccessFilter(@Reference SecurityGate gate, @Reference Caller caller) {
    this.gate = gate;
    this.caller = caller;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String requestId = request.getHeaderString(REQUEST_ID_HEADER);
    if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
      requestId = UUID.randomUUID().toString();
    }
    request.setProperty(PROP_ID, requestId);
    Method method = info.getResourceMethod();
    if (method == null || method.isAnnotationPresent(Public.class)) {
      return;
    }
    String template = template(method);
    String action = request.getMethod() + " " + template;
    Requires requires = method.getAnnotation(Requires.class);
    String source = source();
    boolean anyCaller = method.isAnnotationPresent(Authenticated.class);
    if (requires == null && !anyCaller) {
      // fail closed: a method nobody classified is served to nobody
      throw new ProblemException(ProblemException.Kind.FORBIDDEN, "this endpoint is not open");
    }
    Identity id = authenticate(request, action, requestId, source);
    auditSignIn(id, requestId, source);
    Tenant tenant = gate.security().tenant(id.tenant()).orElse(null);
    if (tenant == null) {
      deny(id, action, requestId, source, "tenant gone");
      throw unauthenticated("unknown tenant");
    }
    if (tenant.status() == Tenant.Status.SUSPENDED) {
      deny(id, action, requestId, source, "tenant suspended");
      throw new ProblemException(
          ProblemException.Kind.TENANT_SUSPENDED, "tenant '" + id.tenant() + "' is suspended");
    }
    Permission needed = requires == null ? null : requires.value();
    if (needed != null && !gate.security().allowed(id, needed)) {
      deny(id, action, requestId, source, "missing " + needed.externalName());
      throw new ProblemException(
          ProblemException.Kind.FORBIDDEN,
          "this needs the permission '" + needed.externalName() + "'");
    }
    String collection = request.getUriInfo().getPathParameters().getFirst("name");
    if (collection != null && template.startsWith("/collections/") && !id.inScope(collection)) {
      deny(id, action, requestId, source, "collection out of scope");
      throw CollectionsResource.notFound(collection);
    }
    EndpointClass endpoint = needed == null ? EndpointClass.READ : endpointClass(needed);
    UsageLimits.RateDecision rate = gate.limits().acquire(id.tenant(), endpoint);
    if (!rate.allowed()) {
      gate.events().rateLimited(id.tenant(), id.subject());
      throw new ProblemException(
          ProblemException.Kind.RATE_LIMITED,
          "the tenant's " + endpoint.name().toLowerCase() + " rate is " + rate.limit() + "/s",
          Map.of(
              "Retry-After", String.valueOf(rate.resetSeconds()),
              "RateLimit-Limit", String.valueOf(rate.limit()),
              "RateLimit-Remaining", "0",
              "RateLimit-Reset", String.valueOf(rate.resetSeconds())));
    }
    request.setProperty(PROP_RATE, rate);
    request.setProperty(PROP_CLASS, endpoint);
    caller.set(id, request.getLength());
    if (needed != null && needed != Permission.DATA_READ) {
      request.setProperty(PROP_AUDIT, action);
      audit(id.subject(), id.tenant(), action, collection, "allowed", requestId, source, true);
    }
  }

  private Identity authenticate(
      ContainerRequestContext request, String action, String requestId, String source) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String apiKey = request.getHeaderString("X-API-Key");
    if (authorization == null && apiKey != null) {
      authorization = "Bearer " + apiKey;
    }
    try {
      return gate.security().authenticate(authorization);
    } catch (AuthenticationException e) {
      gate.events().authenticationFailed(source, null);
      audit(
          "anonymous",
          null,
          "auth.failure " + action,
          null,
          e.getMessage(),
          requestId,
          source,
          false);
      throw unauthenticated(e.getMessage());
    }
  }

  /**
   * Audits a successful authentication the first time a subject is seen and again every ten
   * minutes: a sign-in record per session of use, without putting every read on the audit log's
   * fsync path.
   */
  private void auditSignIn(Identity id, String requestId, String source) {
    long now = System.currentTimeMillis();
    Long last = signedIn.get(id.subject());
    if (last != null && now - last < SIGN_IN_AUDIT_MILLIS) {
      return;
    }
    if (signedIn.size() >= 100_000) {
      signedIn.clear();
    }
    signedIn.put(id.subject(), now);
    audit(
        id.subject(),
        id.tenant(),
        "auth.success " + id.method(),
        null,
        "allowed",
        requestId,
        source,
        false);
  }

  private static ProblemException unauthenticated(String detail) {
    return new ProblemException(
        ProblemException.Kind.UNAUTHENTICATED,
        detail,
        Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vjvector\""));
  }

  private void deny(Identity id, String action, String requestId, String source, String why) {
    audit(id.subject(), id.tenant(), action, null, "denied: " + why, requestId, source, false);
  }

  /** Writes an audit record; when the action depends on it, a failed write fails the action. */
  private void audit(
      String actor,
      String tenant,
      String action,
      String resource,
      String outcome,
      String requestId,
      String source,
      boolean required) {
    gate.audit(
        new AuditEvent(Instant.now(), actor, tenant, action, resource, outcome, requestId, source),
        required);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(PROP_ID);
    if (id != null) {
      response.getHeaders().putSingle(REQUEST_ID_HEADER, id);
    }
    Caller.Request r = caller.request();
    if (r == null) {
      return;
    }
    try {
      UsageLimits.RateDecision rate = (UsageLimits.RateDecision) request.getProperty(PROP_RATE);
      if (rate != null && rate.limit() != Long.MAX_VALUE) {
        response.getHeaders().putSingle("RateLimit-Limit", rate.limit());
        response.getHeaders().putSingle("RateLimit-Remaining", rate.remaining());
        response.getHeaders().putSingle("RateLimit-Reset", rate.resetSeconds());
      }
      Object action = request.getProperty(PROP_AUDIT);
      if (action != null) {
        audit(
            r.identity.subject(),
            r.identity.tenant(),
            (String) action,
            request.getUriInfo().getPathParameters().getFirst("name"),
            String.valueOf(response.getStatus()),
            String.valueOf(id),
            source(),
            false);
      }
      EndpointClass endpoint = (EndpointClass) request.getProperty(PROP_CLASS);
      if (endpoint != null && gate.ready()) {
        gate.limits()
            .meter(
                r.identity.tenant(),
                endpoint,
                r.searches,
                r.pointsWritten,
                r.pointsRead,
                Math.max(0, r.bytesIn));
        gate.events().pointsRead(r.identity.tenant(), r.identity.subject(), r.pointsRead);
      }
    } finally {
      caller.clear();
    }
  }

  private String source() {
    try {
      return http == null ? null : http.getRemoteAddr();
    } catch (RuntimeException noRequest) {
      return null;
    }
  }

  static EndpointClass endpointClass(Permission p) {
    switch (p) {
      case DATA_READ:
        return EndpointClass.READ;
      case DATA_WRITE:
        return EndpointClass.WRITE;
      default:
        return EndpointClass.ADMIN;
    }
  }

  /** The method's path template, e.g. {@code /collections/{name}/points}. */
  static String template(Method m) {
    StringBuilder sb = new StringBuilder();
    Path cls = m.getDeclaringClass().getAnnotation(Path.class);
    if (cls != null && !strip(cls.value()).isEmpty()) {
      sb.append('/').append(strip(cls.value()));
    }
    Path own = m.getAnnotation(Path.class);
    if (own != null && !strip(own.value()).isEmpty()) {
      sb.append('/').append(strip(own.value()));
    }
    return sb.toString();
  }

  private static String strip(String p) {
    String s = p;
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
