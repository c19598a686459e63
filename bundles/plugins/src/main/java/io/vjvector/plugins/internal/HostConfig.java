package io.vjvector.plugins.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/io.vjvector.plugins.cfg}: what the operator lets plugins do. */
@ObjectClassDefinition(
    name = "VJVector plugin host",
    description = "Egress policy and trust of the plugin host")
@interface HostConfig {
  /** The configuration PID. */
  String PID = "io.vjvector.plugins";

  /**
   * Hosts every plugin may reach: {@code api.example.com}, {@code api.example.com:443}, {@code
   * *.example.com} (subdomains) or {@code *}. A plugin's own {@code vjvector.egress.allow} adds to
   * it. Wildcards never open loopback, link-local or cloud metadata addresses: name those exactly.
   */
  @AttributeDefinition(description = "Hosts all plugins may reach (host, host:port, *.domain, *)")
  String[] egress_allow() default {};

  /** Connect timeout of outbound plugin requests, in seconds. */
  @AttributeDefinition(description = "Connect timeout of plugin HTTP requests, seconds", min = "1")
  int egress_connectTimeoutSeconds() default 10;

  /** Timeout of outbound plugin requests that set none themselves, in seconds. */
  @AttributeDefinition(description = "Default timeout of plugin HTTP requests, seconds", min = "1")
  int egress_requestTimeoutSeconds() default 60;

  /**
   * Location prefixes of the host's own bundles; every other bundle that uses the SDK is a plugin
   * and must pass admission.
   */
  @AttributeDefinition(description = "Bundle location prefixes of the host's own bundles")
  String[] host_locations() default {"mvn:io.vjvector/"};
}
