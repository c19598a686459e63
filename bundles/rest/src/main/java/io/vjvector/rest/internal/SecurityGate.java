package io.vjvector.rest.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.security.AuditEvent;
import io.vjvector.security.AuditLog;
import io.vjvector.security.MetricsExport;
import io.vjvector.security.Security;
import io.vjvector.security.SecurityEvents;
import io.vjvector.security.UsageLimits;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the security services while they are there. Without them nothing but the public endpoints
 * is served (503): the API fails closed while the security bundle is updated.
 */
@Component(service = SecurityGate.class)
public class SecurityGate {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityGate.class);

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile Security security;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile AuditLog audit;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile UsageLimits limits;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile SecurityEvents events;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile MetricsExport metrics;

  MetricsExport metrics() {
    return require(metrics);
  }

  Security security() {
    return require(security);
  }

  AuditLog audit() {
    return require(audit);
  }

  UsageLimits limits() {
    return require(limits);
  }

  SecurityEvents events() {
    return require(events);
  }

  /**
   * Writes an audit record.
   *
   * @param event the record
   * @param required whether the action depends on it: then a failed write fails the request (503)
   */
  void audit(AuditEvent event, boolean required) {
    try {
      audit().record(event);
    } catch (IOException | RuntimeException e) {
      LOG.error("Audit log write failed (request {})", event.requestId(), e);
      if (required) {
        throw new VjvException(ErrorType.UNAVAILABLE, "the audit log cannot be written");
      }
    }
  }

  boolean ready() {
    return security != null && audit != null && limits != null && events != null;
  }

  private static <T> T require(T service) {
    if (service == null) {
      throw new VjvException(
          ErrorType.UNAVAILABLE, "security is starting or being updated; try again shortly");
    }
    return service;
  }
}
