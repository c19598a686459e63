package io.vjvector.security;

/** Which rate bucket a request draws from. */
public enum EndpointClass {
  /** Reads and searches. */
  READ,
  /** Writes. */
  WRITE,
  /** Management. */
  ADMIN
}
