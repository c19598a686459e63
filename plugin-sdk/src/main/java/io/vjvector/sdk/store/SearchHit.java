package io.vjvector.sdk.store;

import io.vjvector.sdk.internal.Values;
import io.vjvector.sdk.vector.PointId;
import java.util.Map;

/**
 * One result of {@link VectorStore#search}.
 *
 * @param id the point's id
 * @param score similarity (cosine, dot: higher is closer) or distance (euclidean: lower is closer),
 *     as {@link io.vjvector.sdk.vector.Distance#higherIsCloser()} says
 * @param payload the point's payload, or empty if it was not requested
 */
public record SearchHit(PointId id, float score, Map<String, Object> payload) {
  /**
   * Validates the hit and copies its payload.
   *
   * @param id the point's id
   * @param score similarity (cosine, dot: higher is closer) or distance (euclidean: lower is
   *     closer), as {@link io.vjvector.sdk.vector.Distance#higherIsCloser()} says
   * @param payload the point's payload, or empty if it was not requested
   * @throws IllegalArgumentException if the id is {@code null} or the payload not JSON-like
   */
  public SearchHit {
    Values.required(id, "point id");
    payload = Values.copyObject("payload", payload, true);
  }
}
