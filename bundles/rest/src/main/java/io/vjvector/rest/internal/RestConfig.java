package io.vjvector.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Request limits of the REST API (PID {@code io.vjvector.rest}). */
@ObjectClassDefinition(name = "VJVector REST", description = "Limits of the REST API")
public @interface RestConfig {
  /** The PID. */
  String PID = "io.vjvector.rest";

  /**
   * Largest accepted request body.
   *
   * @return bytes
   */
  @AttributeDefinition(description = "Largest accepted request body, in bytes")
  long maxBodyBytes() default 32L * 1024 * 1024;

  /**
   * Most points in one upsert, get or delete.
   *
   * @return points
   */
  @AttributeDefinition(description = "Most points in one upsert, get or delete batch")
  int maxBatchPoints() default 10_000;

  /**
   * Most queries in one batch search.
   *
   * @return queries
   */
  @AttributeDefinition(description = "Most queries in one batch search")
  int maxBatchSearches() default 100;
}
