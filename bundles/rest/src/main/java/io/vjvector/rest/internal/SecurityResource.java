package io.vjvector.rest.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.security.AuditLog;
import io.vjvector.security.Identity;
import io.vjvector.security.Permission;
import io.vjvector.security.SecurityEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Security events and the audit log's verification. */
@Component(service = SecurityResource.class)
@Path("security")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityResource {
  private final SecurityGate security;
  private final Caller caller;

  /**
   * Creates the resource.
   *
   * @param security the security services
   * @param caller who is calling
   */
  @Activate
  public SecurityResource(@Reference SecurityGate security, @Reference Caller caller) {
    this.security = security;
    this.caller = caller;
  }

  /**
   * Recent security events: the caller's tenant's, or every tenant's for a platform admin.
   *
   * @param limit at most this many (1 to 1000)
   * @return {@code {"events": [...], "counts": {...}}}
   */
  @GET
  @Path("events")
  @Requires(Permission.TENANT_ADMIN)
  public Map<String, Object> events(@QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw Convert.invalid("'limit' must be between 1 and 1000");
    }
    Identity id = caller.identity();
    boolean all = security.security().allowed(id, Permission.PLATFORM_ADMIN);
    List<SecurityEvent> events = security.events().recent(all ? null : id.tenant(), limit);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", events.stream().map(SecurityResource::view).collect(Collectors.toList()));
    if (all) {
      m.put("counts", security.events().counts());
    }
    return m;
  }

  private static Map<String, Object> view(SecurityEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", e.time().toString());
    m.put("kind", e.kind());
    m.put("tenant", e.tenant());
    m.put("subject", e.subject());
    m.put("detail", e.detail());
    return m;
  }

  /**
   * Verifies the audit log's hash chain.
   *
   * @return {@code {"ok": true|false, "lines": n, "first_bad_line": n, "problem": "..."}}
   */
  @GET
  @Path("audit/verify")
  @Requires(Permission.PLATFORM_ADMIN)
  public Map<String, Object> verify() {
    AuditLog.Verification v;
    try {
      v = security.audit().verify();
    } catch (IOException e) {
      throw new VjvException(ErrorType.STORAGE_ERROR, "the audit log cannot be read");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", v.ok());
    m.put("lines", v.lines());
    if (!v.ok()) {
      m.put("first_bad_line", v.firstBadLine());
      m.put("problem", v.problem());
    }
    return m;
  }
}
