/**
 * The {@link io.vjvector.sdk.load.DocumentLoader} SPI: plugins that extract text and metadata from
 * files (PDF, HTML, Office, ...), declared with {@link io.vjvector.sdk.load.VjvDocumentLoader}.
 */
@Export
@Version("1.0.0")
package io.vjvector.sdk.load;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
