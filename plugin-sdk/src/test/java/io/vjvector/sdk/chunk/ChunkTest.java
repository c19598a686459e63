package io.vjvector.sdk.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.sdk.load.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkTest {
  /** A fixed-size chunker with overlap, as a plugin would write it. */
  private static Chunker fixed(int size, int overlap) {
    return document -> {
      String text = document.text();
      List<Chunk> chunks = new ArrayList<>();
      for (int start = 0; start < text.length(); start += size - overlap) {
        chunks.add(Chunk.slice(text, start, Math.min(text.length(), start + size)));
        if (start + size >= text.length()) {
          break;
        }
      }
      return chunks;
    };
  }

  @Test
  void offsetsPointBackIntoTheDocument() {
    Document doc = Document.of("abcdefghij");
    List<Chunk> chunks = fixed(4, 1).chunk(doc);
    assertEquals(3, chunks.size());
    for (Chunk c : chunks) {
      assertEquals(doc.text().substring(c.start(), c.end()), c.text());
      assertTrue(c.within(doc.text().length()));
    }
    assertEquals(List.of(0, 3, 6), chunks.stream().map(Chunk::start).toList());
    assertEquals(10, chunks.get(2).end());
    assertEquals(List.of(), fixed(4, 1).chunk(Document.of("")));
  }

  @Test
  void sliceRejectsRangesOutsideTheText() {
    assertThrows(IllegalArgumentException.class, () -> Chunk.slice("abc", 1, 4));
    assertThrows(IllegalArgumentException.class, () -> Chunk.slice("abc", -1, 2));
    assertThrows(IllegalArgumentException.class, () -> Chunk.slice("abc", 2, 2));
    assertThrows(IllegalArgumentException.class, () -> Chunk.slice(null, 0, 1));
    assertEquals("bc", Chunk.slice("abc", 1, 3).text());
  }

  @Test
  void constructorRejectsBadOffsetsAndText() {
    assertThrows(IllegalArgumentException.class, () -> new Chunk("", 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Chunk(null, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Chunk("x", -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Chunk("x", 5, 5));
    assertThrows(IllegalArgumentException.class, () -> new Chunk("x", 5, 4));
    assertThrows(
        IllegalArgumentException.class, () -> new Chunk("x", 0, 1, Map.of("bad", new Object())));
    // a normalizing chunker may return text that is not the exact slice
    Chunk normalized = new Chunk("a b", 0, 5, Map.of("heading", "Intro"));
    assertFalse(normalized.within(4));
    assertEquals("Intro", normalized.metadata().get("heading"));
    assertEquals(Map.of(), new Chunk("x", 0, 1, null).metadata());
  }
}
