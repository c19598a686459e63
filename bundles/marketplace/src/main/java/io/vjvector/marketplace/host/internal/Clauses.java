package io.vjvector.marketplace.host.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OSGi manifest headers ({@code Import-Package}, {@code Require-Capability}): clauses
 * separated by commas, each a list of names followed by {@code key=value} attributes and {@code
 * key:=value} directives, values optionally quoted.
 */
final class Clauses {
  private Clauses() {}

  /** One clause: its names (a package list may share attributes), attributes and directives. */
  record Clause(
      List<String> names, Map<String, String> attributes, Map<String, String> directives) {}

  static List<Clause> parse(String header) {
    List<Clause> clauses = new ArrayList<>();
    if (header == null || header.isBlank()) {
      return clauses;
    }
    for (String text : split(header, ',')) {
      List<String> names = new ArrayList<>();
      Map<String, String> attributes = new LinkedHashMap<>();
      Map<String, String> directives = new LinkedHashMap<>();
      for (String part : split(text, ';')) {
        String p = part.trim();
        int directive = p.indexOf(":=");
        int eq = p.indexOf('=');
        if (directive > 0 && directive < eq + 1) {
          directives.put(p.substring(0, directive).trim(), unquote(p.substring(directive + 2)));
        } else if (eq > 0) {
          String key = p.substring(0, eq).trim();
          int colon = key.indexOf(':'); // typed attribute: version:Version=...
          attributes.put(colon > 0 ? key.substring(0, colon) : key, unquote(p.substring(eq + 1)));
        } else if (!p.isEmpty()) {
          names.add(p);
        }
      }
      clauses.add(new Clause(names, attributes, directives));
    }
    return clauses;
  }

  private static String unquote(String value) {
    String v = value.trim();
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  private static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
