package io.vjvector.rest.internal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * A CXF JAX-RS server over a fixed set of resources and providers, run as a plain servlet object
 * (never registered with the HTTP runtime itself: the gate's servlet calls it).
 */
final class CxfServer extends CXFNonSpringServlet {
  private static final long serialVersionUID = 1L;
  private static final String HIDE_SERVICE_LIST = "hide-service-list-page";

  private final transient List<Object> resources;
  private final transient List<Object> providers;
  private final String address;
  private transient Server server;

  CxfServer(String address, List<Object> resources, List<Object> providers) {
    this.address = address;
    this.resources = resources;
    this.providers = providers;
  }

  /** Initializes the servlet inside the HTTP runtime's servlet context. */
  void start(ServletContext context) throws ServletException {
    init(
        new ServletConfig() {
          @Override
          public String getServletName() {
            return "vjvector-rest";
          }

          @Override
          public ServletContext getServletContext() {
            return context;
          }

          @Override
          public String getInitParameter(String name) {
            return HIDE_SERVICE_LIST.equals(name) ? "true" : null;
          }

          @Override
          public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(List.of(HIDE_SERVICE_LIST));
          }
        });
  }

  @Override
  protected void loadBus(ServletConfig config) {
    // CXF finds its bus extensions through the context class loader.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(CXFNonSpringServlet.class.getClassLoader());
    try {
      super.loadBus(config);
      JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
      factory.setBus(getBus());
      factory.setAddress(address);
      factory.setServiceBeans(resources);
      factory.setProviders(providers);
      // no WADL: openapi.json is the one API description
      factory.setProperties(Map.of("org.apache.cxf.endpoint.private", Boolean.TRUE));
      server = factory.create();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void destroyBus() {
    if (server != null) {
      server.destroy();
      server = null;
    }
    super.destroyBus();
  }
}
