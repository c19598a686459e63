package io.vjvector.rest.internal;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.HnswConfig;
import io.vjvector.engine.PayloadIndexType;
import io.vjvector.engine.Quantization;
import io.vjvector.rest.internal.dto.CollectionView;
import io.vjvector.rest.internal.dto.CreateCollection;
import io.vjvector.rest.internal.dto.CreateIndex;
import io.vjvector.rest.internal.dto.HnswConfigDto;
import io.vjvector.rest.internal.dto.PutRetention;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Distance;
import io.vjvector.security.Permission;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Collections: create, list, describe, delete. */
@Component(service = CollectionsResource.class)
@Path("collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {
  private final EngineGate gate;
  private final Caller caller;
  private final Quotas quotas;

  /**
   * Creates the resource.
   *
   * @param gate the engine, when present
   * @param caller who is calling
   * @param quotas the tenant's quotas
   */
  @Activate
  public CollectionsResource(
      @Reference EngineGate gate, @Reference Caller caller, @Reference Quotas quotas) {
    this.gate = gate;
    this.caller = caller;
    this.quotas = quotas;
  }

  /**
   * Lists the tenant's collections.
   *
   * @return {@code {"collections": [...]}}
   */
  @Requires(Permission.DATA_READ)
  @GET
  public Map<String, List<CollectionView>> list() {
    return Map.of(
        "collections",
        gate.engine().listCollections(caller.tenant()).stream()
            .filter(c -> caller.identity().inScope(c.name()))
            .map(Convert::collection)
            .collect(Collectors.toList()));
  }

  /**
   * Creates a collection.
   *
   * @param body name, dimension, distance
   * @return 201 with the collection and its location
   */
  @Requires(Permission.COLLECTIONS_MANAGE)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateCollection body) {
    if (body == null || body.name == null || body.dimension == null || body.distance == null) {
      throw Convert.invalid("'name', 'dimension' and 'distance' are required");
    }
    Distance distance;
    try {
      distance = Distance.parse(body.distance);
    } catch (IllegalArgumentException e) {
      throw Convert.invalid(e.getMessage());
    }
    Quantization quantization = Quantization.NONE;
    if (body.quantization != null) {
      quantization = Quantization.fromWire(body.quantization);
      if (quantization == null) {
        throw Convert.invalid(
            "'quantization' must be none, int8 or binary, not '" + body.quantization + "'");
      }
    }
    String tenant = caller.tenant();
    if (!caller.identity().inScope(body.name)) {
      throw new ProblemException(
          ProblemException.Kind.FORBIDDEN,
          "this key may not create collection '" + body.name + "'");
    }
    quotas.beforeCreateCollection(tenant);
    CollectionInfo info =
        gate.engine()
            .createCollection(
                tenant,
                new CollectionSpec(
                    body.name,
                    body.dimension,
                    distance,
                    hnsw(body.hnswConfig),
                    quantization,
                    body.embedder,
                    Convert.retention(body.retentionSeconds)));
    return Response.created(URI.create("collections/" + info.name()))
        .entity(Convert.collection(info))
        .build();
  }

  /**
   * Describes a collection.
   *
   * @param name the collection
   * @return the collection
   */
  @Requires(Permission.DATA_READ)
  @GET
  @Path("{name}")
  public CollectionView get(@PathParam("name") String name) {
    return gate.engine()
        .collection(caller.tenantFor(name), name)
        .map(Convert::collection)
        .orElseThrow(() -> notFound(name));
  }

  /**
   * Deletes a collection and its points.
   *
   * @param name the collection
   * @return 204
   */
  @Requires(Permission.COLLECTIONS_MANAGE)
  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    if (!gate.engine().deleteCollection(caller.tenantFor(name), name)) {
      throw notFound(name);
    }
    return Response.noContent().build();
  }

  /**
   * Creates or replaces the index of a payload field; answers once it is built and recorded.
   *
   * @param name the collection
   * @param body the field and its type
   * @return the collection
   */
  @Requires(Permission.DATA_WRITE)
  @PUT
  @Path("{name}/index")
  public CollectionView createIndex(@PathParam("name") String name, CreateIndex body) {
    if (body == null || body.fieldName == null || body.fieldSchema == null) {
      throw Convert.invalid("'field_name' and 'field_schema' are required");
    }
    PayloadIndexType type = PayloadIndexType.fromWire(body.fieldSchema);
    if (type == null) {
      throw Convert.invalid(
          "'field_schema' must be keyword, integer, float, bool or datetime, not '"
              + body.fieldSchema
              + "'");
    }
    gate.engine().createPayloadIndex(caller.tenantFor(name), name, body.fieldName, type);
    return get(name);
  }

  /**
   * Drops the index of a payload field.
   *
   * @param name the collection
   * @param field the field
   * @return 204, or 404 if there is no such index
   */
  @Requires(Permission.DATA_WRITE)
  @DELETE
  @Path("{name}/index/{field}")
  public Response dropIndex(@PathParam("name") String name, @PathParam("field") String field) {
    if (!gate.engine().dropPayloadIndex(caller.tenantFor(name), name, field)) {
      throw new VjvException(
          ErrorType.NOT_FOUND, "collection '" + name + "' has no index on '" + field + "'");
    }
    return Response.noContent().build();
  }

  /**
   * Changes how long the collection's points live after their last write; points already past a
   * shorter retention disappear at once.
   *
   * @param name the collection
   * @param body the retention in seconds, 0 to keep points until they are deleted
   * @return the collection
   */
  @Requires(Permission.COLLECTIONS_MANAGE)
  @PUT
  @Path("{name}/retention")
  @Consumes(MediaType.APPLICATION_JSON)
  public CollectionView retention(@PathParam("name") String name, PutRetention body) {
    if (body == null || body.retentionSeconds == null) {
      throw Convert.invalid("'retention_seconds' is required (0 keeps points until deleted)");
    }
    gate.engine()
        .setRetention(caller.tenantFor(name), name, Convert.retention(body.retentionSeconds));
    return get(name);
  }

  private static HnswConfig hnsw(HnswConfigDto dto) {
    if (dto == null) {
      return null;
    }
    return new HnswConfig(
        dto.m == null ? HnswConfig.DEFAULT.m() : dto.m,
        dto.efConstruct == null ? HnswConfig.DEFAULT.efConstruct() : dto.efConstruct);
  }

  static VjvException notFound(String name) {
    return new VjvException(ErrorType.COLLECTION_NOT_FOUND, "no collection '" + name + "'");
  }
}
