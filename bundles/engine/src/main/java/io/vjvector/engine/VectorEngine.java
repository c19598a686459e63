package io.vjvector.engine;

import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tenant-scoped collections of points with durable writes and vector search.
 *
 * <p>Every method takes the tenant first; nothing is reachable across tenants. Writes are atomic
 * per call (all points of a batch or none) and durable when the method returns: the write is in the
 * log and fsynced. Errors are {@link io.vjvector.sdk.error.VjvException}s with a stable type.
 *
 * <p>In a collection with a {@linkplain CollectionSpec#retention() retention}, a point expires once
 * that long has passed since it was last upserted (by the engine's clock, recorded with the write):
 * from then on no read returns or counts it, and a background sweep deletes it durably.
 */
@ProviderType
public interface VectorEngine {
  /** Longest batch accepted by {@link #upsert} and {@link #delete}. */
  int MAX_BATCH = 10_000;

  /** Largest vector dimension a collection may have. */
  int MAX_DIMENSION = 65_536;

  /** Longest retention a collection may have (about 100 years). */
  Duration MAX_RETENTION = Duration.ofDays(36_500);

  /**
   * Creates a collection.
   *
   * @param tenant the tenant
   * @param spec name, dimension and distance
   * @return the new collection
   * @throws io.vjvector.sdk.error.VjvException {@code COLLECTION_EXISTS} or {@code INVALID_REQUEST}
   */
  CollectionInfo createCollection(String tenant, CollectionSpec spec);

  /**
   * Lists a tenant's collections, sorted by name.
   *
   * @param tenant the tenant
   * @return the collections
   */
  List<CollectionInfo> listCollections(String tenant);

  /**
   * Describes one collection.
   *
   * @param tenant the tenant
   * @param name the collection
   * @return the collection, or empty if the tenant has none of that name
   */
  Optional<CollectionInfo> collection(String tenant, String name);

  /**
   * What a collection was created with, without the sizes and counts of {@link #collection}: cheap
   * enough for every request (no lock, no file system access).
   *
   * @param tenant the tenant
   * @param name the collection
   * @return its spec, or empty if the tenant has none of that name
   */
  Optional<CollectionSpec> spec(String tenant, String name);

  /**
   * Changes how long the collection's points live after their last write, durably (the metadata
   * file is replaced atomically). It applies at once to every point, old ones included, by the time
   * each was last written: shortening it hides the points that are now past it, lengthening it or
   * removing it brings back those not yet deleted by the background sweep.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param retention the new retention; {@code null} or zero keeps points until they are deleted
   * @throws io.vjvector.sdk.error.VjvException {@code INVALID_REQUEST} for a negative,
   *     sub-millisecond or longer than {@link #MAX_RETENTION} retention
   */
  void setRetention(String tenant, String collection, Duration retention);

  /**
   * Deletes a collection and all its points, durably.
   *
   * @param tenant the tenant
   * @param name the collection
   * @return {@code false} if there was no such collection
   */
  boolean deleteCollection(String tenant, String name);

  /**
   * Inserts or replaces points, atomically and durably.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param points 1 to {@link #MAX_BATCH} points with distinct ids; a later duplicate id in one
   *     batch wins. Each point's write time becomes now, which restarts its retention.
   * @throws io.vjvector.sdk.error.VjvException if any point is invalid (nothing is written)
   */
  void upsert(String tenant, String collection, List<Point> points);

  /**
   * Reads points by id.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param ids the ids
   * @return the points that exist, in the order of {@code ids}
   */
  List<Point> get(String tenant, String collection, List<PointId> ids);

  /**
   * Deletes points by id, atomically and durably.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param ids 1 to {@link #MAX_BATCH} ids; unknown ids are ignored
   * @return how many points were deleted
   */
  int delete(String tenant, String collection, List<PointId> ids);

  /**
   * Deletes every point that matches a filter, atomically (one log record).
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param filter a non-empty filter
   * @return how many points were deleted
   */
  int deleteByFilter(String tenant, String collection, Filter filter);

  /**
   * Creates or replaces the index of a payload field, so filters on it are answered without
   * scanning. Durable (recorded in the collection's metadata) and rebuilt on start.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param field the payload field or dotted path
   * @param type what the index holds
   */
  void createPayloadIndex(String tenant, String collection, String field, PayloadIndexType type);

  /**
   * Drops the index of a payload field.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param field the payload field
   * @return whether there was one
   */
  boolean dropPayloadIndex(String tenant, String collection, String field);

  /**
   * Counts points that match a filter.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param filter the filter; {@link Filter#none()} counts all
   * @return the count
   */
  long count(String tenant, String collection, Filter filter);

  /**
   * Finds the points closest to a vector.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param request the query
   * @return at most {@code limit} points, closest first; ties broken by id
   */
  List<ScoredPoint> search(String tenant, String collection, SearchRequest request);

  /**
   * Walks the points in id order, one page at a time.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param request where to start, page size, filter
   * @return the page and where the next one starts
   */
  ScrollPage scroll(String tenant, String collection, ScrollRequest request);

  /**
   * Finds points like some stored points and unlike others.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @param request the examples and options
   * @return at most {@code limit} points, closest first, never one of the examples
   * @throws io.vjvector.sdk.error.VjvException {@code NOT_FOUND} if an example does not exist
   */
  List<ScoredPoint> recommend(String tenant, String collection, RecommendRequest request);

  /**
   * Deletes a tenant and everything it holds, by crypto-shredding first: its data keys are
   * destroyed (key file overwritten, deleted, directory fsynced) before its collections and files
   * are removed, so nothing it wrote can be decrypted again, even from copies of its files.
   *
   * @param tenant the tenant
   * @return {@code false} if the tenant had nothing
   * @throws io.vjvector.sdk.error.VjvException {@code STORAGE_ERROR} if the keys could not be
   *     destroyed (the tenant is then kept) or the files not removed (the keys are gone)
   */
  boolean deleteTenant(String tenant);

  /**
   * Makes deletes physical: writes a checkpoint of the collection, which holds nothing of deleted
   * points and is encrypted with the tenant's current data key, and drops the log it covers. Writes
   * and searches go on meanwhile.
   *
   * @param tenant the tenant
   * @param collection the collection
   * @throws io.vjvector.sdk.error.VjvException {@code STORAGE_ERROR} if the checkpoint fails
   */
  void compact(String tenant, String collection);
}
