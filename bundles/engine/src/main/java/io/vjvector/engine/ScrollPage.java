package io.vjvector.engine;

import io.vjvector.sdk.vector.PointId;
import java.util.List;

/**
 * A page of points in id order.
 *
 * @param points the points; vector and payload are {@code null} unless requested
 * @param nextOffset the id the next page starts at, or {@code null} after the last page
 */
public record ScrollPage(List<Point> points, PointId nextOffset) {}
