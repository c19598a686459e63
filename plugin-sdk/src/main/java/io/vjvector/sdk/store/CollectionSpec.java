package io.vjvector.sdk.store;

import io.vjvector.sdk.internal.Values;
import io.vjvector.sdk.vector.Distance;

/**
 * The shape of a collection.
 *
 * @param name the name, unique within the tenant; the host accepts 1 to 64 characters of {@code
 *     [A-Za-z0-9_-]}
 * @param dimension the dimension of every vector, at least 1
 * @param distance how vectors are compared
 */
public record CollectionSpec(String name, int dimension, Distance distance) {
  /**
   * Validates the spec.
   *
   * @param name the name, unique within the tenant; the host accepts 1 to 64 characters of {@code
   *     [A-Za-z0-9_-]}
   * @param dimension the dimension of every vector, at least 1
   * @param distance how vectors are compared
   * @throws IllegalArgumentException if the name is blank, the dimension below 1 or the distance
   *     {@code null}
   */
  public CollectionSpec {
    Values.requiredText(name, "collection name");
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, not " + dimension);
    }
    Values.required(distance, "distance");
  }
}
