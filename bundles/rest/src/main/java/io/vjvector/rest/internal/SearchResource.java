package io.vjvector.rest.internal;

import io.vjvector.engine.SearchRequest;
import io.vjvector.engine.VectorEngine;
import io.vjvector.rest.internal.dto.BatchSearch;
import io.vjvector.rest.internal.dto.Hit;
import io.vjvector.rest.internal.dto.SearchQuery;
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

  /**
   * Creates the resource.
   *
   * @param gate the engine, when present
   * @param texts embeds texts with the collection's embedder
   * @param limits request limits
   */
  @Activate
  public SearchResource(
      @Reference EngineGate gate, @Reference Limits limits, @Reference TextEmbedding texts) {
    this.gate = gate;
    this.limits = limits;
    this.texts = texts;
  }

  /**
   * Finds the closest points to a vector.
   *
   * @param name the collection
   * @param query the query
   * @return {@code {"result": [hits]}}, closest first
   */
  @POST
  public Map<String, List<Hit>> search(@PathParam("name") String name, SearchQuery query) {
    texts.fill(Tenants.DEFAULT, name, query);
    SearchRequest request = Convert.search(query);
    return Map.of("result", Convert.hits(gate.engine().search(Tenants.DEFAULT, name, request)));
  }

  /**
   * Runs several queries; every query is validated before any runs.
   *
   * @param name the collection
   * @param body the queries
   * @return {@code {"results": [[hits], ...]}}, in query order
   */
  @POST
  @Path("batch")
  public Map<String, List<List<Hit>>> batch(@PathParam("name") String name, BatchSearch body) {
    limits.checkSearchBatch(body == null ? null : body.searches);
    List<SearchRequest> requests = new ArrayList<>(body.searches.size());
    for (SearchQuery q : body.searches) {
      texts.fill(Tenants.DEFAULT, name, q);
      requests.add(Convert.search(q));
    }
    VectorEngine engine = gate.engine();
    List<List<Hit>> results = new ArrayList<>(requests.size());
    for (SearchRequest r : requests) {
      results.add(Convert.hits(engine.search(Tenants.DEFAULT, name, r)));
    }
    return Map.of("results", results);
  }
}
