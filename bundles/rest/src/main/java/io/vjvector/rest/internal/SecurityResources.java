package io.vjvector.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The security management resources, handed to the REST handler as one. */
@Component(service = SecurityResources.class)
public class SecurityResources {
  final TenantsResource tenants;
  final KeysResource keys;
  final RolesResource roles;
  final UsageResource usage;
  final SecurityResource security;
  final AuthResource auth;
  final DataSubjectsResource dataSubjects;
  final MetricsResource metrics;

  /**
   * Collects the resources.
   *
   * @param tenants tenants
   * @param keys API keys
   * @param roles roles and the caller's permissions
   * @param usage usage
   * @param security events and audit verification
   * @param auth SAML sign-in
   * @param dataSubjects GDPR erasure and export
   * @param metrics Prometheus metrics
   */
  @Activate
  public SecurityResources(
      @Reference TenantsResource tenants,
      @Reference KeysResource keys,
      @Reference RolesResource roles,
      @Reference UsageResource usage,
      @Reference SecurityResource security,
      @Reference AuthResource auth,
      @Reference DataSubjectsResource dataSubjects,
      @Reference MetricsResource metrics) {
    this.tenants = tenants;
    this.keys = keys;
    this.roles = roles;
    this.usage = usage;
    this.security = security;
    this.auth = auth;
    this.dataSubjects = dataSubjects;
    this.metrics = metrics;
  }
}
