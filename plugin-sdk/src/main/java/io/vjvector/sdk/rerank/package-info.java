/**
 * The {@link io.vjvector.sdk.rerank.Reranker} SPI: plugins that reorder search candidates by
 * relevance to a query, declared with {@link io.vjvector.sdk.rerank.VjvReranker}.
 */
@Export
@Version("1.0.0")
package io.vjvector.sdk.rerank;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
