package io.vjvector.rest.internal;

import io.vjvector.engine.SearchRequest;
import io.vjvector.engine.VectorEngine;
import io.vjvector.rest.internal.dto.BatchSearch;
import io.vjvector.rest.internal.dto.Hit;
import io.vjvector.rest.internal.dto.SearchQuery;
import io.vjvector.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Nearest-neighbour search, single and batched. */
@Component(service = SearchResource.class)
@Path("collections/{name}/search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchResource {
  private final EngineGate gate;
  private final Limits limits;
  private final TextEmbedding texts;
  private final Caller caller;

  /**
   * Creates the resource.
   *
   * @param gate the engine, when present
   * @param texts embeds texts with the collection's embedder
   * @param limits request limits
   * @param caller who is calling
   */
  @Activate
  public SearchResource(
      @Reference EngineGate gate,
      @Reference Limits limits,
      @Reference TextEmbedding texts,
      @Reference Caller caller) {
    this.gate = gate;
    this.limits = limits;
    this.texts = texts;
    this.caller = caller;
  }

  /**
   * Finds the closest points to a vector.
   *
   * @param name the collection
   * @param query the query
   * @return {@code {"result": [hits]}}, closest first
   */
  @Requires(Permission.DATA_READ)
  @POST
  public Map<String, List<Hit>> search(@PathParam("name") String name, SearchQuery query) {
    String tenant = caller.tenantFor(name);
    texts.fill(tenant, name, query);
    SearchRequest request = Convert.search(query);
    List<Hit> hits = Convert.hits(gate.engine().search(tenant, name, request));
    caller.searched(1);
    caller.read(hits.size());
    return Map.of("result", hits);
  }

  /**
   * Runs several queries; every query is validated before any runs.
   *
   * @param name the collection
   * @param body the queries
   * @return {@code {"results": [[hits], ...]}}, in query order
   */
  @Requires(Permission.DATA_READ)
  @POST
  @Path("batch")
  public Map<String, List<List<Hit>>> batch(@PathParam("name") String name, BatchSearch body) {
    limits.checkSearchBatch(body == null ? null : body.searches);
    String tenant = caller.tenantFor(name);
    List<SearchRequest> requests = new ArrayList<>(body.searches.size());
    for (SearchQuery q : body.searches) {
      texts.fill(tenant, name, q);
      requests.add(Convert.search(q));
    }
    VectorEngine engine = gate.engine();
    List<List<Hit>> results = new ArrayList<>(requests.size());
    for (SearchRequest r : requests) {
      List<Hit> hits = Convert.hits(engine.search(tenant, name, r));
      caller.read(hits.size());
      results.add(hits);
    }
    caller.searched(requests.size());
    return Map.of("results", results);
  }
}
