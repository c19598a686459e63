package io.vjvector.marketplace.builder;

/** The command line asks for something impossible; exits with status 2 and the usage. */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
