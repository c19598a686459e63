package io.vjvector.sdk.chunk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a Declarative Services component as a {@link Chunker} with a name: the service carries
 * the {@code vjvector.chunker.name} property ({@link Chunker#NAME_PROPERTY}).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VjvChunker {
  /** Prepended to the element names to form the service property names. */
  String PREFIX_ = "vjvector.chunker.";

  /**
   * The name users select the chunker by, unique among installed chunkers.
   *
   * @return the name
   */
  String name();
}
