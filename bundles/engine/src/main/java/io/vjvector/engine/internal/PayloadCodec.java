package io.vjvector.engine.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary encoding of canonical payloads (see {@link Payloads}): one tag byte per value, then a
 * fixed or length-prefixed body. The tag carries the Java type, so a Double never comes back as a
 * Long and vice versa. Tag values are part of the on-disk format and must never be renumbered.
 */
final class PayloadCodec {
  private static final int NULL = 0;
  private static final int FALSE = 1;
  private static final int TRUE = 2;
  private static final int LONG = 3;
  private static final int BIG_INTEGER = 4;
  private static final int DOUBLE = 5;
  private static final int STRING = 6;
  private static final int LIST = 7;
  private static final int MAP = 8;

  private PayloadCodec() {}

  static void writeMap(ByteWriter out, Map<String, Object> map) {
    out.putVarInt(map.size());
    for (Map.Entry<String, Object> e : map.entrySet()) {
      out.putString(e.getKey());
      writeValue(out, e.getValue());
    }
  }

  private static void writeValue(ByteWriter out, Object v) {
    if (v == null) {
      out.putByte(NULL);
    } else if (v instanceof Boolean b) {
      out.putByte(b ? TRUE : FALSE);
    } else if (v instanceof Long l) {
      out.putByte(LONG);
      out.putVarLong((l << 1) ^ (l >> 63)); // zigzag keeps small negatives short
    } else if (v instanceof BigInteger b) {
      out.putByte(BIG_INTEGER);
      byte[] bytes = b.toByteArray();
      out.putVarInt(bytes.length);
      out.putBytes(bytes);
    } else if (v instanceof Double d) {
      out.putByte(DOUBLE);
      out.putDouble(d);
    } else if (v instanceof String s) {
      out.putByte(STRING);
      out.putString(s);
    } else if (v instanceof List<?> list) {
      out.putByte(LIST);
      out.putVarInt(list.size());
      for (Object item : list) {
        writeValue(out, item);
      }
    } else if (v instanceof Map<?, ?> map) {
      out.putByte(MAP);
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) map;
      writeMap(out, m);
    } else {
      throw new IllegalStateException("payload was not normalized: " + v.getClass().getName());
    }
  }

  static Map<String, Object> readMap(ByteReader in) {
    Map<String, Object> map = readMap(in, 1);
    return map.isEmpty() ? Payloads.EMPTY : map;
  }

  private static Map<String, Object> readMap(ByteReader in, int depth) {
    int size = in.getCount();
    Map<String, Object> map = new LinkedHashMap<>(Math.max(4, size * 4 / 3 + 1));
    for (int i = 0; i < size; i++) {
      String key = in.getString();
      map.put(key, readValue(in, depth));
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object readValue(ByteReader in, int depth) {
    int tag = in.getByte();
    switch (tag) {
      case NULL:
        return null;
      case FALSE:
        return Boolean.FALSE;
      case TRUE:
        return Boolean.TRUE;
      case LONG:
        long z = in.getVarLong();
        return (z >>> 1) ^ -(z & 1);
      case BIG_INTEGER:
        return new BigInteger(in.getBytes());
      case DOUBLE:
        return in.getDouble();
      case STRING:
        return in.getString();
      case LIST:
      case MAP:
        if (depth >= Payloads.MAX_DEPTH) {
          throw ByteReader.malformed("payload nested deeper than " + Payloads.MAX_DEPTH);
        }
        if (tag == MAP) {
          return readMap(in, depth + 1);
        }
        int size = in.getCount();
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(readValue(in, depth + 1));
        }
        return Collections.unmodifiableList(list);
      default:
        throw ByteReader.malformed("unknown payload tag " + tag);
    }
  }
}
