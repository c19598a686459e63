package io.vjvector.sdk.embed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a Declarative Services component as an {@link Embedder} with a name, so that the service
 * carries the {@code vjvector.embedder.name} property ({@link Embedder#NAME_PROPERTY}):
 *
 * <pre>
 * &#64;Component(service = Embedder.class)
 * &#64;VjvEmbedder(name = "minilm")
 * public class MiniLmEmbedder implements Embedder { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VjvEmbedder {
  /** Prepended to the element names to form the service property names. */
  String PREFIX_ = "vjvector.embedder.";

  /**
   * The name users select the embedder by; must equal {@link Embedder#name()}.
   *
   * @return the name
   */
  String name();
}
