package io.vjvector.sdk.chunk;

import io.vjvector.sdk.load.Document;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Splits a document into chunks, the passages that are embedded and retrieved. Registered as an
 * OSGi service declared with {@link VjvChunker}. Settings such as the chunk size come from the
 * component's configuration: a factory configuration per setting gives several named chunkers.
 *
 * <p>Implementations must be thread-safe.
 */
@ConsumerType
public interface Chunker {
  /** The service property that carries the chunker's name; {@link VjvChunker} sets it. */
  String NAME_PROPERTY = VjvChunker.PREFIX_ + "name";

  /**
   * Splits a document.
   *
   * @param document the document
   * @return the chunks in document order, each with offsets within {@code document.text()}; none
   *     for a document without text. Chunks may overlap.
   */
  List<Chunk> chunk(Document document);
}
