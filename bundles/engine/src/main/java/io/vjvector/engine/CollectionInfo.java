package io.vjvector.engine;

import io.vjvector.sdk.vector.Distance;
import java.time.Instant;

/**
 * A collection as it is now.
 *
 * @param tenant the owning tenant
 * @param name the name
 * @param dimension the vector dimension
 * @param distance how vectors are compared
 * @param createdAt when it was created
 * @param pointCount how many points it holds
 * @param indexedCount how many points the HNSW graph links (0 while the collection is small enough
 *     to be searched exactly)
 * @param hnsw the index parameters
 * @param vectorBytes memory held by vectors
 * @param graphBytes memory held by the graph's links
 * @param diskBytes bytes on disk (log and metadata)
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
    long diskBytes) {}
