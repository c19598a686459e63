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

  /**
   * Creates the resource.
   *
   * @param gate the engine, when present
   * @param texts embeds texts with the collection's embedder
   * @param limits request limits
   */
  @Activate
  public PointsResource(
      @Reference EngineGate gate, @Reference Limits limits, @Reference TextEmbedding texts) {
    this.gate = gate;
    this.limits = limits;
    this.texts = texts;
  }

  /**
   * Inserts or replaces a batch of points, atomically; answers once the batch is durable.
   *
   * @param name the collection
   * @param body the points
   * @return {@code {"status":"acknowledged","count":n}}
   */
  @PUT
  public Map<String, Object> upsert(@PathParam("name") String name, UpsertPoints body) {
    if (body == null) {
      throw Convert.invalid("a body with 'points' is required");
    }
    limits.checkBatch(body.points, "points");
    texts.fill(Tenants.DEFAULT, name, body.points);
    List<Point> points = Convert.points(body.points);
    gate.engine().upsert(Tenants.DEFAULT, name, points);
    return Map.of("status", "acknowledged", "count", points.size());
  }

  /**
   * Reads one point.
   *
   * @param name the collection
   * @param id the point id
   * @return the point
   */
  @GET
  @Path("{id}")
  public PointView get(@PathParam("name") String name, @PathParam("id") String id) {
    List<Point> found = gate.engine().get(Tenants.DEFAULT, name, List.of(Convert.id(id)));
    if (found.isEmpty()) {
      throw new VjvException(ErrorType.NOT_FOUND, "no point " + id + " in '" + name + "'");
    }
    return Convert.pointJson(found.get(0));
  }

  /**
   * Reads points by id; ids that do not exist are left out.
   *
   * @param name the collection
   * @param body the ids
   * @return {@code {"points": [...]}}
   */
  @POST
  @Path("get")
  public Map<String, List<PointView>> getMany(@PathParam("name") String name, PointIds body) {
    limits.checkBatch(body == null ? null : body.ids, "ids");
    return Map.of(
        "points",
        gate.engine().get(Tenants.DEFAULT, name, Convert.ids(body.ids)).stream()
            .map(Convert::pointJson)
            .collect(Collectors.toList()));
  }

  /**
   * Deletes points by id or by filter, atomically; answers once the deletion is durable.
   *
   * @param name the collection
   * @param body the ids, or a filter
   * @return {@code {"status":"acknowledged","deleted":n}}
   */
  @POST
  @Path("delete")
  public Map<String, Object> delete(@PathParam("name") String name, DeletePoints body) {
    if (body != null && body.filter != null && !body.filter.isNull()) {
      if (body.ids != null) {
        throw Convert.invalid("give either 'ids' or 'filter', not both");
      }
      int deleted =
          gate.engine().deleteByFilter(Tenants.DEFAULT, name, Convert.filter(body.filter));
      return Map.of("status", "acknowledged", "deleted", deleted);
    }
    limits.checkBatch(body == null ? null : body.ids, "ids");
    int deleted = gate.engine().delete(Tenants.DEFAULT, name, Convert.ids(body.ids));
    return Map.of("status", "acknowledged", "deleted", deleted);
  }

  /**
   * Walks the points in id order, a page at a time.
   *
   * @param name the collection
   * @param body where to start, page size, filter
   * @return {@code {"points": [...], "next_page_offset": id or null}}
   */
  @POST
  @Path("scroll")
  public ScrollResult scroll(@PathParam("name") String name, ScrollQuery body) {
    ScrollPage page = gate.engine().scroll(Tenants.DEFAULT, name, Convert.scroll(body));
    ScrollResult out = new ScrollResult();
    out.points = page.points().stream().map(Convert::pointJson).collect(Collectors.toList());
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
  @POST
  @Path("recommend")
  public Map<String, List<Hit>> recommend(@PathParam("name") String name, RecommendQuery body) {
    return Map.of(
        "result",
        Convert.hits(gate.engine().recommend(Tenants.DEFAULT, name, Convert.recommend(body))));
  }

  /**
   * Counts points, optionally only those matching a filter.
   *
   * @param name the collection
   * @param body an optional filter
   * @return {@code {"count": n}}
   */
  @POST
  @Path("count")
  public Map<String, Long> count(@PathParam("name") String name, CountPoints body) {
    return Map.of(
        "count",
        gate.engine()
            .count(Tenants.DEFAULT, name, Convert.filter(body == null ? null : body.filter)));
  }
}
