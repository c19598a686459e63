package io.vjvector.engine;

/** What a payload index holds, which decides the conditions it can answer. */
public enum PayloadIndexType {
  /** Exact string values: {@code match} value and any-of. */
  KEYWORD,
  /** Whole numbers: {@code match} and {@code range}. */
  INTEGER,
  /** Numbers: {@code range} (and {@code match} on equal values). */
  FLOAT,
  /** true / false: {@code match}. */
  BOOL,
  /** ISO-8601 date-times: {@code range}. */
  DATETIME;

  /** The lowercase name used on the wire. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The value for a wire name.
   *
   * @param name for example {@code keyword}, in any case
   * @return the value, or null if the name is unknown
   */
  public static PayloadIndexType fromWire(String name) {
    for (PayloadIndexType t : values()) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }
}
