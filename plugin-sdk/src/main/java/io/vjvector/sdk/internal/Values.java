package io.vjvector.sdk.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates and copies JSON-like values (metadata, attributes, payloads) so that the SDK's records
 * are immutable and hold only what the host can store and send: strings, booleans, finite numbers,
 * lists and string-keyed maps of those.
 */
public final class Values {
  /** Deeper nesting is rejected; it also stops a map that contains itself. */
  public static final int MAX_DEPTH = 32;

  private Values() {}

  /**
   * Returns a deep, unmodifiable copy of a JSON object.
   *
   * @param what names the map in error messages, for example {@code "metadata"}
   * @param map the map; {@code null} is read as empty
   * @param allowNulls whether {@code null} values are kept (payloads) or rejected
   * @return the copy, in the map's iteration order
   * @throws IllegalArgumentException if a key is empty or a value is not JSON-like
   */
  public static Map<String, Object> copyObject(String what, Map<?, ?> map, boolean allowNulls) {
    if (map == null) {
      return Map.of();
    }
    return object(what, map, allowNulls, 0);
  }

  /**
   * Returns a copy of a flat map whose values are strings, booleans or finite numbers only.
   *
   * @param what names the map in error messages
   * @param map the map; {@code null} is read as empty
   * @return the unmodifiable copy, in the map's iteration order
   * @throws IllegalArgumentException if a key is empty or a value is not a scalar
   */
  public static Map<String, Object> copyScalars(String what, Map<?, ?> map) {
    if (map == null) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = key(what, e.getKey());
      Object v = e.getValue();
      if (!isScalar(v)) {
        throw new IllegalArgumentException(
            what + " '" + key + "' must be a string, boolean or number, not " + typeOf(v));
      }
      copy.put(key, v);
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Rejects {@code null}.
   *
   * @param <T> the value's type
   * @param value the value
   * @param what its name, for the message
   * @return the value
   * @throws IllegalArgumentException if the value is {@code null}
   */
  public static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  /**
   * Rejects {@code null}, empty and blank strings.
   *
   * @param value the value
   * @param what its name, for the message
   * @return the value
   * @throws IllegalArgumentException if the value is missing or blank
   */
  public static String requiredText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }

  /**
   * Copies a list and rejects {@code null} elements.
   *
   * @param <T> the element type
   * @param list the list
   * @param what its name, for the message
   * @return an unmodifiable copy
   * @throws IllegalArgumentException if the list or an element is {@code null}
   */
  public static <T> List<T> copyList(Collection<? extends T> list, String what) {
    required(list, what);
    for (T element : list) {
      if (element == null) {
        throw new IllegalArgumentException(what + " must not contain null");
      }
    }
    return List.copyOf(list);
  }

  private static Map<String, Object> object(String what, Map<?, ?> map, boolean nulls, int depth) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = key(what, e.getKey());
      copy.put(key, value(what + " '" + key + "'", e.getValue(), nulls, depth + 1));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object value(String what, Object v, boolean nulls, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(what + " nests deeper than " + MAX_DEPTH + " levels");
    }
    if (v == null) {
      if (!nulls) {
        throw new IllegalArgumentException(what + " must not be null");
      }
      return null;
    }
    if (isScalar(v)) {
      return v;
    }
    if (v instanceof Map) {
      return object(what, (Map<?, ?>) v, nulls, depth);
    }
    if (v instanceof Collection) {
      List<Object> list = new ArrayList<>();
      for (Object element : (Collection<?>) v) {
        list.add(value(what, element, nulls, depth + 1));
      }
      return Collections.unmodifiableList(list);
    }
    throw new IllegalArgumentException(
        what + " must be a string, boolean, number, list or map, not " + typeOf(v));
  }

  private static String key(String what, Object key) {
    if (!(key instanceof String) || ((String) key).isEmpty()) {
      throw new IllegalArgumentException(what + " keys must be non-empty strings");
    }
    return (String) key;
  }

  /**
   * Whether a value is a string, a boolean, or a finite number of an immutable JDK type.
   *
   * @param v the value
   * @return {@code true} for scalars
   */
  public static boolean isScalar(Object v) {
    if (v instanceof String || v instanceof Boolean) {
      return true;
    }
    if (v instanceof Double || v instanceof Float) {
      return Double.isFinite(((Number) v).doubleValue());
    }
    return v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte
        || v instanceof BigInteger
        || v instanceof BigDecimal;
  }

  private static String typeOf(Object v) {
    return v == null ? "null" : v.getClass().getName() + (v instanceof Number ? " " + v : "");
  }
}
