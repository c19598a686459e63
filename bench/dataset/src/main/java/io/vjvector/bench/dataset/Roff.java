package io.vjvector.bench.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Running text of a man page (man(7) macros): paragraphs of the filled text, without headings,
 * tables of contents, no-fill blocks (examples, synopses) or macro definitions. Good enough to cut
 * into sentences; not a renderer.
 */
final class Roff {

  private static final Set<String> BREAKS =
      Set.of(
          "SH", "SS", "PP", "P", "LP", "TP", "TQ", "IP", "HP", "sp", "br", "RS", "RE", "in", "ti",
          "bp", "ne", "Sh", "Ss", "Pp", "Bl", "El", "It", "Bd", "Ed", "TS", "TE", "YS", "SY");
  private static final Set<String> FONT_ALTERNATING = Set.of("BR", "RB", "IR", "RI", "BI", "IB");
  private static final Set<String> FONT_SINGLE = Set.of("B", "I", "SM", "SB");
  private static final Map<String, String> GLYPHS =
      Map.ofEntries(
          Map.entry("em", " - "),
          Map.entry("en", "-"),
          Map.entry("hy", "-"),
          Map.entry("mi", "-"),
          Map.entry("aq", "'"),
          Map.entry("oq", "'"),
          Map.entry("cq", "'"),
          Map.entry("dq", "\""),
          Map.entry("lq", "\""),
          Map.entry("rq", "\""),
          Map.entry("L\"", "\""),
          Map.entry("R\"", "\""),
          Map.entry("C`", "\""),
          Map.entry("C'", "\""),
          Map.entry("C+", "C++"),
          Map.entry("--", "-"),
          Map.entry("PI", "pi"),
          Map.entry("Tm", "(TM)"),
          Map.entry("co", "(C)"),
          Map.entry("rg", "(R)"),
          Map.entry("mu", "x"),
          Map.entry("ti", "~"),
          Map.entry("ha", "^"),
          Map.entry("rs", "\\"),
          Map.entry("sl", "/"),
          Map.entry("at", "@"),
          Map.entry("lB", "["),
          Map.entry("rB", "]"),
          Map.entry("lC", "{"),
          Map.entry("rC", "}"),
          Map.entry("la", "<"),
          Map.entry("ra", ">"),
          Map.entry("<=", "<="),
          Map.entry(">=", ">="),
          Map.entry("->", "->"),
          Map.entry("bu", ""));

  private Roff() {}

  /** Paragraphs of running text; empty for a ".so" link page. */
  static List<String> paragraphs(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    boolean noFill = false;
    String skipUntil = null;
    for (String line : lines) {
      if (skipUntil != null) {
        if (line.strip().equals(skipUntil)) {
          skipUntil = null;
        }
        continue;
      }
      if (line.startsWith(".") || line.startsWith("'")) {
        String request = line.substring(1).stripLeading();
        if (request.isEmpty() || request.startsWith("\\\"") || request.startsWith("\\#")) {
          continue;
        }
        int space = indexOfSpace(request);
        String name = space < 0 ? request : request.substring(0, space);
        String rest = space < 0 ? "" : request.substring(space + 1);
        switch (name) {
          case "so":
            return List.of();
          case "de", "de1", "am", "ig":
            skipUntil = "..";
            break;
          case "nf", "EX", "Bd", "Vb":
            flush(para, out);
            noFill = true;
            break;
          case "fi", "EE", "Ed", "Ve":
            flush(para, out);
            noFill = false;
            break;
          default:
            if (BREAKS.contains(name)) {
              flush(para, out);
            } else if (!noFill && FONT_SINGLE.contains(name)) {
              append(para, unescape(String.join(" ", arguments(rest))));
            } else if (!noFill && FONT_ALTERNATING.contains(name)) {
              append(para, unescape(String.join("", arguments(rest))));
            }
        }
        continue;
      }
      if (!noFill) {
        if (line.isBlank()) {
          flush(para, out);
        } else {
          append(para, unescape(line));
        }
      }
    }
    flush(para, out);
    return out;
  }

