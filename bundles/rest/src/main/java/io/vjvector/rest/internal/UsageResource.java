package io.vjvector.rest.internal;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.security.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The caller's tenant's usage: counters since start, what it stores, and its limits. */
@Component(service = UsageResource.class)
@Path("usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {
  private final SecurityGate security;
  private final EngineGate engine;
  private final Caller caller;

  /**
   * Creates the resource.
   *
   * @param security the security services
   * @param engine the engine
   * @param caller who is calling
   */
  @Activate
  public UsageResource(
      @Reference SecurityGate security, @Reference EngineGate engine, @Reference Caller caller) {
    this.security = security;
    this.engine = engine;
    this.caller = caller;
  }

  /**
   * The tenant's usage.
   *
   * @return counters, stored totals and limits
   */
  @GET
  @Requires(Permission.TENANT_ADMIN)
  public Map<String, Object> usage() {
    return usage(security, engine, caller.tenant());
  }

  static Map<String, Object> usage(SecurityGate security, EngineGate engine, String tenant) {
    List<CollectionInfo> all = engine.engine().listCollections(tenant);
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("collections", all.size());
    stored.put("points", all.stream().mapToLong(CollectionInfo::pointCount).sum());
    stored.put("bytes", all.stream().mapToLong(CollectionInfo::diskBytes).sum());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tenant", tenant);
    m.put("requests", security.limits().counters(tenant));
    m.put("stored", stored);
    m.put("limits", SecurityViews.limits(security.limits().limits(tenant)));
    return m;
  }
}
