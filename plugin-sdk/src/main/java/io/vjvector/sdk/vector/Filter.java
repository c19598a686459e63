package io.vjvector.sdk.vector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A payload filter, the one filter language of search, count, scroll and delete. A point matches
 * when every {@code must} condition holds, at least one {@code should} condition holds (if there
 * are any), and no {@code mustNot} condition holds. Filters nest: a filter is itself a condition.
 *
 * <p>Keys name top-level payload fields, or nested ones with dots ({@code address.city}). When the
 * field holds an array, a value condition holds if it holds for any element. Numbers compare by
 * value, so {@code 1} and {@code 1.0} are equal.
 */
public final class Filter implements Condition {
  private static final Filter NONE = new Filter(List.of(), List.of(), List.of());

  private final List<Condition> must;
  private final List<Condition> should;
  private final List<Condition> mustNot;

  private Filter(List<Condition> must, List<Condition> should, List<Condition> mustNot) {
    this.must = List.copyOf(must);
    this.should = List.copyOf(should);
    this.mustNot = List.copyOf(mustNot);
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
  public static Filter must(List<? extends Condition> must) {
    return of(must, List.of(), List.of());
  }

  /**
   * A filter from its three clause lists.
   *
   * @param must all of these must hold
   * @param should at least one of these must hold, when there are any
   * @param mustNot none of these may hold
   * @return the filter
   */
  public static Filter of(
      List<? extends Condition> must,
      List<? extends Condition> should,
      List<? extends Condition> mustNot) {
    if (must.isEmpty() && should.isEmpty() && mustNot.isEmpty()) {
      return NONE;
    }
    return new Filter(List.copyOf(must), List.copyOf(should), List.copyOf(mustNot));
  }

  /**
   * The conditions that must all hold.
   *
   * @return an unmodifiable list
   */
  public List<Condition> must() {
    return must;
  }

  /**
   * The conditions of which at least one must hold, when there are any.
   *
   * @return an unmodifiable list
   */
  public List<Condition> should() {
    return should;
  }

  /**
   * The conditions none of which may hold.
   *
   * @return an unmodifiable list
   */
  public List<Condition> mustNot() {
    return mustNot;
  }

  /**
   * Whether every point matches.
   *
   * @return {@code true} for the empty filter
   */
  public boolean isEmpty() {
    return must.isEmpty() && should.isEmpty() && mustNot.isEmpty();
  }

  @Override
  public boolean test(PointId id, Map<String, Object> payload) {
    for (Condition c : must) {
      if (!c.test(id, payload)) {
        return false;
      }
    }
    for (Condition c : mustNot) {
      if (c.test(id, payload)) {
        return false;
      }
    }
    if (should.isEmpty()) {
      return true;
    }
    for (Condition c : should) {
      if (c.test(id, payload)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int depth() {
    int d = 0;
    for (List<Condition> clause : List.of(must, should, mustNot)) {
      for (Condition c : clause) {
        d = Math.max(d, c.depth());
      }
    }
    return d + 1;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Filter)) {
      return false;
    }
    Filter f = (Filter) o;
    return f.must.equals(must) && f.should.equals(should) && f.mustNot.equals(mustNot);
  }

  @Override
  public int hashCode() {
    return Objects.hash(must, should, mustNot);
  }

  @Override
  public String toString() {
    return "Filter{must=" + must + ", should=" + should + ", mustNot=" + mustNot + "}";
  }

  /** The values at a (dotted) key: empty when missing, the elements when it holds an array. */
  /**
   * The values a condition on {@code key} sees in a payload: the value at a dotted path, each
   * element of a list, nothing when the path is absent.
   *
   * @param payload the payload
   * @param key a field name or dotted path
   * @return the values, possibly empty
   */
  @SuppressWarnings("unchecked")
  public static List<Object> values(Map<String, Object> payload, String key) {
    Object current;
    if (key.indexOf('.') < 0) {
      // the common case, without splitting or walking
      if (payload == null) {
        return List.of();
      }
      current = payload.get(key);
      if (current == null && !payload.containsKey(key)) {
        return List.of();
      }
    } else {
      current = payload;
      for (String part : key.split("\\.", -1)) {
        if (!(current instanceof Map)) {
          return List.of();
        }
        Map<?, ?> map = (Map<?, ?>) current;
        if (!map.containsKey(part)) {
          return List.of();
        }
        current = map.get(part);
      }
    }
    if (current instanceof List) {
      return Collections.unmodifiableList((List<Object>) current);
    }
    return Collections.singletonList(current);
  }

  static boolean sameValue(Object actual, Object expected) {
    if (actual instanceof Number && expected instanceof Number) {
      return compareNumbers((Number) actual, (Number) expected) == 0;
    }
    return actual != null && actual.equals(expected);
  }

  static int compareNumbers(Number a, Number b) {
    if (integral(a) && integral(b)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    if (floating(a) && floating(b)) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      return x == y ? 0 : Double.compare(x, y); // == makes -0.0 equal 0.0, as BigDecimal does
    }
    return toBig(a).compareTo(toBig(b)); // mixed kinds: exact, whatever the magnitudes
  }

  private static boolean integral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  private static boolean floating(Number n) {
    return n instanceof Double || n instanceof Float;
  }

  private static BigDecimal toBig(Number n) {
    if (n instanceof BigDecimal) {
      return (BigDecimal) n;
    }
    if (n instanceof BigInteger) {
      return new BigDecimal((BigInteger) n);
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.doubleValue());
  }

  private static void requireKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("filter key must not be empty");
    }
  }

