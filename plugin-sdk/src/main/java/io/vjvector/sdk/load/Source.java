package io.vjvector.sdk.load;

import io.vjvector.sdk.internal.MediaTypes;
import io.vjvector.sdk.internal.Values;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * The input of a {@link DocumentLoader}: the bytes of one file, as the host received or fetched
 * them (under its egress policy), with their media type and origin. Immutable.
 */
public final class Source {
  private final URI uri;
  private final String mediaType;
  private final byte[] content;

  private Source(URI uri, String mediaType, byte[] content) {
    this.uri = uri;
    this.mediaType = mediaType;
    this.content = content;
  }

  /**
   * Creates a source; the content is copied.
   *
   * @param uri where the bytes came from, for citations and metadata; uploads get a URI such as
   *     {@code urn:sha256:...}
   * @param mediaType {@code type/subtype}, optionally with parameters such as {@code charset}
   * @param content the bytes
   * @return the source
   * @throws IllegalArgumentException if an argument is {@code null} or the media type is malformed
   */
  public static Source of(URI uri, String mediaType, byte[] content) {
    Values.required(uri, "uri");
    Values.required(content, "content");
    return new Source(uri, MediaTypes.normalize(mediaType), content.clone());
  }

  /**
   * Where the bytes came from.
   *
   * @return the URI
   */
  public URI uri() {
    return uri;
  }

  /**
   * The media type, type and subtype in lower case, parameters as given.
   *
   * @return for example {@code text/plain; charset=ISO-8859-1}
   */
  public String mediaType() {
    return mediaType;
  }

  /**
   * The character set named by the media type's {@code charset} parameter.
   *
   * @return the charset, or empty if there is no parameter or the JDK does not know it
   */
  public Optional<Charset> charset() {
    String name = MediaTypes.parameter(mediaType, "charset");
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Charset.forName(name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  /**
   * The number of bytes.
   *
   * @return the size
   */
  public int size() {
    return content.length;
  }

  /**
   * Reads the content without copying it.
   *
   * @return a new stream over the bytes
   */
  public InputStream openStream() {
    return new ByteArrayInputStream(content);
  }

  /**
   * A copy of the content.
   *
   * @return the bytes
   */
  public byte[] bytes() {
    return content.clone();
  }

  @Override
  public String toString() {
    return uri + " (" + mediaType + ", " + content.length + " bytes)";
  }
}
