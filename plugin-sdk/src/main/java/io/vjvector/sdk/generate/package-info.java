/**
 * The {@link io.vjvector.sdk.generate.Generator} SPI: plugins that complete prompts with a language
 * model, blocking or streaming, declared with {@link io.vjvector.sdk.generate.VjvGenerator}.
 */
@Export
@Version("1.0.0")
package io.vjvector.sdk.generate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
