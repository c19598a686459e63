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
 */
public record CollectionInfo(
    String tenant,
    String name,
    int dimension,
    Distance distance,
    Instant createdAt,
    long pointCount) {}
