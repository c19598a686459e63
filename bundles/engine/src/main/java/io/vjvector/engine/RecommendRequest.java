package io.vjvector.engine;

import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.util.List;

/**
 * "More like these": searches with the stored vectors of example points. The query is the mean of
 * the positive examples, moved away from the mean of the negative ones ({@code 2 * pos - neg}); the
 * examples themselves are never returned.
 *
 * @param positive 1 or more ids of points to find more of
 * @param negative ids of points to move away from; may be empty
 * @param limit how many hits at most
 * @param scoreThreshold as in {@link SearchRequest}, or {@code null}
 * @param filter only points whose payload matches
 * @param withPayload whether hits carry their payload
 * @param withVector whether hits carry their vector
 */
public record RecommendRequest(
    List<PointId> positive,
    List<PointId> negative,
    int limit,
    Float scoreThreshold,
    Filter filter,
    boolean withPayload,
    boolean withVector) {}
