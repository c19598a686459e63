/**
 * What the host offers a plugin: {@link io.vjvector.sdk.host.PluginContext} with configuration,
 * secrets, metrics, logging, governed outbound HTTP and the tenant-scoped vector store.
 */
@Export
@Version("1.0.0")
package io.vjvector.sdk.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
