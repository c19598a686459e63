package io.vjvector.sdk.chunk;

import io.vjvector.sdk.internal.Values;
import java.util.Map;

/**
 * A passage of a document.
 *
 * @param text the passage, not empty; usually {@code document.text().substring(start, end)}, but a
 *     chunker may normalize whitespace or add a heading for context
 * @param start the offset in the document's text where the passage begins, in UTF-16 code units (as
 *     {@link String#substring(int, int)} counts)
 * @param end the offset just past the passage's end, greater than {@code start}
 * @param metadata chunk-specific metadata (for example a section heading), merged over the
 *     document's; strings, booleans, finite numbers, lists and maps of those
 */
public record Chunk(String text, int start, int end, Map<String, Object> metadata) {
  /**
   * Validates the chunk and copies its metadata.
   *
   * @param text the passage, not empty; usually {@code document.text().substring(start, end)}, but
   *     a chunker may normalize whitespace or add a heading for context
   * @param start the offset in the document's text where the passage begins, in UTF-16 code units
   *     (as {@link String#substring(int, int)} counts)
   * @param end the offset just past the passage's end, greater than {@code start}
   * @param metadata chunk-specific metadata (for example a section heading), merged over the
   *     document's; strings, booleans, finite numbers, lists and maps of those
   * @throws IllegalArgumentException if the text is empty, {@code start} is negative, {@code end}
   *     is not past {@code start} or the metadata is not JSON-like
   */
  public Chunk {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("chunk text must not be empty");
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "chunk offsets must satisfy 0 <= start < end, not [" + start + ", " + end + ")");
    }
    metadata = Values.copyObject("metadata", metadata, false);
  }

  /**
   * A chunk without metadata.
   *
   * @param text the passage
   * @param start where it begins
   * @param end where it ends
   */
  public Chunk(String text, int start, int end) {
    this(text, start, end, Map.of());
  }

  /**
   * The chunk that is exactly a range of a text.
   *
   * @param documentText the document's text
   * @param start where the chunk begins
   * @param end where it ends, at most the text's length
   * @return the chunk
   * @throws IllegalArgumentException if the range is empty or outside the text
   */
  public static Chunk slice(String documentText, int start, int end) {
    Values.required(documentText, "documentText");
    if (start < 0 || end <= start || end > documentText.length()) {
      throw new IllegalArgumentException(
          "range ["
              + start
              + ", "
              + end
              + ") is empty or outside a text of "
              + documentText.length()
              + " characters");
    }
    return new Chunk(documentText.substring(start, end), start, end);
  }

  /**
   * Whether the chunk's range lies within a text of the given length.
   *
   * @param textLength the length of the document's text
   * @return {@code true} if {@code end <= textLength}
   */
  public boolean within(int textLength) {
    return end <= textLength;
  }
}
