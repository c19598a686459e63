package io.vjvector.engine.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates payloads and rewrites them into the one canonical shape the codec stores, so that what
 * a caller reads back after a restart is exactly what it read back before.
 *
 * <p>Canonical values: {@code null}, {@code Boolean}, {@code Long}, {@code BigInteger} (only
 * outside the long range), finite {@code Double}, {@code String} (well-formed UTF-16), {@code
 * List}, {@code Map} with string keys. Results are deeply unmodifiable because they are shared with
 * every reader.
 */
final class Payloads {
  static final int MAX_DEPTH = 64;
  static final Map<String, Object> EMPTY = Collections.emptyMap();

  private Payloads() {}

  /**
   * @param owner names the point in error messages
   */
  static Map<String, Object> normalize(Map<String, Object> payload, String owner) {
    if (payload == null || payload.isEmpty()) {
      return EMPTY;
    }
    return normalizeMap(payload, owner, "", 1);
  }

  private static Map<String, Object> normalizeMap(
      Map<?, ?> map, String owner, String path, int depth) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw invalid(owner, path.isEmpty() ? "payload" : path, "has a key that is not a string");
      }
      String child = path.isEmpty() ? key : path + "." + key;
      if (!isWellFormed(key)) {
        throw invalid(owner, child, "has a key with an unpaired surrogate character");
      }
      copy.put(key, normalizeValue(e.getValue(), owner, child, depth));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object normalizeValue(Object v, String owner, String path, int depth) {
    if (v == null || v instanceof Boolean || v instanceof Long) {
      return v;
    }
    if (v instanceof String s) {
      if (!isWellFormed(s)) {
        throw invalid(owner, path, "is a string with an unpaired surrogate character");
      }
      return s;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw invalid(owner, path, "is not a finite number");
      }
      return d;
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      if (depth >= MAX_DEPTH) {
        throw invalid(owner, path, "is nested deeper than " + MAX_DEPTH + " levels");
      }
      if (v instanceof Map<?, ?> m) {
        return normalizeMap(m, owner, path, depth + 1);
      }
      List<?> list = (List<?>) v;
      List<Object> copy = new ArrayList<>(list.size());
      int i = 0;
      for (Object item : list) {
        copy.add(normalizeValue(item, owner, path + "[" + i++ + "]", depth + 1));
      }
      return Collections.unmodifiableList(copy);
    }
    throw invalid(owner, path, "has unsupported type " + v.getClass().getName());
  }

  /** Unpaired surrogates cannot be encoded as UTF-8, so they would not survive a restart. */
  static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static VjvException invalid(String owner, String path, String problem) {
    return new VjvException(
        ErrorType.INVALID_REQUEST, owner + ": payload field '" + path + "' " + problem);
  }
}
