package io.vjvector.engine;

import io.vjvector.sdk.vector.Distance;

/**
 * What a new collection looks like.
 *
 * @param name 1 to 64 characters of {@code [A-Za-z0-9_-]}
 * @param dimension 1 to {@link VectorEngine#MAX_DIMENSION}
 * @param distance how vectors are compared
 */
public record CollectionSpec(String name, int dimension, Distance distance) {}
