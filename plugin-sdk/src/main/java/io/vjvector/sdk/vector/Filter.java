package io.vjvector.sdk.vector;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A payload filter: a point matches when every {@code must} condition holds. A condition holds when
 * the payload field (a top-level key) equals the given JSON value; numbers compare by value, so
 * {@code 1} and {@code 1.0} are equal.
 */
public final class Filter {
  private static final Filter NONE = new Filter(List.of());

  private final List<Match> must;

  private Filter(List<Match> must) {
    this.must = List.copyOf(must);
  }

  /**
   * A filter that every point matches.
   *
   * @return the empty filter
   */
  public static Filter none() {
    return NONE;
  }

  /**
   * A filter whose conditions must all hold.
   *
   * @param must the conditions
   * @return the filter
   */
  public static Filter must(List<Match> must) {
    return must.isEmpty() ? NONE : new Filter(must);
  }

  /**
   * The conditions.
   *
   * @return an unmodifiable list
   */
  public List<Match> must() {
    return must;
  }

  /**
   * Whether every point matches.
   *
   * @return {@code true} for the empty filter
   */
  public boolean isEmpty() {
    return must.isEmpty();
  }

  /**
   * Tests a payload against this filter.
   *
   * @param payload a JSON object as maps, lists, strings, numbers, booleans and {@code null}s
   * @return whether the payload matches
   */
  public boolean test(Map<String, Object> payload) {
    for (Match m : must) {
      if (!m.test(payload)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Filter && ((Filter) o).must.equals(must);
  }

  @Override
  public int hashCode() {
    return must.hashCode();
  }

  @Override
  public String toString() {
    return "Filter" + must;
  }

  /** One equality condition on a top-level payload field. */
  public static final class Match {
    private final String key;
    private final Object value;

    /**
     * Creates a condition.
     *
     * @param key the payload field
     * @param value a string, number or boolean
     */
    public Match(String key, Object value) {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("filter key must not be empty");
      }
      if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        throw new IllegalArgumentException(
            "filter value for '" + key + "' must be a string, number or boolean");
      }
      this.key = key;
      this.value = value;
    }

    /**
     * The payload field.
     *
     * @return the key
     */
    public String key() {
      return key;
    }

    /**
     * The value it must equal.
     *
     * @return a string, number or boolean
     */
    public Object value() {
      return value;
    }

    boolean test(Map<String, Object> payload) {
      if (payload == null) {
        return false;
      }
      Object actual = payload.get(key);
      if (actual instanceof Number && value instanceof Number) {
        return Double.compare(((Number) actual).doubleValue(), ((Number) value).doubleValue()) == 0;
      }
      return Objects.equals(actual, value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Match && ((Match) o).key.equals(key) && ((Match) o).value.equals(value);
    }

    @Override
    public int hashCode() {
      return key.hashCode() * 31 + value.hashCode();
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }
}
