package io.vjvector.sdk.internal;

import java.util.Locale;

/** Parses and matches media types ({@code type/subtype;param=value}) as RFC 6838 spells them. */
public final class MediaTypes {
  private MediaTypes() {}

  /**
   * Validates a media type and lower-cases its type and subtype; parameters are kept as given.
   *
   * @param mediaType for example {@code text/plain; charset=UTF-8}
   * @return for example {@code text/plain; charset=UTF-8}
   * @throws IllegalArgumentException if it is not {@code type/subtype} with optional parameters
   */
  public static String normalize(String mediaType) {
    if (mediaType == null) {
      throw new IllegalArgumentException("media type is required");
    }
    int semi = mediaType.indexOf(';');
    String base = essence(mediaType);
    return semi < 0 ? base : base + mediaType.substring(semi);
  }

  /**
   * The media type without parameters, lower case.
   *
   * @param mediaType a media type
   * @return for example {@code text/plain}
   * @throws IllegalArgumentException if it is not {@code type/subtype}
   */
  public static String essence(String mediaType) {
    int semi = mediaType.indexOf(';');
    String base = (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim();
    int slash = base.indexOf('/');
    if (slash <= 0
        || slash == base.length() - 1
        || !token(base.substring(0, slash))
        || !token(base.substring(slash + 1))) {
      throw new IllegalArgumentException("'" + mediaType + "' is not a media type (type/subtype)");
    }
    return base.toLowerCase(Locale.ROOT);
  }

  /**
   * The value of a parameter, case-insensitive on its name, without quotes.
   *
   * @param mediaType a media type
   * @param name the parameter, for example {@code charset}
   * @return the value, or {@code null} if absent
   */
  public static String parameter(String mediaType, String name) {
    String[] parts = mediaType.split(";");
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0 && parts[i].substring(0, eq).trim().equalsIgnoreCase(name)) {
        String value = parts[i].substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  /**
   * Whether a media type matches a pattern: an exact type, {@code type/*} or {@code *}{@code /*}.
   * Parameters are ignored on both sides.
   *
   * @param pattern the pattern
   * @param mediaType the media type
   * @return whether it matches
   */
  public static boolean matches(String pattern, String mediaType) {
    String p = essence(pattern);
    String m = essence(mediaType);
    if (p.equals("*/*") || p.equals(m)) {
      return true;
    }
    return p.endsWith("/*") && m.startsWith(p.substring(0, p.length() - 1));
  }

  private static boolean token(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || "!#$&-^_.+*".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
