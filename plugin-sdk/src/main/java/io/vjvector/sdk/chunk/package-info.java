/**
 * The {@link io.vjvector.sdk.chunk.Chunker} SPI: plugins that split documents into passages for
 * embedding, declared with {@link io.vjvector.sdk.chunk.VjvChunker}.
 */
@Export
@Version("1.0.0")
package io.vjvector.sdk.chunk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