  private static int indexOfSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static void append(StringBuilder para, String text) {
    if (text.isBlank()) {
      return;
    }
    if (para.length() > 0) {
      para.append(' ');
    }
    para.append(text);
  }

  private static void flush(StringBuilder para, List<String> out) {
    if (para.length() > 0) {
      out.add(para.toString());
      para.setLength(0);
    }
  }

  /** Macro arguments: blank-separated, double quotes group. */
  static List<String> arguments(String rest) {
    List<String> args = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < rest.length() && rest.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
          any = true;
        }
      } else if (!quoted && (c == ' ' || c == '\t')) {
        if (cur.length() > 0 || any) {
          args.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0 || any) {
      args.add(cur.toString());
    }
    return args;
  }

  /** Plain text of one input line: escapes resolved or dropped. */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (++i >= n) {
        break;
      }
      char e = s.charAt(i);
      switch (e) {
        case '"', '#':
          return b.toString();
        case '-':
          b.append('-');
          break;
        case 'e', '\\':
          b.append('\\');
          break;
        case '.':
          b.append('.');
          break;
        case '\'':
          b.append('\'');
          break;
        case '`':
          b.append('`');
          break;
        case ' ', '~', '0', 't':
          b.append(' ');
          break;
        case '(':
          if (i + 2 < n) {
            b.append(GLYPHS.getOrDefault(s.substring(i + 1, i + 3), ""));
          }
          i += 2;
          break;
        case '[':
          {
            int end = s.indexOf(']', i);
            if (end < 0) {
              return b.toString();
            }
            b.append(GLYPHS.getOrDefault(s.substring(i + 1, end), ""));
            i = end;
            break;
          }
        case '*':
          {
            int[] span = name(s, i + 1);
            b.append(GLYPHS.getOrDefault(s.substring(span[0], span[1]), ""));
            i = span[1] - 1 + (span[2]);
            break;
          }
        case 'f', 'F', 'n', 'g', 'k', 'm', 'M', 'V', 'Y', '$':
          {
            int from = i + 1;
            if (e == 'n' && from < n && (s.charAt(from) == '+' || s.charAt(from) == '-')) {
              from++;
            }
            int[] span = name(s, from);
            i = span[1] - 1 + span[2];
            break;
          }
        case 's':
          {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
              j++;
            }
            if (j < n && (s.charAt(j) == '(' || s.charAt(j) == '[' || s.charAt(j) == '\'')) {
              int[] span = name(s, j);
              i = span[1] - 1 + span[2];
            } else {
              while (j < n && Character.isDigit(s.charAt(j)) && j <= i + 3) {
                j++;
              }
              i = j - 1;
            }
            break;
          }
        case 'h', 'v', 'w', 'l', 'L', 'x', 'X', 'b', 'o', 'D', 'A', 'B', 'N', 'R', 'S', 'Z', 'C':
          {
            if (i + 1 < n) {
              char delim = s.charAt(i + 1);
              int end = s.indexOf(delim, i + 2);
              if (end < 0) {
                return b.toString();
              }
              if (e == 'C') {
                b.append(GLYPHS.getOrDefault(s.substring(i + 2, end), ""));
              }
              i = end;
            }
            break;
          }
        default:
          // Zero-width and motion escapes (ampersand, bar, caret, slash, comma, percent, c, p, r,
          // u, d...): nothing printed.
          break;
      }
    }
    return b.toString();
  }

  /**
   * The name after an escape at {@code from}: one character, "(xx" or "[name]". Returns {start,
   * end, trailing delimiter length}.
   */
  private static int[] name(String s, int from) {
    int n = s.length();
    if (from >= n) {
      return new int[] {n, n, 0};
    }
    char c = s.charAt(from);
    if (c == '(') {
      int end = Math.min(n, from + 3);
      return new int[] {Math.min(n, from + 1), end, 0};
    }
    if (c == '[' || c == '\'') {
      char close = c == '[' ? ']' : '\'';
      int end = s.indexOf(close, from + 1);
      if (end < 0) {
        return new int[] {n, n, 0};
      }
      return new int[] {from + 1, end, 1};
    }
    return new int[] {from, from + 1, 0};
  }
}
