package io.vjvector.sdk.vector;

import java.util.Locale;

/** How two vectors are compared. */
public enum Distance {
  /** Cosine similarity; higher scores are closer. */
  COSINE(true),
  /** Dot product; higher scores are closer. */
  DOT(true),
  /** Euclidean (L2) distance; lower scores are closer. */
  EUCLID(false);

  private final boolean higherIsCloser;

  Distance(boolean higherIsCloser) {
    this.higherIsCloser = higherIsCloser;
  }

  /**
   * Whether a larger score means a closer vector.
   *
   * @return {@code true} for similarities, {@code false} for distances
   */
  public boolean higherIsCloser() {
    return higherIsCloser;
  }

  /**
   * Parses a distance name case-insensitively; accepts {@code cosine}, {@code dot}, {@code euclid}
   * and {@code euclidean}.
   *
   * @param name the name
   * @return the distance
   * @throws IllegalArgumentException for an unknown name
   */
  public static Distance parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("distance is required");
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "cosine":
        return COSINE;
      case "dot":
        return DOT;
      case "euclid":
      case "euclidean":
      case "l2":
        return EUCLID;
      default:
        throw new IllegalArgumentException(
            "unknown distance '" + name + "' (expected cosine, dot or euclidean)");
    }
  }

  /**
   * The lower-case name used in the REST API.
   *
   * @return the wire name
   */
  public String wireName() {
    return this == EUCLID ? "euclidean" : name().toLowerCase(Locale.ROOT);
  }
}
