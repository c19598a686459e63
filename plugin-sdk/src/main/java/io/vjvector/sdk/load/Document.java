package io.vjvector.sdk.load;

import io.vjvector.sdk.internal.Values;
import java.util.Map;

/**
 * Text extracted from a source, with metadata that ends up in the payload of every chunk made from
 * it.
 *
 * @param text the plain text; may be empty (a page without text)
 * @param metadata strings, booleans, finite numbers, and lists and maps of those; no {@code null}s.
 *     Keys such as {@link #TITLE} have agreed meanings
 */
public record Document(String text, Map<String, Object> metadata) {
  /** Metadata key: the document's title, a string. */
  public static final String TITLE = "title";

  /** Metadata key: the 1-based page the text comes from, an integer. */
  public static final String PAGE = "page";

  /** Metadata key: the language of the text, a BCP 47 tag such as {@code en} or {@code pt-BR}. */
  public static final String LANGUAGE = "language";

  /**
   * Validates the document and makes a deep, unmodifiable copy of its metadata.
   *
   * @param text the plain text; may be empty (a page without text)
   * @param metadata strings, booleans, finite numbers, and lists and maps of those; no {@code
   *     null}s. Keys such as {@link #TITLE} have agreed meanings
   * @throws IllegalArgumentException if the text is {@code null} or the metadata holds something
   *     that is not JSON-like
   */
  public Document {
    Values.required(text, "text");
    metadata = Values.copyObject("metadata", metadata, false);
  }

  /**
   * A document without metadata.
   *
   * @param text the text
   * @return the document
   */
  public static Document of(String text) {
    return new Document(text, Map.of());
  }
}
