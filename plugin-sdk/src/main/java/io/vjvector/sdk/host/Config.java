package io.vjvector.sdk.host;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's configuration: the properties of its {@code .cfg} file with typed getters. Values
 * arrive as strings from files and as typed values from the console or REST; each getter accepts
 * both. A missing key gives the default; a present value of the wrong form is an error, never
 * silently the default. Immutable.
 */
public final class Config {
  private static final Config EMPTY = new Config(Map.of());

  private final Map<String, Object> properties;

  private Config(Map<String, Object> properties) {
    this.properties = properties;
  }

  /**
   * A configuration from properties, copied.
   *
   * @param properties keys and values; {@code null} values count as missing
   * @return the configuration
   * @throws IllegalArgumentException if a key is {@code null} or empty
   */
  public static Config of(Map<String, ?> properties) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : properties.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty()) {
        throw new IllegalArgumentException("configuration keys must not be empty");
      }
      if (e.getValue() != null) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    return new Config(Collections.unmodifiableMap(copy));
  }

  /**
   * The empty configuration.
   *
   * @return a configuration without properties
   */
  public static Config empty() {
    return EMPTY;
  }

  /**
   * All properties.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> asMap() {
    return properties;
  }

  /**
   * A string property; numbers and booleans are turned into their string form.
   *
   * @param key the key
   * @return the value, or empty if missing
   * @throws IllegalArgumentException if the value is a list or another non-scalar
   */
  public Optional<String> getString(String key) {
    Object v = properties.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return Optional.of(v.toString());
    }
    throw wrong(key, v, "a string");
  }

  /**
   * A string property.
   *
   * @param key the key
   * @param defaultValue returned if the key is missing
   * @return the value
   */
  public String getString(String key, String defaultValue) {
    return getString(key).orElse(defaultValue);
  }

  /**
   * An {@code int} property, from an integral number or a decimal string.
   *
   * @param key the key
   * @param defaultValue returned if the key is missing
   * @return the value
   * @throws IllegalArgumentException if the value is not an integer within {@code int} range
   */
  public int getInt(String key, int defaultValue) {
    long v = getLong(key, defaultValue);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw wrong(key, v, "an int");
    }
    return (int) v;
  }

  /**
   * A {@code long} property, from an integral number or a decimal string.
   *
   * @param key the key
   * @param defaultValue returned if the key is missing
   * @return the value
   * @throws IllegalArgumentException if the value is not an integer within {@code long} range
   */
  public long getLong(String key, long defaultValue) {
    Object v = properties.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof String) {
      try {
        return Long.parseLong(((String) v).trim());
      } catch (NumberFormatException e) {
        throw wrong(key, v, "an integer");
      }
    }
    throw wrong(key, v, "an integer");
  }

  /**
   * A {@code double} property, from a number or a decimal string.
   *
   * @param key the key
   * @param defaultValue returned if the key is missing
   * @return the value
   * @throws IllegalArgumentException if the value is not a finite number
   */
  public double getDouble(String key, double defaultValue) {
    Object v = properties.get(key);
    if (v == null) {
      return defaultValue;
    }
    double d;
    if (v instanceof Number) {
      d = ((Number) v).doubleValue();
    } else if (v instanceof String) {
      try {
        d = Double.parseDouble(((String) v).trim());
      } catch (NumberFormatException e) {
        throw wrong(key, v, "a number");
      }
    } else {
      throw wrong(key, v, "a number");
    }
    if (!Double.isFinite(d)) {
      throw wrong(key, v, "a finite number");
    }
    return d;
  }

  /**
   * A {@code boolean} property, from a boolean or the string {@code true} or {@code false} in any
   * case.
   *
   * @param key the key
   * @param defaultValue returned if the key is missing
   * @return the value
   * @throws IllegalArgumentException for any other value, such as {@code yes} or {@code 1}
   */
  public boolean getBoolean(String key, boolean defaultValue) {
    Object v = properties.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      if (s.equalsIgnoreCase("true")) {
        return true;
      }
      if (s.equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw wrong(key, v, "true or false");
  }

  /**
   * A duration property: an ISO-8601 duration ({@code PT30S}), a number with a unit ({@code 250ms},
   * {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}), a plain number of milliseconds, or a {@link
   * Duration}.
   *
   * @param key the key
   * @param defaultValue returned if the key is missing
   * @return the value
   * @throws IllegalArgumentException if the value is not a duration, or is negative
   */
  public Duration getDuration(String key, Duration defaultValue) {
    Object v = properties.get(key);
    if (v == null) {
      return defaultValue;
    }
    Duration d;
    if (v instanceof Duration) {
      d = (Duration) v;
    } else if (v instanceof Long || v instanceof Integer) {
      d = Duration.ofMillis(((Number) v).longValue());
    } else if (v instanceof String) {
      d = parseDuration(key, ((String) v).trim());
    } else {
      throw wrong(key, v, "a duration");
    }
    if (d.isNegative()) {
      throw wrong(key, v, "a duration that is not negative");
    }
    return d;
  }

  /**
   * A list of strings: from an array or a collection, or a string of comma-separated items (each
   * trimmed; empty items dropped).
   *
   * @param key the key
   * @return the items, empty if the key is missing
   * @throws IllegalArgumentException if an item is not a string, number or boolean
   */
  public List<String> getStrings(String key) {
    Object v = properties.get(key);
    List<String> items = new ArrayList<>();
    if (v == null) {
      return List.of();
    }
    if (v instanceof String) {
      for (String item : ((String) v).split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
      return List.copyOf(items);
    }
    Collection<?> elements;
    if (v instanceof Object[]) {
      elements = List.of((Object[]) v);
    } else if (v instanceof Collection) {
      elements = (Collection<?>) v;
    } else {
      throw wrong(key, v, "a list of strings");
    }
    for (Object e : elements) {
      if (!(e instanceof String || e instanceof Number || e instanceof Boolean)) {
        throw wrong(key, v, "a list of strings");
      }
      items.add(e.toString());
    }
    return List.copyOf(items);
  }

  /**
   * An enum property, by constant name in any case ({@code cosine} for {@code COSINE}), with dashes
   * read as underscores.
   *
   * @param <E> the enum type
   * @param key the key
   * @param type the enum class
   * @param defaultValue returned if the key is missing
   * @return the value
   * @throws IllegalArgumentException if the value names no constant
   */
  public <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue) {
    Object v = properties.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (type.isInstance(v)) {
      return type.cast(v);
    }
    if (v instanceof String) {
      String name = ((String) v).trim().replace('-', '_');
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(name)) {
          return constant;
        }
      }
    }
    throw wrong(key, v, "one of " + List.of(type.getEnumConstants()));
  }

  private static Duration parseDuration(String key, String s) {
    try {
      if (s.regionMatches(true, 0, "P", 0, 1)) {
        return Duration.parse(s);
      }
      String lower = s.toLowerCase(Locale.ROOT);
      String[][] units = {{"ms", "1"}, {"s", "1000"}, {"m", "60000"}, {"h", "3600000"}};
      for (String[] unit : units) {
        if (lower.endsWith(unit[0])) {
          long n = Long.parseLong(lower.substring(0, lower.length() - unit[0].length()).trim());
          return Duration.ofMillis(Math.multiplyExact(n, Long.parseLong(unit[1])));
        }
      }
      if (lower.endsWith("d")) {
        return Duration.ofDays(Long.parseLong(lower.substring(0, lower.length() - 1).trim()));
      }
      return Duration.ofMillis(Long.parseLong(lower));
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw wrong(key, s, "a duration such as PT30S, 30s or 500ms");
    }
  }

  private static IllegalArgumentException wrong(String key, Object value, String expected) {
    return new IllegalArgumentException(
        "configuration '" + key + "' is '" + value + "', expected " + expected);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config && ((Config) o).properties.equals(properties);
  }

  @Override
  public int hashCode() {
    return properties.hashCode();
  }

  @Override
  public String toString() {
    return "Config" + properties.keySet();
  }
}
