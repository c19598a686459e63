package io.vjvector.engine;

import io.vjvector.sdk.vector.PointId;
import java.util.Map;

/**
 * A search hit.
 *
 * @param id the point id
 * @param score similarity (cosine, dot; higher is closer) or distance (euclidean; lower is closer)
 * @param payload the payload, or {@code null} if not requested
 * @param vector the vector, or {@code null} if not requested
 */
public record ScoredPoint(PointId id, float score, Map<String, Object> payload, float[] vector) {}
