package io.vjvector.security;

import java.time.Instant;

/**
 * One audited action.
 *
 * @param time when
 * @param actor who ({@link Identity#subject()}, or {@code anonymous})
 * @param tenant the tenant acted for, or null when unknown (failed authentication)
 * @param action what, e.g. {@code POST /collections/{name}/points} or {@code auth.failure}
 * @param resource the object acted on, e.g. a collection name
 * @param outcome {@code allowed}, {@code denied}, {@code failed} or an HTTP status
 * @param requestId the request's id
 * @param source the caller's address, or null
 */
public record AuditEvent(
    Instant time,
    String actor,
    String tenant,
    String action,
    String resource,
    String outcome,
    String requestId,
    String source) {}
