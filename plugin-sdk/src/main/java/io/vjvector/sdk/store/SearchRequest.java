package io.vjvector.sdk.store;

import io.vjvector.sdk.vector.Filter;
import java.util.Arrays;

/**
 * A nearest-neighbour query. Immutable: the vector is copied in and out.
 *
 * @param vector the query vector, finite floats, of the collection's dimension
 * @param limit how many hits at most, at least 1
 * @param filter only points whose payload matches; {@code null} reads as {@link Filter#none()}
 * @param withPayload whether hits carry their payload
 */
public record SearchRequest(float[] vector, int limit, Filter filter, boolean withPayload) {
  /**
   * Validates the query and copies its vector.
   *
   * @param vector the query vector, finite floats, of the collection's dimension
   * @param limit how many hits at most, at least 1
   * @param filter only points whose payload matches; {@code null} reads as {@link Filter#none()}
   * @param withPayload whether hits carry their payload
   * @throws IllegalArgumentException if the vector is empty or not finite, or the limit below 1
   */
  public SearchRequest {
    vector = Vectors.copy(vector, "query vector");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + limit);
    }
    filter = filter == null ? Filter.none() : filter;
  }

  /**
   * The closest {@code limit} points of all, with their payloads.
   *
   * @param vector the query vector
   * @param limit how many hits at most
   * @return the query
   */
  public static SearchRequest of(float[] vector, int limit) {
    return new SearchRequest(vector, limit, Filter.none(), true);
  }

  /**
   * The query vector.
   *
   * @return a copy
   */
  @Override
  public float[] vector() {
    return vector.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchRequest
        && Arrays.equals(((SearchRequest) o).vector, vector)
        && ((SearchRequest) o).limit == limit
        && ((SearchRequest) o).filter.equals(filter)
        && ((SearchRequest) o).withPayload == withPayload;
  }

  @Override
  public int hashCode() {
    return ((Arrays.hashCode(vector) * 31 + limit) * 31 + filter.hashCode()) * 2
        + (withPayload ? 1 : 0);
  }

  @Override
  public String toString() {
    return "SearchRequest[dimension="
        + vector.length
        + ", limit="
        + limit
        + ", filter="
        + filter
        + ", withPayload="
        + withPayload
        + "]";
  }
}