  private static void requireScalar(String key, Object value) {
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw new IllegalArgumentException(
          "filter value for '" + key + "' must be a string, number or boolean");
    }
    if (value instanceof Double && !Double.isFinite((Double) value)
        || value instanceof Float && !Float.isFinite((Float) value)) {
      throw new IllegalArgumentException("filter value for '" + key + "' must be finite");
    }
  }

  /** The field equals a value (or, for an array field, one of its elements does). */
  public static final class Match implements Condition {
    private final String key;
    private final Object value;

    /**
     * Creates a condition.
     *
     * @param key the payload field
     * @param value a string, number or boolean
     */
    public Match(String key, Object value) {
      requireKey(key);
      requireScalar(key, value);
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

    @Override
    public boolean test(PointId id, Map<String, Object> payload) {
      for (Object v : values(payload, key)) {
        if (sameValue(v, value)) {
          return true;
        }
      }
      return false;
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

  /** The field equals any of several values. */
  public static final class MatchAny implements Condition {
    private final String key;
    private final List<Object> values;

    /**
     * Creates a condition.
     *
     * @param key the payload field
     * @param values 1 or more strings, numbers or booleans
     */
    public MatchAny(String key, Collection<?> values) {
      requireKey(key);
      if (values == null || values.isEmpty()) {
        throw new IllegalArgumentException("'any' for '" + key + "' needs at least one value");
      }
      for (Object v : values) {
        requireScalar(key, v);
      }
      this.key = key;
      this.values = List.copyOf(values);
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
     * The accepted values.
     *
     * @return strings, numbers or booleans
     */
    public List<Object> values() {
      return values;
    }

    @Override
    public boolean test(PointId id, Map<String, Object> payload) {
      for (Object v : Filter.values(payload, key)) {
        for (Object candidate : values) {
          if (sameValue(v, candidate)) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MatchAny
          && ((MatchAny) o).key.equals(key)
          && ((MatchAny) o).values.equals(values);
    }

    @Override
    public int hashCode() {
      return key.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
      return key + " in " + values;
    }
  }

  /**
   * The field lies in a range: numbers by value, or date-times (RFC 3339 strings such as {@code
   * 2026-01-31T12:00:00Z}) by instant. Bounds left {@code null} are open.
   */
  public static final class Range implements Condition {
    private final String key;
    private final Object gt;
    private final Object gte;
    private final Object lt;
    private final Object lte;
    private final boolean dates;

    /**
     * Creates a condition; every bound is a number, or every bound is a date-time string.
     *
     * @param key the payload field
     * @param gt exclusive lower bound, or null
     * @param gte inclusive lower bound, or null
     * @param lt exclusive upper bound, or null
     * @param lte inclusive upper bound, or null
     */
    public Range(String key, Object gt, Object gte, Object lt, Object lte) {
      requireKey(key);
      List<Object> bounds = new ArrayList<>();
      for (Object b : new Object[] {gt, gte, lt, lte}) {
        if (b != null) {
          bounds.add(b);
        }
      }
      if (bounds.isEmpty()) {
        throw new IllegalArgumentException("range on '" + key + "' needs a bound");
      }
      this.dates = bounds.get(0) instanceof String;
      for (Object b : bounds) {
        if (dates ? !(b instanceof String) : !(b instanceof Number)) {
          throw new IllegalArgumentException(
              "range bounds on '" + key + "' must be all numbers or all date-times");
        }
        requireScalar(key, b);
      }
      this.key = key;
      this.gt = dates ? date(key, gt) : gt;
      this.gte = dates ? date(key, gte) : gte;
      this.lt = dates ? date(key, lt) : lt;
      this.lte = dates ? date(key, lte) : lte;
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
     * Whether the bounds are date-times ({@link java.time.Instant}) rather than numbers.
     *
     * @return true for a date-time range
     */
    public boolean isDateRange() {
      return dates;
    }

    /**
     * The exclusive lower bound.
     *
     * @return a Number, an Instant, or null
     */
    public Object gt() {
      return gt;
    }

    /**
     * The inclusive lower bound.
     *
     * @return a Number, an Instant, or null
     */
    public Object gte() {
      return gte;
    }

    /**
     * The exclusive upper bound.
     *
     * @return a Number, an Instant, or null
     */
    public Object lt() {
      return lt;
    }

    /**
     * The inclusive upper bound.
     *
     * @return a Number, an Instant, or null
     */
    public Object lte() {
      return lte;
    }

    private static Object date(String key, Object bound) {
      if (bound == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse((String) bound).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "range bound '" + bound + "' on '" + key + "' is not an RFC 3339 date-time");
      }
    }

    @Override
    public boolean test(PointId id, Map<String, Object> payload) {
      for (Object v : values(payload, key)) {
        if (inRange(v)) {
          return true;
        }
      }
      return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean inRange(Object v) {
      Comparable value;
      if (dates) {
        if (!(v instanceof String)) {
          return false;
        }
        try {
          value = OffsetDateTime.parse((String) v).toInstant();
        } catch (DateTimeParseException e) {
          return false;
        }
      } else {
        if (!(v instanceof Number)) {
          return false;
        }
        Number n = (Number) v;
        return (gt == null || compareNumbers(n, (Number) gt) > 0)
            && (gte == null || compareNumbers(n, (Number) gte) >= 0)
            && (lt == null || compareNumbers(n, (Number) lt) < 0)
            && (lte == null || compareNumbers(n, (Number) lte) <= 0);
      }
      return (gt == null || value.compareTo(gt) > 0)
          && (gte == null || value.compareTo(gte) >= 0)
          && (lt == null || value.compareTo(lt) < 0)
          && (lte == null || value.compareTo(lte) <= 0);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Range)) {
        return false;
      }
      Range r = (Range) o;
      return r.key.equals(key)
          && Objects.equals(r.gt, gt)
          && Objects.equals(r.gte, gte)
          && Objects.equals(r.lt, lt)
          && Objects.equals(r.lte, lte);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, gt, gte, lt, lte);
    }

    @Override
    public String toString() {
      return key + " in (" + gt + "|" + gte + ", " + lt + "|" + lte + ")";
    }
  }

  /** The field is missing or {@code null}. */
  public static final class IsNull implements Condition {
    private final String key;

    /**
     * Creates a condition.
     *
     * @param key the payload field
     */
    public IsNull(String key) {
      requireKey(key);
      this.key = key;
    }

    @Override
    public boolean test(PointId id, Map<String, Object> payload) {
      List<Object> values = values(payload, key);
      return values.isEmpty() || values.size() == 1 && values.get(0) == null;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IsNull && ((IsNull) o).key.equals(key);
    }

    @Override
    public int hashCode() {
      return key.hashCode();
    }

    @Override
    public String toString() {
      return key + " is null";
    }
  }

  /** The point's id is one of a set. */
  public static final class HasId implements Condition {
    private final Set<PointId> ids;

    /**
     * Creates a condition.
     *
     * @param ids 1 or more ids
     */
    public HasId(Collection<PointId> ids) {
      if (ids == null || ids.isEmpty()) {
        throw new IllegalArgumentException("'has_id' needs at least one id");
      }
      this.ids = Set.copyOf(ids);
    }

    /**
     * The ids.
     *
     * @return an unmodifiable set
     */
    public Set<PointId> ids() {
      return ids;
    }

    @Override
    public boolean test(PointId id, Map<String, Object> payload) {
      return ids.contains(id);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HasId && ((HasId) o).ids.equals(ids);
    }

    @Override
    public int hashCode() {
      return ids.hashCode();
    }

    @Override
    public String toString() {
      return "id in " + ids;
    }
  }
}
