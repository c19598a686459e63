package io.vjvector.engine;

import io.vjvector.sdk.vector.Filter;

/**
 * A nearest-neighbour query.
 *
 * @param vector the query vector, of the collection's dimension
 * @param limit how many hits at most, 1 to {@link #MAX_LIMIT}
 * @param filter only points whose payload matches
 * @param withPayload whether hits carry their payload
 * @param withVector whether hits carry their vector
 */
public record SearchRequest(
    float[] vector, int limit, Filter filter, boolean withPayload, boolean withVector) {
  /** The largest accepted {@code limit}. */
  public static final int MAX_LIMIT = 10_000;
}
