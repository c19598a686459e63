package io.vjvector.samples.fileevents;

import io.vjvector.sdk.event.Event;
import java.util.Map;

/**
 * One event as one line of JSON: {@code {"time":…,"type":…,"tenant":…,"attributes":{…}}}. Strings
 * are escaped so that no event can break the line structure (control characters, line separators,
 * lone surrogates); numbers are written as Java prints them, which is valid JSON for the finite
 * values an {@link Event} may hold.
 */
final class EventLines {
  private EventLines() {}

  static String format(Event event) {
    StringBuilder line = new StringBuilder(128);
    line.append("{\"time\":");
    quote(line, event.time().toString());
    line.append(",\"type\":");
    quote(line, event.type());
    line.append(",\"tenant\":");
    quote(line, event.tenant());
    line.append(",\"attributes\":{");
    boolean first = true;
    for (Map.Entry<String, Object> e : event.attributes().entrySet()) {
      line.append(first ? "" : ",");
      first = false;
      quote(line, e.getKey());
      line.append(':');
      Object value = e.getValue();
      if (value instanceof String) {
        quote(line, (String) value);
      } else {
        line.append(value); // Boolean or a finite Number, as Event guarantees
      }
    }
    return line.append("}}").toString();
  }

  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean paired =
              Character.isHighSurrogate(c)
                  ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                  : !Character.isLowSurrogate(c)
                      || (i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
          // U+2028/2029 are line breaks to some readers; lone surrogates have no UTF-8 form
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || !paired) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
