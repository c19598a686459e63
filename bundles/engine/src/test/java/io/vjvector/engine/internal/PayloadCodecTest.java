package io.vjvector.engine.internal;

import static io.vjvector.engine.internal.Fixtures.assertError;
import static io.vjvector.engine.internal.Fixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.error.ErrorType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {
  private static Map<String, Object> roundTrip(Map<String, Object> payload) {
    Map<String, Object> normalized = Payloads.normalize(payload, "point 1");
    ByteWriter out = new ByteWriter(16, Integer.MAX_VALUE - 8);
    PayloadCodec.writeMap(out, normalized);
    ByteReader in = new ByteReader(out.toBuffer());
    Map<String, Object> decoded = PayloadCodec.readMap(in);
    assertEquals(false, in.hasRemaining());
    assertEquals(normalized, decoded);
    return decoded;
  }

  @Test
  void nestedValuesRoundTripWithTypesAndKeyOrder() {
    BigInteger huge = BigInteger.TWO.pow(100).add(BigInteger.ONE);
    Map<String, Object> payload =
        map(
            "zeta",
            "last key first",
            "long",
            Long.MIN_VALUE,
            "max",
            Long.MAX_VALUE,
            "negative",
            -3L,
            "huge",
            huge,
            "negativeHuge",
            huge.negate(),
            "double",
            1.0,
            "negativeZero",
            -0.0,
            "tiny",
            Double.MIN_VALUE,
            "unicode",
            "héllo 世界 🎉 \u0000 end",
            "",
            "empty key",
            "null",
            null,
            "yes",
            true,
            "no",
            false,
            "list",
            Arrays.asList(1L, "two", null, List.of(), map("deep", List.of(2.5))),
            "map",
            map("b", 1L, "a", map("c", List.of(map()))));
    Map<String, Object> decoded = roundTrip(payload);

    assertEquals(List.copyOf(payload.keySet()), List.copyOf(decoded.keySet()));
    assertInstanceOf(Double.class, decoded.get("double"));
    assertInstanceOf(Long.class, decoded.get("negative"));
    assertEquals(huge, decoded.get("huge"));
    assertEquals(-0.0, decoded.get("negativeZero"));
    assertEquals("héllo 世界 🎉 \u0000 end", decoded.get("unicode"));
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) decoded.get("map");
    assertEquals(List.of("b", "a"), List.copyOf(nested.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> decoded.put("x", 1L));
    assertThrows(UnsupportedOperationException.class, () -> nested.put("x", 1L));
  }

  @Test
  void numbersAreNormalizedToCanonicalTypes() {
    Map<String, Object> decoded =
        roundTrip(
            map(
                "int",
                7,
                "short",
                (short) -2,
                "byte",
                (byte) 1,
                "float",
                0.5f,
                "smallBig",
                BigInteger.valueOf(-42),
                "list",
                List.of(1, 2.5f)));
    assertEquals(7L, decoded.get("int"));
    assertEquals(-2L, decoded.get("short"));
    assertEquals(1L, decoded.get("byte"));
    assertEquals(0.5, decoded.get("float"));
    assertEquals(-42L, decoded.get("smallBig"));
    assertEquals(List.of(1L, 2.5), decoded.get("list"));
  }

  @Test
  void emptyPayloadIsSharedEmptyMap() {
    assertSame(Payloads.EMPTY, Payloads.normalize(null, "p"));
    assertSame(Payloads.EMPTY, roundTrip(new HashMap<>()));
  }

  @Test
  void unsupportedValuesAreRejected() {
    List<Object> bad =
        List.of(
            new Date(),
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            new BigDecimal("1.5"),
            'c',
            new Object[] {1L},
            "lone \ud800 surrogate",
            List.of(Double.NaN));
    for (Object value : bad) {
      Map<String, Object> payload = new HashMap<>();
      payload.put("field", value);
      var e = assertError(ErrorType.INVALID_REQUEST, () -> Payloads.normalize(payload, "point 9"));
      assertTrue(e.getMessage().contains("point 9"), e.getMessage());
      assertTrue(e.getMessage().contains("field"), e.getMessage());
    }
  }

  @Test
  void nonStringKeysAndExcessiveNestingAreRejected() {
    Map<Object, Object> weird = new HashMap<>();
    weird.put(1, "x");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, Object> payload = (Map) map("outer", weird);
    assertError(ErrorType.INVALID_REQUEST, () -> Payloads.normalize(payload, "p"));

    List<Object> deep = new ArrayList<>();
    List<Object> current = deep;
    for (int i = 0; i < Payloads.MAX_DEPTH + 1; i++) {
      List<Object> next = new ArrayList<>();
      current.add(next);
      current = next;
    }
    assertError(ErrorType.INVALID_REQUEST, () -> Payloads.normalize(map("deep", deep), "p"));
  }

  @Test
  void malformedBytesFailWithMessage() {
    ByteWriter out = new ByteWriter(16, 1024);
    out.putVarInt(1);
    out.putString("k");
    out.putByte(99);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PayloadCodec.readMap(new ByteReader(out.toBuffer())));
    assertTrue(e.getMessage().contains("unknown payload tag"), e.getMessage());
  }
}
