package io.vjvector.sdk.load;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a Declarative Services component as a {@link DocumentLoader} with a name: the service
 * carries the {@code vjvector.documentloader.name} property ({@link DocumentLoader#NAME_PROPERTY}).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VjvDocumentLoader {
  /** Prepended to the element names to form the service property names. */
  String PREFIX_ = "vjvector.documentloader.";

  /**
   * The name users select the loader by, unique among installed loaders.
   *
   * @return the name
   */
  String name();
}
