/**
 * The host's vector store as plugins see it: {@link io.vjvector.sdk.store.VectorStore}, one
 * tenant's collections of points, obtained from {@link
 * io.vjvector.sdk.host.PluginContext#vectorStore(String)}.
 */
@Export
@Version("1.0.0")
package io.vjvector.sdk.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
