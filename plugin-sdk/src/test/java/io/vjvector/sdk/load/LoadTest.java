package io.vjvector.sdk.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadTest {
  private static final URI ORIGIN = URI.create("urn:sha256:abc");

  /** A minimal loader, as a plugin would write it. */
  private static final DocumentLoader TEXT =
      new DocumentLoader() {
        @Override
        public Set<String> mediaTypes() {
          return Set.of("text/*", "application/json");
        }

        @Override
        public List<Document> load(Source source) throws IOException {
          String text =
              new String(
                  source.openStream().readAllBytes(),
                  source.charset().orElse(StandardCharsets.UTF_8));
          return List.of(new Document(text, Map.of(Document.TITLE, source.uri().toString())));
        }
      };

  @Test
  void supportsMatchesPatternsIgnoringCaseAndParameters() {
    assertTrue(TEXT.supports("text/markdown"));
    assertTrue(TEXT.supports("TEXT/Plain; charset=ISO-8859-1"));
    assertTrue(TEXT.supports("application/json"));
    assertFalse(TEXT.supports("application/pdf"));
    assertThrows(IllegalArgumentException.class, () -> TEXT.supports("not a type"));
  }

  @Test
  void sourceIsImmutableAndDecodesItsCharset() throws IOException {
    byte[] bytes = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    Source s = Source.of(ORIGIN, "Text/Plain; charset=ISO-8859-1", bytes);
    bytes[0] = 'X';
    assertEquals("text/plain; charset=ISO-8859-1", s.mediaType());
    assertEquals(Optional.of(StandardCharsets.ISO_8859_1), s.charset());
    assertEquals(4, s.size());
    s.bytes()[0] = 'Y';
    assertEquals('c', s.bytes()[0]);
    assertEquals("caf\u00e9", TEXT.load(s).get(0).text());
    assertEquals(ORIGIN.toString(), TEXT.load(s).get(0).metadata().get(Document.TITLE));
  }

  @Test
  void unknownCharsetIsEmptyNotAnError() {
    assertEquals(
        Optional.empty(), Source.of(ORIGIN, "text/plain; charset=klingon", new byte[0]).charset());
    assertEquals(Optional.empty(), Source.of(ORIGIN, "text/plain", new byte[0]).charset());
  }

  @Test
  void sourceRejectsMissingParts() {
    assertThrows(IllegalArgumentException.class, () -> Source.of(null, "text/plain", new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Source.of(ORIGIN, "text/plain", null));
    assertThrows(IllegalArgumentException.class, () -> Source.of(ORIGIN, "plain", new byte[0]));
    assertArrayEquals(new byte[] {1}, Source.of(ORIGIN, "a/b", new byte[] {1}).bytes());
  }

  @Test
  void documentValidatesAndCopiesMetadata() {
    assertEquals(Map.of(), Document.of("").metadata());
    assertThrows(IllegalArgumentException.class, () -> Document.of(null));
    assertThrows(
        IllegalArgumentException.class, () -> new Document("t", Map.of("when", new Object())));
    Document d = new Document("t", Map.of(Document.PAGE, 3, "authors", List.of("a", "b")));
    assertThrows(UnsupportedOperationException.class, () -> d.metadata().put("x", "y"));
    assertEquals(3, d.metadata().get(Document.PAGE));
  }
}
