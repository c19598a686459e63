package io.vjvector.rest.internal;

import java.util.Map;

/**
 * A problem of the security layer, which the SDK's error types do not name: 401, 403, 429 and quota
 * refusals, with the headers they need.
 */
final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The security problem types. */
  enum Kind {
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    FORBIDDEN("forbidden", "Permission denied", 403),
    TENANT_SUSPENDED("tenant-suspended", "Tenant suspended", 403),
    QUOTA_EXCEEDED("quota-exceeded", "Quota exceeded", 403),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    CONFLICT("conflict", "Conflict", 409);

    final String slug;
    final String title;
    final int status;

    Kind(String slug, String title, int status) {
      this.slug = slug;
      this.title = title;
      this.status = status;
    }
  }

  private final Kind kind;
  private final transient Map<String, String> headers;

  ProblemException(Kind kind, String detail) {
    this(kind, detail, Map.of());
  }

  ProblemException(Kind kind, String detail, Map<String, String> headers) {
    super(detail);
    this.kind = kind;
    this.headers = headers;
  }

  Kind kind() {
    return kind;
  }

  Map<String, String> headers() {
    return headers;
  }
}
