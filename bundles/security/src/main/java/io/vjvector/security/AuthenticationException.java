package io.vjvector.security;

/**
 * Credentials were missing, malformed, forged, expired or revoked. The message is safe to show to
 * the caller: it never repeats the credential.
 */
public class AuthenticationException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why, without secrets
   */
  public AuthenticationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message why, without secrets
   * @param cause the cause
   */
  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
