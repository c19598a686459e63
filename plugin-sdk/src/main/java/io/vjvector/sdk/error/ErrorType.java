package io.vjvector.sdk.error;

/**
 * The stable error types of VJVector. Each has a URI (the problem {@code type}), a title and an
 * HTTP status; clients may rely on the URI never changing meaning.
 */
public enum ErrorType {
  /** The request is malformed or a value is out of range. */
  INVALID_REQUEST("invalid-request", "Invalid request", 400),
  /** The request body is not valid JSON or has the wrong shape. */
  MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
  /** A vector has the wrong number of dimensions. */
  DIMENSION_MISMATCH("dimension-mismatch", "Vector dimension mismatch", 400),
  /** A vector contains NaN or an infinite value. */
  INVALID_VECTOR("invalid-vector", "Invalid vector value", 400),
  /** A point id is not an unsigned 64-bit integer or a valid string. */
  INVALID_ID("invalid-id", "Invalid point id", 400),
  /** A batch is empty or larger than allowed. */
  INVALID_BATCH("invalid-batch", "Invalid batch size", 400),
  /** The collection does not exist. */
  COLLECTION_NOT_FOUND("collection-not-found", "Collection not found", 404),
  /** The requested resource does not exist. */
  NOT_FOUND("not-found", "Not found", 404),
  /** The HTTP method is not supported for this resource. */
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  /** The media type is not supported. */
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  /** The collection already exists. */
  COLLECTION_EXISTS("collection-exists", "Collection already exists", 409),
  /** The request body is larger than allowed. */
  PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
  /** A capability the request needs is not available right now (for example during an update). */
  UNAVAILABLE("unavailable", "Service unavailable", 503),
  /** Storage failed; the write was not acknowledged. */
  STORAGE_ERROR("storage-error", "Storage error", 500),
  /** An unexpected error. */
  INTERNAL("internal", "Internal error", 500);

  /** The prefix of every problem type URI. */
  public static final String BASE_URI = "https://vjvector.io/problems/";

  private final String slug;
  private final String title;
  private final int status;

  ErrorType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  /**
   * The problem type URI.
   *
   * @return the URI, stable across releases
   */
  public String uri() {
    return BASE_URI + slug;
  }

  /**
   * A short human-readable summary that does not change between occurrences.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * The HTTP status code.
   *
   * @return the status
   */
  public int status() {
    return status;
  }
}
