package io.vjvector.engine;

import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;

/**
 * One page of a walk through a collection's points in id order (integer ids first, then strings).
 *
 * @param from the first id of the page (inclusive): {@code null} to start, then the previous page's
 *     {@link ScrollPage#nextOffset()}
 * @param limit points per page, 1 to {@link SearchRequest#MAX_LIMIT}
 * @param filter only points whose payload matches
 * @param withPayload whether points carry their payload
 * @param withVector whether points carry their vector
 */
public record ScrollRequest(
    PointId from, int limit, Filter filter, boolean withPayload, boolean withVector) {}
