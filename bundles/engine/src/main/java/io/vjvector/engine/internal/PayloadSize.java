package io.vjvector.engine.internal;

import java.util.List;
import java.util.Map;

/** A rough estimate of the heap a payload takes (compressed-oops JVM), for collection info. */
final class PayloadSize {
  private PayloadSize() {}

  static long of(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof String s) {
      return 40 + s.length(); // compact Latin-1 strings: header, array header, one byte a char
    }
    if (value instanceof Map<?, ?> m) {
      long bytes = 48 + 16L * m.size(); // map, table slots
      for (Map.Entry<?, ?> e : m.entrySet()) {
        bytes += 32 + of(e.getKey()) + of(e.getValue());
      }
      return bytes;
    }
    if (value instanceof List<?> l) {
      long bytes = 24 + 4L * l.size();
      for (Object o : l) {
        bytes += of(o);
      }
      return bytes;
    }
    return 16; // boxed number or boolean
  }
}
