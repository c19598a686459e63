/**
 * The engine's service API, used by the host's own bundles (REST, console, and later clustering and
 * RAG). Plugins use the SDK instead.
 */
@Export
@Version("0.5.0")
package io.vjvector.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
