package io.vjvector.engine;

import io.vjvector.sdk.vector.Distance;
import java.time.Duration;
import java.time.Instant;

/**
 * A collection as it is now.
 *
 * @param tenant the owning tenant
 * @param name the name
 * @param dimension the vector dimension
 * @param distance how vectors are compared
 * @param createdAt when it was created
 * @param pointCount how many points it holds (expired points not yet removed are not counted)
 * @param indexedCount how many points are searchable through the index: all of them while the
 *     collection is small enough to be searched exactly, otherwise those the HNSW graph has linked
 *     (the rest are scanned exactly until the background indexer reaches them)
 * @param hnsw the index parameters
 * @param vectorBytes memory held by vectors
 * @param graphBytes memory held by the graph's links
 * @param diskBytes bytes on disk (log, checkpoint and metadata)
 * @param quantization how vectors are compressed for traversal
 * @param quantizedBytes memory held by the compressed codes (0 without quantization)
 * @param payloadBytes estimated memory held by payloads
 * @param payloadIndexes the indexed payload fields and their types
 * @param payloadIndexBytes estimated memory held by payload indexes
 * @param status {@code green} when the index has caught up with every write, {@code indexing} while
 *     the background indexer is linking new points or repairing deleted ones
 * @param embedder the embedder plugin that turns texts into this collection's vectors, or {@code
 *     null}
 * @param retention how long a point lives after its last write, or {@code null} for forever
 */
public record CollectionInfo(
    String tenant,
    String name,
    int dimension,
    Distance distance,
    Instant createdAt,
    long pointCount,
    long indexedCount,
    HnswConfig hnsw,
    long vectorBytes,
    long graphBytes,
    long diskBytes,
    Quantization quantization,
    long quantizedBytes,
    long payloadBytes,
    java.util.Map<String, PayloadIndexType> payloadIndexes,
    long payloadIndexBytes,
    String status,
    String embedder,
    Duration retention) {}
