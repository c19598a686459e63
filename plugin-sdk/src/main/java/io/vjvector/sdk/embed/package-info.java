/**
 * The {@link io.vjvector.sdk.embed.Embedder} SPI: plugins that turn text into vectors, declared
 * with {@link io.vjvector.sdk.embed.VjvEmbedder}.
 */
@Export
@Version("1.0.0")
package io.vjvector.sdk.embed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
