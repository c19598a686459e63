package io.vjvector.rest.internal;

import io.vjvector.gate.ApiHandler;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Namespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The REST API under {@code /api/v1}, handed to the HTTP gate as one {@link ApiHandler}: a CXF
 * JAX-RS server built once from every resource and provider of this bundle.
 *
 * <p>The handler is withdrawn from a synchronous bundle listener as soon as this bundle or anything
 * it runs on (CXF, Jackson, the engine, ...) starts stopping, before that bundle's shutdown begins;
 * the gate then answers 503 and the withdrawal waits until requests already admitted have finished.
 * Karaf stops the bundles of a removed feature in no particular order, so watching only this bundle
 * would let CXF be torn down under running requests. When a dependency starts again (an engine
 * update), the handler is offered again.
 */
@Component(immediate = true)
public class RestHandler implements ApiHandler, SynchronousBundleListener {
  /** The API's base path. */
  static final String BASE = "/api/v1";

  private final BundleContext context;
  private final Set<Long> watched;
  private final CxfServer cxf;
  private final Caller caller;
  private volatile boolean started;
  private ServiceRegistration<ApiHandler> registration; // guarded by this

  /**
   * Builds the API once every resource and provider is there.
   *
   * @param context this bundle's context
   * @param health liveness and readiness
   * @param collections collections
   * @param points points
   * @param search search
   * @param openApi the OpenAPI document
   * @param plugins the installed plugins
   * @param marketplace the plugin marketplace
   * @param json JSON reading and writing
   * @param problems error responses
   * @param bodyLimit the body size limit
   * @param access authentication, authorization, rate limits and audit
   * @param caller the request's identity
   * @param admin the security management resources
   */
  @Activate
  public RestHandler(
      BundleContext context,
      @Reference HealthResource health,
      @Reference CollectionsResource collections,
      @Reference PointsResource points,
      @Reference SearchResource search,
      @Reference OpenApiResource openApi,
      @Reference PluginsResource plugins,
      @Reference MarketplaceResource marketplace,
      @Reference JsonProvider json,
      @Reference ProblemMapper problems,
      @Reference BodyLimitFilter bodyLimit,
      @Reference AccessFilter access,
      @Reference Caller caller,
      @Reference SecurityResources admin) {
    this.caller = caller;
    this.context = context;
    // the gate's servlet is /api/*: CXF sees /v1/... as the path
    this.cxf =
        new CxfServer(
            BASE.substring("/api".length()),
            List.of(
                health,
                collections,
                points,
                search,
                openApi,
                plugins,
                marketplace,
                admin.tenants,
                admin.keys,
                admin.roles,
                admin.usage,
                admin.security,
                admin.auth,
                admin.dataSubjects,
                admin.metrics),
            List.of(json, problems, bodyLimit, access));
    this.watched = dependencies(context.getBundle());
    context.addBundleListener(this);
    offer();
  }

  @Deactivate
  void deactivate() {
    context.removeBundleListener(this);
    withdraw();
    if (started) {
      cxf.destroy();
    }
  }

  @Override
  public void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!started) {
      startIn(request);
    }
    try {
      cxf.service(request, response);
    } finally {
      caller.clear();
    }
  }

  private synchronized void startIn(HttpServletRequest request) throws ServletException {
    if (!started) {
      cxf.start(request.getServletContext());
      started = true;
    }
  }

  @Override
  public void bundleChanged(BundleEvent event) {
    if (!watched.contains(event.getBundle().getBundleId())) {
      return;
    }
    if (event.getType() == BundleEvent.STOPPING) {
      withdraw();
    } else if (event.getType() == BundleEvent.STARTED) {
      offer();
    }
  }

  /** Registers the handler if it is not, and if everything the API runs on is active. */
  private synchronized void offer() {
    if (registration != null || !allActive()) {
      return;
    }
    registration =
        context.registerService(
            ApiHandler.class, this, FrameworkUtil.asDictionary(Map.of(PREFIX, BASE + "/")));
  }

  /** Unregisters the handler; the gate drains admitted requests before this returns. */
  private void withdraw() {
    ServiceRegistration<ApiHandler> r;
    synchronized (this) {
      r = registration;
      registration = null;
    }
    if (r != null) {
      try {
        r.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the framework unregistered it with the bundle
      }
    }
  }

  private boolean allActive() {
    for (long id : watched) {
      Bundle b = context.getBundle(id);
      boolean fragment = b != null && b.getHeaders("").get("Fragment-Host") != null;
      if (b == null || (b.getState() != Bundle.ACTIVE && !fragment)) {
        return false;
      }
    }
    return true;
  }

  /**
   * This bundle and every bundle it is wired to, directly or through others, but the framework.
   * This bundle's own optional imports do not count: the API runs without their provider (the
   * plugin host), so its stopping must not take the API down.
   */
  private static Set<Long> dependencies(Bundle self) {
    Set<Long> seen = new HashSet<>();
    Deque<Bundle> todo = new ArrayDeque<>();
    todo.add(self);
    while (!todo.isEmpty()) {
      Bundle b = todo.pop();
      if (b.getBundleId() == 0 || !seen.add(b.getBundleId())) {
        continue;
      }
      BundleWiring wiring = b.adapt(BundleWiring.class);
      if (wiring == null) {
        continue;
      }
      for (BundleWire wire : wiring.getRequiredWires(null)) {
        String resolution =
            wire.getRequirement().getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
        if (b.getBundleId() != self.getBundleId()
            || !Namespace.RESOLUTION_OPTIONAL.equals(resolution)) {
          todo.add(wire.getProvider().getBundle());
        }
      }
    }
    return seen;
  }
}
