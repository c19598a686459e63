package io.vjvector.rest.internal;

import io.vjvector.engine.Point;
import io.vjvector.engine.ScrollPage;
import io.vjvector.rest.internal.dto.CountPoints;
import io.vjvector.rest.internal.dto.DeletePoints;
import io.vjvector.rest.internal.dto.Hit;
import io.vjvector.rest.internal.dto.PointIds;
import io.vjvector.rest.internal.dto.PointView;
import io.vjvector.rest.internal.dto.RecommendQuery;
import io.vjvector.rest.internal.dto.ScrollQuery;
import io.vjvector.rest.internal.dto.ScrollResult;
import io.vjvector.rest.internal.dto.UpsertPoints;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.security.Permission;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Points of a collection: upsert, get, delete, count. */
@Component(service = PointsResource.class)
@Path("collections/{name}/points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PointsResource {
  private final EngineGate gate;
  private final Limits limits;
  private final TextEmbedding texts;
  private final Caller caller;
  private final Quotas quotas;

  /**
   * Creates the resource.
   *
   * @param gate the engine, when present
   * @param texts embeds texts with the collection's embedder
   * @param limits request limits
   * @param caller who is calling
   * @param quotas the tenant's quotas
   */
  @Activate
  public PointsResource(
      @Reference EngineGate gate,
      @Reference Limits limits,
      @Reference TextEmbedding texts,
      @Reference Caller caller,
      @Reference Quotas quotas) {
    this.gate = gate;
    this.limits = limits;
    this.texts = texts;
    this.caller = caller;
    this.quotas = quotas;
  }

  /**
   * Inserts or replaces a batch of points, atomically; answers once the batch is durable.
   *
   * @param name the collection
   * @param body the points
   * @return {@code {"status":"acknowledged","count":n}}
   */
  @Requires(Permission.DATA_WRITE)
  @PUT
  public Map<String, Object> upsert(@PathParam("name") String name, UpsertPoints body) {
    if (body == null) {
      throw Convert.invalid("a body with 'points' is required");
    }
    limits.checkBatch(body.points, "points");
    String tenant = caller.tenantFor(name);
    texts.fill(tenant, name, body.points);
    List<Point> points = Convert.points(body.points);
    quotas.beforeUpsert(tenant, points.size(), caller.bytesIn());
    gate.engine().upsert(tenant, name, points);
    caller.wrote(points.size());
    return Map.of("status", "acknowledged", "count", points.size());
  }

  /**
   * Reads one point.
   *
   * @param name the collection
   * @param id the point id
   * @return the point
   */
  @Requires(Permission.DATA_READ)
  @GET
  @Path("{id}")
  public PointView get(@PathParam("name") String name, @PathParam("id") String id) {
    List<Point> found = gate.engine().get(caller.tenantFor(name), name, List.of(Convert.id(id)));
    if (found.isEmpty()) {
      throw new VjvException(ErrorType.NOT_FOUND, "no point " + id + " in '" + name + "'");
    }
    caller.read(1);
    return Convert.pointJson(found.get(0));
  }

  /**
   * Reads points by id; ids that do not exist are left out.
   *
   * @param name the collection
   * @param body the ids
   * @return {@code {"points": [...]}}
   */
  @Requires(Permission.DATA_READ)
  @POST
  @Path("get")
  public Map<String, List<PointView>> getMany(@PathParam("name") String name, PointIds body) {
    limits.checkBatch(body == null ? null : body.ids, "ids");
    List<PointView> found =
        gate.engine().get(caller.tenantFor(name), name, Convert.ids(body.ids)).stream()
            .map(Convert::pointJson)
            .collect(Collectors.toList());
    caller.read(found.size());
    return Map.of("points", found);
  }

  /**
   * Deletes points by id or by filter, atomically; answers once the deletion is durable.
   *
   * @param name the collection
   * @param body the ids, or a filter
   * @return {@code {"status":"acknowledged","deleted":n}}
   */
  @Requires(Permission.DATA_WRITE)
  @POST
  @Path("delete")
  public Map<String, Object> delete(@PathParam("name") String name, DeletePoints body) {
    if (body != null && body.filter != null && !body.filter.isNull()) {
      if (body.ids != null) {
        throw Convert.invalid("give either 'ids' or 'filter', not both");
      }
      int deleted =
          gate.engine().deleteByFilter(caller.tenantFor(name), name, Convert.filter(body.filter));
      return Map.of("status", "acknowledged", "deleted", deleted);
    }
    limits.checkBatch(body == null ? null : body.ids, "ids");
    int deleted = gate.engine().delete(caller.tenantFor(name), name, Convert.ids(body.ids));
    return Map.of("status", "acknowledged", "deleted", deleted);
  }

  /**
   * Walks the points in id order, a page at a time.
   *
   * @param name the collection
   * @param body where to start, page size, filter
   * @return {@code {"points": [...], "next_page_offset": id or null}}
   */
  @Requires(Permission.DATA_READ)
  @POST
  @Path("scroll")
  public ScrollResult scroll(@PathParam("name") String name, ScrollQuery body) {
    ScrollPage page = gate.engine().scroll(caller.tenantFor(name), name, Convert.scroll(body));
    ScrollResult out = new ScrollResult();
    out.points = page.points().stream().map(Convert::pointJson).collect(Collectors.toList());
    caller.read(out.points.size());
    out.nextPageOffset = page.nextOffset() == null ? null : Convert.idJson(page.nextOffset());
    return out;
  }

  /**
   * Finds points like the positive examples and unlike the negative ones.
   *
   * @param name the collection
   * @param body the examples and options
   * @return {@code {"result": [hits]}}, closest first
   */
  @Requires(Permission.DATA_READ)
  @POST
  @Path("recommend")
  public Map<String, List<Hit>> recommend(@PathParam("name") String name, RecommendQuery body) {
    return Map.of(
        "result",
        Convert.hits(
            gate.engine().recommend(caller.tenantFor(name), name, Convert.recommend(body))));
  }

  /**
   * Counts points, optionally only those matching a filter.
   *
   * @param name the collection
   * @param body an optional filter
   * @return {@code {"count": n}}
   */
  @Requires(Permission.DATA_READ)
  @POST
  @Path("count")
  public Map<String, Long> count(@PathParam("name") String name, CountPoints body) {
    return Map.of(
        "count",
        gate.engine()
            .count(
                caller.tenantFor(name), name, Convert.filter(body == null ? null : body.filter)));
  }
}
