package io.vjvector.sdk.load;

import io.vjvector.sdk.internal.MediaTypes;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extracts documents (text plus metadata) from the bytes of a file. The host picks a loader whose
 * {@link #mediaTypes()} accept the source's media type. Registered as an OSGi service declared with
 * {@link VjvDocumentLoader}.
 *
 * <p>Implementations must be thread-safe, and must treat the content as untrusted input: bound what
 * they allocate and never follow references out of the file on their own.
 */
@ConsumerType
public interface DocumentLoader {
  /** The service property that carries the loader's name; {@link VjvDocumentLoader} sets it. */
  String NAME_PROPERTY = VjvDocumentLoader.PREFIX_ + "name";

  /**
   * The media types this loader reads: exact ({@code application/pdf}), a whole type ({@code
   * text/*}) or anything ({@code *}{@code /*}). Parameters are ignored.
   *
   * @return at least one media type or pattern
   */
  Set<String> mediaTypes();

  /**
   * Whether this loader reads a media type, by {@link #mediaTypes()}.
   *
   * @param mediaType for example {@code text/html; charset=UTF-8}
   * @return {@code true} if one of the patterns matches, ignoring parameters and case
   * @throws IllegalArgumentException if {@code mediaType} is not {@code type/subtype}
   */
  default boolean supports(String mediaType) {
    MediaTypes.essence(mediaType);
    for (String pattern : mediaTypes()) {
      if (MediaTypes.matches(pattern, mediaType)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a source.
   *
   * @param source the bytes, their media type and where they came from
   * @return the documents found, in reading order; one for most files, several for archives or
   *     mailboxes, none if the file holds no text
   * @throws IOException if the content cannot be read
   * @throws io.vjvector.sdk.error.VjvException {@code UNSUPPORTED_MEDIA_TYPE} or {@code
   *     INVALID_REQUEST} if the content is not what its media type says
   */
  List<Document> load(Source source) throws IOException;
}
