package io.vjvector.sdk.store;

import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One tenant's collections of points, as a plugin may use them. The host implements it; plugins get
 * an instance from {@link io.vjvector.sdk.host.PluginContext#vectorStore(String)} and never reach
 * another tenant through it.
 *
 * <p>Writes are atomic per call (every point of a batch or none) and durable when the method
 * returns. Errors are {@link io.vjvector.sdk.error.VjvException}s with a stable type, for example
 * {@code COLLECTION_NOT_FOUND}, {@code DIMENSION_MISMATCH} or {@code INVALID_BATCH}; the host's
 * limits (batch size, dimension, result size) are those of its REST API.
 */
@ProviderType
public interface VectorStore {
  /**
   * The tenant this store is bound to.
   *
   * @return the tenant
   */
  String tenant();

  /**
   * The tenant's collections.
   *
   * @return the collections, sorted by name
   */
  List<CollectionSpec> collections();

  /**
   * Describes one collection.
   *
   * @param name the collection
   * @return the collection, or empty if there is none of that name
   */
  Optional<CollectionSpec> collection(String name);

  /**
   * Creates a collection.
   *
   * @param spec its name, dimension and distance
   * @throws io.vjvector.sdk.error.VjvException {@code COLLECTION_EXISTS} or {@code INVALID_REQUEST}
   */
  void createCollection(CollectionSpec spec);

  /**
   * Deletes a collection and all its points.
   *
   * @param name the collection
   * @return {@code false} if there was no such collection
   */
  boolean deleteCollection(String name);

  /**
   * Inserts or replaces points.
   *
   * @param collection the collection
   * @param points the points, at least one; a later point with the same id wins
   * @throws io.vjvector.sdk.error.VjvException if any point is invalid (nothing is written)
   */
  void upsert(String collection, List<Point> points);

  /**
   * Reads points by id.
   *
   * @param collection the collection
   * @param ids the ids
   * @return the points that exist, in the order of {@code ids}
   */
  List<Point> get(String collection, List<PointId> ids);

  /**
   * Deletes points by id.
   *
   * @param collection the collection
   * @param ids the ids, at least one; unknown ids are ignored
   * @return how many points were deleted
   */
  int delete(String collection, List<PointId> ids);

  /**
   * Deletes every point that matches a filter.
   *
   * @param collection the collection
   * @param filter a filter other than {@link Filter#none()}
   * @return how many points were deleted
   */
  int deleteByFilter(String collection, Filter filter);

  /**
   * Finds the points closest to a vector among those that match a filter.
   *
   * @param collection the collection
   * @param request the query
   * @return at most {@link SearchRequest#limit()} hits, closest first
   */
  List<SearchHit> search(String collection, SearchRequest request);
}
