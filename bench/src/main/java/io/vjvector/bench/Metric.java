package io.vjvector.bench;

import io.vjvector.engine.internal.VjvGraphEngine;
import io.vjvector.sdk.vector.Distance;
import java.util.Locale;

/**
 * The metric of a run ({@code --metric}): VJVector's collection distance, the similarity function
 * of Lucene and jvector, and the order of the exact ground truth.
 */
enum Metric {
  /** Euclidean (L2) distance, closest first. */
  EUCLIDEAN(Distance.EUCLID),
  /** Cosine similarity, highest first. */
  COSINE(Distance.COSINE);

  /** How far a norm may be from 1 for a vector to count as unit-length. */
  static final double UNIT_TOLERANCE = 1e-4;

  private final Distance distance;

  Metric(Distance distance) {
    this.distance = distance;
  }

  static Metric parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "euclidean", "euclid", "l2" -> EUCLIDEAN;
      case "cosine" -> COSINE;
      default -> throw new IllegalArgumentException("--metric is euclidean or cosine, not " + name);
    };
  }

  /** VJVector's distance for this metric (also the one the exact ground truth ranks by). */
  Distance distance() {
    return distance;
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant Lucene's and jvector's {@code VectorSimilarityFunction} share for this metric:
   * {@code EUCLIDEAN}; for cosine {@code DOT_PRODUCT} when every base and query vector is
   * unit-length (the same ranking without normalising on each comparison, as both libraries
   * recommend for normalised vectors), else {@code COSINE}.
   */
  String peerFunction(boolean unitLength) {
    return switch (this) {
      case EUCLIDEAN -> "EUCLIDEAN";
      case COSINE -> unitLength ? "DOT_PRODUCT" : "COSINE";
    };
  }

  /** The largest |norm - 1| over the vectors. */
  static double maxNormDeviation(float[][] vectors) {
    double max = 0;
    for (float[] v : vectors) {
      max = Math.max(max, Math.abs(VjvGraphEngine.norm(v) - 1));
    }
    return max;
  }
}
