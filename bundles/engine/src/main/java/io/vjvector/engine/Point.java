package io.vjvector.engine;

import io.vjvector.sdk.vector.PointId;
import java.util.Map;

/**
 * A stored point.
 *
 * @param id the id
 * @param vector the vector, as given (never normalized in storage)
 * @param payload a JSON object: maps, lists, strings, {@code Long}/{@code BigInteger}/{@code
 *     Double} numbers, booleans and {@code null}s; empty when the point has none
 */
public record Point(PointId id, float[] vector, Map<String, Object> payload) {}
