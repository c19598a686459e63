package io.vjvector.console.internal;

/** Parses vectors typed on the command line. */
final class VectorParser {
  private VectorParser() {}

  /**
   * Parses comma- or space-separated numbers, optionally in brackets.
   *
   * @param text e.g. {@code 0.1,0.2,0.3} or {@code [0.1, 0.2, 0.3]}
   * @return the vector
   * @throws IllegalArgumentException naming the offending element
   */
  static float[] parse(String text) {
    String s = text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    String[] parts = s.trim().split("[,\\s]+");
    if (parts.length == 0 || parts[0].isEmpty()) {
      throw new IllegalArgumentException("the vector is empty");
    }
    float[] v = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Float.parseFloat(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "vector element " + (i + 1) + " is not a number: '" + parts[i] + "'");
      }
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException("vector element " + (i + 1) + " is not finite");
      }
    }
    return v;
  }
}
