package io.vjvector.security;

import java.time.Instant;

/**
 * Something that looks like an attack or abuse.
 *
 * @param time when it was raised
 * @param kind {@code auth-failure-burst}, {@code rate-limited-burst} or {@code bulk-read}
 * @param tenant the tenant concerned, or null
 * @param subject the key, user or address concerned
 * @param detail what was seen
 */
public record SecurityEvent(
    Instant time, String kind, String tenant, String subject, String detail) {}
