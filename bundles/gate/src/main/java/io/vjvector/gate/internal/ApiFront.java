package io.vjvector.gate.internal;

import io.vjvector.gate.ApiHandler;
import java.util.Map;
import javax.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.FailedServletDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@link ApiFrontServlet} with the HTTP whiteboard and makes sure it is deployed.
 *
 * <p>Pax Web 8 can drop a servlet that is registered while its default context is still being set
 * up ("no matching target context"), and never retries: the node would then answer every API
 * request with a bare 404. It does not always report the servlet as failed either: it can simply
 * never appear in the runtime's DTOs. So the registration is checked against the DTOs and repeated
 * (bounded) while the servlet is reported failed, or still not served {@value #UNKNOWN_MILLIS} ms
 * after it was registered, until it is served.
 */
@Component(immediate = true)
public class ApiFront {
  static final long DEPLOY_CHECK_MILLIS = 120_000;
  static final int MAX_REGISTRATIONS = 20;
  static final long UNKNOWN_MILLIS = 3_000;

  private static final Logger LOG = LoggerFactory.getLogger(ApiFront.class);

  private final BundleContext context;
  private final HttpServiceRuntime runtime;
  private final ApiFrontServlet servlet = new ApiFrontServlet();
  private volatile ServiceRegistration<Servlet> registration;
  private volatile boolean active = true;
  private final Thread watchdog;

  /**
   * Registers the servlet and starts checking that it is deployed.
   *
   * @param context this bundle's context
   * @param runtime the HTTP runtime, for its deployment DTOs
   */
  @Activate
  public ApiFront(BundleContext context, @Reference HttpServiceRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
    register();
    watchdog = new Thread(this::ensureDeployed, "vjvector-gate-deploy-check");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      target = "(" + ApiHandler.PREFIX + "=*)")
  void addApi(ApiHandler handler, Map<String, Object> props) {
    servlet.addApi(handler, props);
  }

  void removeApi(ApiHandler handler, Map<String, Object> props) {
    servlet.removeApi(handler, props);
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    active = false;
    watchdog.interrupt();
    watchdog.join(5_000);
    unregister();
  }

  private synchronized void register() {
    registration =
        context.registerService(
            Servlet.class,
            servlet,
            FrameworkUtil.asDictionary(
                Map.of(
                    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN,
                    ApiFrontServlet.PATTERN,
                    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME,
                    "vjvector-api-front")));
  }

  private synchronized void unregister() {
    if (registration != null) {
      try {
        registration.unregister();
      } catch (IllegalStateException alreadyGone) {
        // unregistered with the bundle
      }
      registration = null;
    }
  }

  private void ensureDeployed() {
    long end = System.currentTimeMillis() + DEPLOY_CHECK_MILLIS;
    int registrations = 1;
    long registeredAt = System.currentTimeMillis();
    try {
      while (active && System.currentTimeMillis() < end) {
        long id = serviceId();
        Boolean deployed = deployed(id);
        if (Boolean.TRUE.equals(deployed)) {
          return;
        }
        boolean lost =
            deployed == null && System.currentTimeMillis() - registeredAt > UNKNOWN_MILLIS;
        if ((Boolean.FALSE.equals(deployed) || lost) && registrations < MAX_REGISTRATIONS) {
          LOG.warn(
              "the HTTP runtime {} the /api servlet; registering it again",
              lost ? "has not deployed" : "failed to deploy");
          synchronized (this) {
            unregister();
            if (active) {
              register();
            }
          }
          registrations++;
          registeredAt = System.currentTimeMillis();
        }
        Thread.sleep(100);
      }
      if (active) {
        LOG.error("the /api servlet is not deployed after {} ms", DEPLOY_CHECK_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long serviceId() {
    ServiceRegistration<Servlet> r = registration;
    try {
      return r == null ? -1 : (Long) r.getReference().getProperty(Constants.SERVICE_ID);
    } catch (IllegalStateException unregistered) {
      return -1;
    }
  }

  /** TRUE if served, FALSE if the runtime reports it failed, null if not (yet) known. */
  private Boolean deployed(long serviceId) {
    RuntimeDTO dto = runtime.getRuntimeDTO();
    for (ServletContextDTO c : dto.servletContextDTOs) {
      for (ServletDTO s : c.servletDTOs) {
        if (s.serviceId == serviceId) {
          return Boolean.TRUE;
        }
      }
    }
    for (FailedServletDTO f : dto.failedServletDTOs) {
      if (f.serviceId == serviceId) {
        return Boolean.FALSE;
      }
    }
    return null;
  }
}
