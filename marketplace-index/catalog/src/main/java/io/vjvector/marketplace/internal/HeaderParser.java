package io.vjvector.marketplace.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OSGi manifest headers (Core spec 3.2.4): clauses separated by commas, each with one or more names
 * followed by {@code attribute=value} and {@code directive:=value} parameters; values may be quoted
 * and then contain commas and semicolons. Anything that does not follow the grammar is rejected
 * with an {@link IllegalArgumentException}.
 */
public final class HeaderParser {

  /**
   * One name of a clause with the clause's parameters (a clause with several names is returned as
   * several).
   */
  public record Clause(
      String name, Map<String, String> attributes, Map<String, String> directives) {}

  private HeaderParser() {}

  public static List<Clause> parse(String header) {
    List<Clause> result = new ArrayList<>();
    if (header == null || header.isBlank()) {
      return result;
    }
    for (String clause : split(header, ',')) {
      result.addAll(parseClause(clause));
    }
    return result;
  }

  /** Splits on a separator outside quotes; every part must be non-empty after trimming. */
  public static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '\\' && i + 1 < text.length()) {
        current.append(c).append(text.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        parts.add(nonEmpty(current.toString(), text));
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quote in '" + text + "'");
    }
    parts.add(nonEmpty(current.toString(), text));
    return parts;
  }

  private static List<Clause> parseClause(String clause) {
    List<String> names = new ArrayList<>();
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, String> directives = new LinkedHashMap<>();
    for (String part : split(clause, ';')) {
      int eq = indexOfUnquoted(part, '=');
      if (eq < 0) {
        if (!attributes.isEmpty() || !directives.isEmpty() || part.indexOf('"') >= 0) {
          throw new IllegalArgumentException("misplaced name '" + part + "' in '" + clause + "'");
        }
        names.add(part);
        continue;
      }
      String key = part.substring(0, eq).strip();
      String value = unquote(part.substring(eq + 1).strip());
      boolean directive = key.endsWith(":");
      Map<String, String> target = directive ? directives : attributes;
      // An attribute may be typed (name:Version=...); the type does not change how we read it.
      key = directive ? key.substring(0, key.length() - 1).strip() : key.split(":", 2)[0].strip();
      if (key.isEmpty() || target.put(key, value) != null) {
        throw new IllegalArgumentException("empty or repeated parameter in '" + clause + "'");
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("clause without a name: '" + clause + "'");
    }
    List<Clause> result = new ArrayList<>();
    for (String name : names) {
      result.add(
          new Clause(
              name,
              Collections.unmodifiableMap(attributes),
              Collections.unmodifiableMap(directives)));
    }
    return result;
  }

  private static int indexOfUnquoted(String text, char wanted) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == wanted && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String value) {
    if (!value.startsWith("\"")) {
      if (value.isEmpty() || value.indexOf('"') >= 0) {
        throw new IllegalArgumentException("bad value '" + value + "'");
      }
      return value;
    }
    if (value.length() < 2 || !value.endsWith("\"")) {
      throw new IllegalArgumentException("bad quoted value " + value);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        c = value.charAt(++i);
      } else if (c == '"') {
        throw new IllegalArgumentException("bad quoted value " + value);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String nonEmpty(String part, String text) {
    String trimmed = part.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("empty clause or parameter in '" + text + "'");
    }
    return trimmed;
  }
}
