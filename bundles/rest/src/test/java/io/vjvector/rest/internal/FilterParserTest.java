package io.vjvector.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Filter parse(String json) throws Exception {
    return FilterParser.parse(JSON.readTree(json));
  }

  @Test
  void readsEveryConditionKind() throws Exception {
    Filter f =
        parse(
            "{\"must\":[{\"key\":\"color\",\"match\":{\"any\":[\"red\",\"blue\"]}},"
                + "{\"key\":\"price\",\"range\":{\"gte\":1,\"lt\":10}}],"
                + "\"should\":[{\"has_id\":[1,\"a\"]},{\"is_null\":{\"key\":\"gone\"}}],"
                + "\"must_not\":[{\"must\":[{\"key\":\"color\",\"match\":{\"value\":\"blue\"}}]}]}");
    Map<String, Object> red = Map.of("color", "red", "price", 5L);
    assertTrue(f.test(PointId.of(1), red));
    assertTrue(f.test(PointId.of(2), red), "should: is_null of a missing field holds");
    assertFalse(f.test(PointId.of(1), Map.of("color", "blue", "price", 5L)), "must_not");
    assertFalse(f.test(PointId.of(1), Map.of("color", "red", "price", 10L)), "range");
    assertFalse(
        f.test(PointId.of(2), Map.of("color", "red", "price", 5L, "gone", "x")), "no should holds");
    assertEquals(2, f.depth());
    assertTrue(FilterParser.parse(null).isEmpty());
  }

  @Test
  void rejectsWhatItCannotRead() {
    for (String bad :
        new String[] {
          "[]",
          "{\"must\":{}}",
          "{\"must\":[{\"key\":\"k\"}]}",
          "{\"must\":[{\"key\":\"k\",\"match\":{\"value\":[1]}}]}",
          "{\"must\":[{\"key\":\"k\",\"match\":{\"value\":1,\"any\":[1]}}]}",
          "{\"must\":[{\"key\":\"k\",\"range\":{\"around\":1}}]}",
          "{\"must\":[{\"key\":\"k\",\"range\":{\"gt\":\"soon\"}}]}",
          "{\"must\":[{\"has_id\":[-1]}]}",
          "{\"filter\":[]}",
          "{\"must\":[{\"is_null\":{}}]}"
        }) {
      VjvException e = assertThrows(VjvException.class, () -> parse(bad), bad);
      assertTrue(
          e.type() == ErrorType.INVALID_REQUEST || e.type() == ErrorType.INVALID_ID,
          bad + " -> " + e.type());
    }
  }

  @Test
  void capsNestingDepth() throws Exception {
    String f = "{}";
    for (int i = 0; i < FilterParser.MAX_DEPTH; i++) {
      f = "{\"must\":[" + f + "]}";
    }
    JsonNode tooDeep = JSON.readTree(f);
    VjvException e = assertThrows(VjvException.class, () -> FilterParser.parse(tooDeep));
    assertTrue(e.getMessage().contains("nest deeper"), e.getMessage());
  }
}
