package io.vjvector.samples.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesTheShapesOfAnEmbeddingsAnswer() {
    Object parsed =
        Json.parse(
            " {\"data\":[{\"index\":1,\"embedding\":[-0.5,1e-3,2E+2]}],\"ok\":true,"
                + "\"none\":null,\"s\":\"a\\u00e9\\n\\\"\"} ");
    Map<?, ?> root = (Map<?, ?>) parsed;
    Map<?, ?> item = (Map<?, ?>) ((List<?>) root.get("data")).get(0);
    assertEquals(1.0, item.get("index"));
    assertEquals(List.of(-0.5, 0.001, 200.0), item.get("embedding"));
    assertEquals(true, root.get("ok"));
    assertEquals(null, root.get("none"));
    assertEquals("aé\n\"", root.get("s"));
  }

  @Test
  void rejectsWhatIsNotJson() {
    for (String bad :
        List.of(
            "",
            "{",
            "{\"a\":1,}",
            "[1 2]",
            "{\"a\":1}x",
            "01",
            "1.",
            "\"tab\there\"",
            "{\"a\":1,\"a\":2}",
            "nul",
            "[".repeat(Json.MAX_DEPTH + 2))) {
      assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
    }
  }

  @Test
  void quotesWhatJsonCannotCarryRaw() {
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Json.quote("a\"b\\c\nd\u0001"));
    assertEquals("\"😀\"", Json.quote("😀"));
    assertEquals("\"\\ud800x\"", Json.quote("\ud800x"));
    char[] lone = {'x', '\udc00'};
    assertEquals("\"x\\udc00\"", Json.quote(new String(lone)));
    String text = "round \"trip\" \u2028 ü \t";
    assertEquals(text, Json.parse(Json.quote(text)));
  }
}
