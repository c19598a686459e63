package io.vjvector.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypesTest {
  @Test
  void normalizesTypeAndKeepsParameters() {
    assertEquals("text/html; charset=UTF-8", MediaTypes.normalize("Text/HTML; charset=UTF-8"));
    assertEquals("application/pdf", MediaTypes.essence(" application/PDF ;q=1"));
    assertEquals("UTF-8", MediaTypes.parameter("text/plain; Charset=\"UTF-8\"", "charset"));
    assertNull(MediaTypes.parameter("text/plain", "charset"));
  }

  @Test
  void rejectsMalformed() {
    for (String bad : new String[] {"", "text", "/plain", "text/", "te xt/plain", "a/b/c"}) {
      assertThrows(IllegalArgumentException.class, () -> MediaTypes.normalize(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> MediaTypes.normalize(null));
  }

  @Test
  void wildcards() {
    assertTrue(MediaTypes.matches("text/*", "text/markdown"));
    assertTrue(MediaTypes.matches("*/*", "application/pdf"));
    assertTrue(MediaTypes.matches("application/pdf", "APPLICATION/PDF; x=y"));
    assertFalse(MediaTypes.matches("text/*", "textual/plain"));
    assertFalse(MediaTypes.matches("text/plain", "text/html"));
  }
}
