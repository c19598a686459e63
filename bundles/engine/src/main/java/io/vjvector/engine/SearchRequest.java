package io.vjvector.engine;

import io.vjvector.sdk.vector.Filter;
import java.util.List;

/**
 * A nearest-neighbour query.
 *
 * @param vector the query vector, of the collection's dimension
 * @param limit how many hits at most, 1 to {@link #MAX_LIMIT}
 * @param offset how many of the closest hits to skip (for paging); {@code offset + limit} is at
 *     most {@link #MAX_LIMIT}
 * @param scoreThreshold only hits at least this similar (cosine, dot: score {@code >=} it) or this
 *     close (euclidean: distance {@code <=} it); {@code null} for no threshold
 * @param filter only points whose payload matches
 * @param withPayload whether hits carry their payload
 * @param payloadFields with a payload, only these top-level fields; {@code null} for all
 * @param withVector whether hits carry their vector
 * @param exact {@code true} to scan every point instead of using the approximate index (ground
 *     truth; slower on large collections)
 * @param ef the index's search beam width (higher: better recall, slower); {@code null} for the
 *     default; never below {@code limit + offset}
 */
public record SearchRequest(
    float[] vector,
    int limit,
    int offset,
    Float scoreThreshold,
    Filter filter,
    boolean withPayload,
    List<String> payloadFields,
    boolean withVector,
    boolean exact,
    Integer ef) {
  /** The largest accepted {@code limit + offset}. */
  public static final int MAX_LIMIT = 10_000;

  /**
   * A query for the closest {@code limit} points, without offset or threshold.
   *
   * @param vector the query vector
   * @param limit how many hits at most
   * @param filter only points whose payload matches
   * @param withPayload whether hits carry their payload
   * @param withVector whether hits carry their vector
   */
  public SearchRequest(
      float[] vector, int limit, Filter filter, boolean withPayload, boolean withVector) {
    this(vector, limit, 0, null, filter, withPayload, null, withVector, false, null);
  }

  /** The largest accepted {@code ef}. */
  public static final int MAX_EF = 4096;
}
