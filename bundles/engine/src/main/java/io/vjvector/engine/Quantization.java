package io.vjvector.engine;

/**
 * How a collection compresses vectors for graph traversal. The full-precision vectors are always
 * kept: candidates found with the compressed codes are re-scored exactly before they are returned.
 */
public enum Quantization {
  /** Traverse with full-precision vectors. */
  NONE,
  /** One byte per dimension (scalar quantization per dimension): 4x smaller, near-exact. */
  INT8,
  /**
   * One bit per dimension (sign against the per-dimension mean): 32x smaller; for high dimensions
   * (roughly 512 and up) with a larger re-scored candidate list.
   */
  BINARY;

  /** The lowercase name used on the wire. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The value for a wire name.
   *
   * @param name {@code none}, {@code int8} or {@code binary}, in any case
   * @return the value, or null if the name is unknown
   */
  public static Quantization fromWire(String name) {
    for (Quantization q : values()) {
      if (q.name().equalsIgnoreCase(name)) {
        return q;
      }
    }
    return null;
  }
}
