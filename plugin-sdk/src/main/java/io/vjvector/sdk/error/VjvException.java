package io.vjvector.sdk.error;

/** An error with a stable {@link ErrorType}; the message becomes the problem {@code detail}. */
public class VjvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The stable type; part of the serialized form. */
  private final ErrorType type;

  /**
   * Creates an error.
   *
   * @param type the stable type
   * @param detail a message for the client; never contains secrets
   */
  public VjvException(ErrorType type, String detail) {
    super(detail);
    this.type = type;
  }

  /**
   * Creates an error with a cause.
   *
   * @param type the stable type
   * @param detail a message for the client; never contains secrets
   * @param cause the cause, logged but not sent to clients
   */
  public VjvException(ErrorType type, String detail, Throwable cause) {
    super(detail, cause);
    this.type = type;
  }

  /**
   * The stable error type.
   *
   * @return the type
   */
  public ErrorType type() {
    return type;
  }
}
