package io.vjvector.plugins.internal;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.VectorEngine;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.store.CollectionSpec;
import io.vjvector.sdk.store.Point;
import io.vjvector.sdk.store.SearchHit;
import io.vjvector.sdk.store.SearchRequest;
import io.vjvector.sdk.store.VectorStore;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A plugin's view of one tenant: the engine's API with the tenant fixed. */
final class TenantStore implements VectorStore {
  private final String tenant;
  private final Supplier<VectorEngine> engine;

  /**
   * @param tenant the tenant
   * @param engine the engine while it is there, else {@code null}
   */
  TenantStore(String tenant, Supplier<VectorEngine> engine) {
    this.tenant = tenant;
    this.engine = engine;
  }

  private VectorEngine engine() {
    VectorEngine e = engine.get();
    if (e == null) {
      throw new VjvException(ErrorType.UNAVAILABLE, "the engine is starting or being updated");
    }
    return e;
  }

  @Override
  public String tenant() {
    return tenant;
  }

  @Override
  public List<CollectionSpec> collections() {
    return engine().listCollections(tenant).stream()
        .map(TenantStore::spec)
        .sorted(Comparator.comparing(CollectionSpec::name))
        .collect(Collectors.toList());
  }

  @Override
  public Optional<CollectionSpec> collection(String name) {
    return engine().collection(tenant, name).map(TenantStore::spec);
  }

  @Override
  public void createCollection(CollectionSpec spec) {
    engine()
        .createCollection(
            tenant,
            new io.vjvector.engine.CollectionSpec(spec.name(), spec.dimension(), spec.distance()));
  }

  @Override
  public boolean deleteCollection(String name) {
    return engine().deleteCollection(tenant, name);
  }

  @Override
  public void upsert(String collection, List<Point> points) {
    List<io.vjvector.engine.Point> converted = new ArrayList<>(points.size());
    for (Point p : points) {
      converted.add(new io.vjvector.engine.Point(p.id(), p.vector(), p.payload()));
    }
    engine().upsert(tenant, collection, converted);
  }

  @Override
  public List<Point> get(String collection, List<PointId> ids) {
    return engine().get(tenant, collection, ids).stream()
        .map(p -> new Point(p.id(), p.vector(), p.payload() == null ? Map.of() : p.payload()))
        .collect(Collectors.toList());
  }

  @Override
  public int delete(String collection, List<PointId> ids) {
    return engine().delete(tenant, collection, ids);
  }

  @Override
  public int deleteByFilter(String collection, Filter filter) {
    return engine().deleteByFilter(tenant, collection, filter);
  }

  @Override
  public List<SearchHit> search(String collection, SearchRequest request) {
    List<ScoredPoint> hits =
        engine()
            .search(
                tenant,
                collection,
                new io.vjvector.engine.SearchRequest(
                    request.vector(),
                    request.limit(),
                    request.filter(),
                    request.withPayload(),
                    false));
    List<SearchHit> result = new ArrayList<>(hits.size());
    for (ScoredPoint h : hits) {
      result.add(
          new SearchHit(
              h.id(),
              h.score(),
              request.withPayload() && h.payload() != null ? h.payload() : Map.of()));
    }
    return result;
  }

  private static CollectionSpec spec(CollectionInfo info) {
    return new CollectionSpec(info.name(), info.dimension(), info.distance());
  }
}
