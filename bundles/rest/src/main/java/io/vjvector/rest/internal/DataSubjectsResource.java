package io.vjvector.rest.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.Point;
import io.vjvector.engine.ScrollPage;
import io.vjvector.engine.ScrollRequest;
import io.vjvector.engine.VectorEngine;
import io.vjvector.rest.internal.dto.DataSubject;
import io.vjvector.rest.internal.dto.PointView;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.security.AuditEvent;
import io.vjvector.security.Identity;
import io.vjvector.security.Permission;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * GDPR: a data subject's points, found by a payload field across every collection of the caller's
 * tenant, erased for good (deleted, then compacted so that nothing of them stays on disk) or
 * exported as JSON. Each erasure leaves an audit record naming the field and a hash of the value,
 * never the value itself.
 */
@Component(service = DataSubjectsResource.class)
@Path("data-subjects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DataSubjectsResource {
  /** The most points one export returns; a subject with more is exported per collection. */
  static final int MAX_EXPORT = 100_000;

  private static final int PAGE = 1_000;

  private final EngineGate engine;
  private final SecurityGate security;
  private final Caller caller;

  /**
   * Creates the resource.
   *
   * @param engine the engine
   * @param security the security services
   * @param caller who is calling
   */
  @Activate
  public DataSubjectsResource(
      @Reference EngineGate engine, @Reference SecurityGate security, @Reference Caller caller) {
    this.engine = engine;
    this.security = security;
    this.caller = caller;
  }

  /**
   * Erases every point of a data subject in the tenant's collections, physically.
   *
   * @param body the field and value that identify the subject
   * @return points deleted per collection and in total
   */
  @POST
  @Path("erase")
  @Requires(Permission.DATA_SUBJECT)
  public Map<String, Object> erase(DataSubject body) {
    Filter filter = filter(body);
    VectorEngine e = engine.engine();
    Identity id = caller.identity();
    Map<String, Integer> deleted = new LinkedHashMap<>();
    int total = 0;
    for (CollectionInfo c : collections(e, id)) {
      int n = e.deleteByFilter(id.tenant(), c.name(), filter);
      if (n > 0) {
        // deletes become physical only when the collection is rewritten without them
        e.compact(id.tenant(), c.name());
      }
      deleted.put(c.name(), n);
      total += n;
    }
    audit(id, "data-subject.erase", body, String.valueOf(total));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("deleted", deleted);
    out.put("total", total);
    return out;
  }

  /**
   * Exports every point of a data subject in the tenant's collections.
   *
   * @param body the field and value that identify the subject
   * @return the points per collection, with vectors and payloads
   */
  @POST
  @Path("export")
  @Requires(Permission.DATA_SUBJECT)
  public Map<String, Object> export(DataSubject body) {
    Filter filter = filter(body);
    VectorEngine e = engine.engine();
    Identity id = caller.identity();
    Map<String, List<PointView>> points = new LinkedHashMap<>();
    int total = 0;
    for (CollectionInfo c : collections(e, id)) {
      List<PointView> found = new ArrayList<>();
      io.vjvector.sdk.vector.PointId from = null;
      do {
        ScrollPage page =
            e.scroll(id.tenant(), c.name(), new ScrollRequest(from, PAGE, filter, true, true));
        for (Point p : page.points()) {
          found.add(Convert.pointJson(p));
        }
        total += page.points().size();
        if (total > MAX_EXPORT) {
          throw new VjvException(
              ErrorType.INVALID_REQUEST,
              "the subject has more than "
                  + MAX_EXPORT
                  + " points; export them collection by"
                  + " collection with points/scroll and this filter");
        }
        from = page.nextOffset();
      } while (from != null);
      if (!found.isEmpty()) {
        points.put(c.name(), found);
      }
    }
    caller.read(total);
    audit(id, "data-subject.export", body, String.valueOf(total));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("field", body.field);
    out.put("value", body.value);
    out.put("exported_at", Instant.now().toString());
    out.put("points", points);
    out.put("total", total);
    return out;
  }

  private List<CollectionInfo> collections(VectorEngine e, Identity id) {
    List<CollectionInfo> out = new ArrayList<>();
    for (CollectionInfo c : e.listCollections(id.tenant())) {
      if (id.inScope(c.name())) {
        out.add(c);
      }
    }
    return out;
  }

  private static Filter filter(DataSubject body) {
    if (body == null || body.field == null || body.field.isBlank() || body.value == null) {
      throw Convert.invalid("'field' and 'value' are required");
    }
    if (!body.value.isTextual() && !body.value.isIntegralNumber() && !body.value.isBoolean()) {
      throw Convert.invalid("'value' must be a string, an integer or a boolean");
    }
    ObjectNode match = JsonNodeFactory.instance.objectNode();
    match.put("key", body.field);
    match.putObject("match").set("value", body.value);
    ObjectNode f = JsonNodeFactory.instance.objectNode();
    f.putArray("must").add(match);
    return Convert.filter(f);
  }

  /** The erasure's own record: the field and a hash of the value, so the log holds no PII. */
  private void audit(Identity id, String action, DataSubject body, String outcome) {
    String resource = body.field + "=sha256:" + sha256(body.value.asText());
    security.audit(
        new AuditEvent(
            Instant.now(),
            id.subject(),
            id.tenant(),
            action,
            resource,
            outcome,
            UUID.randomUUID().toString(),
            null),
        true);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
