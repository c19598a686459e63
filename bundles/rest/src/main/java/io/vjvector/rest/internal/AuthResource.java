package io.vjvector.rest.internal;

import io.vjvector.security.AuditEvent;
import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.FormParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * SAML 2.0 single sign-on for the console and dashboard: the identity provider posts its signed
 * response here, and the caller receives a session token to use as a bearer token.
 */
@Component(service = AuthResource.class)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
  static final Duration SESSION = Duration.ofHours(8);
  private final SecurityGate security;

  /**
   * Creates the resource.
   *
   * @param security the security services
   */
  @Activate
  public AuthResource(@Reference SecurityGate security) {
    this.security = security;
  }

  /**
   * The SAML assertion consumer service.
   *
   * @param samlResponse the base64 {@code SAMLResponse} form field
   * @return the session token, its lifetime and who it is for
   */
  @POST
  @Path("saml/acs")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Public
  public Map<String, Object> acs(@FormParam("SAMLResponse") String samlResponse) {
    if (samlResponse == null || samlResponse.isBlank()) {
      throw Convert.invalid("the form field 'SAMLResponse' is required");
    }
    Identity id;
    try {
      id = security.security().authenticateSaml(samlResponse);
    } catch (AuthenticationException e) {
      security.events().authenticationFailed(null, null);
      audit("anonymous", null, "denied: " + e.getMessage());
      throw new ProblemException(
          ProblemException.Kind.UNAUTHENTICATED,
          e.getMessage(),
          Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vjvector\""));
    }
    audit(id.subject(), id.tenant(), "allowed");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("token", security.security().openSession(id, SESSION));
    m.put("expires_in", SESSION.toSeconds());
    m.put("tenant", id.tenant());
    m.put("subject", id.subject());
    m.put("roles", new TreeSet<>(id.roles()));
    return m;
  }

  /** Sign-ins are audited; without the record, no session is handed out. */
  private void audit(String actor, String tenant, String outcome) {
    security.audit(
        new AuditEvent(
            Instant.now(),
            actor,
            tenant,
            "auth.saml",
            null,
            outcome,
            UUID.randomUUID().toString(),
            null),
        true);
  }
}
