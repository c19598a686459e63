package io.vjvector.sdk.rerank;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a Declarative Services component as a {@link Reranker} with a name: the service carries
 * the {@code vjvector.reranker.name} property ({@link Reranker#NAME_PROPERTY}).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VjvReranker {
  /** Prepended to the element names to form the service property names. */
  String PREFIX_ = "vjvector.reranker.";

  /**
   * The name users select the reranker by, unique among installed rerankers.
   *
   * @return the name
   */
  String name();
}
