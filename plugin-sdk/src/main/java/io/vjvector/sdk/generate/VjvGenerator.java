package io.vjvector.sdk.generate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a Declarative Services component as a {@link Generator} with a name: the service carries
 * the {@code vjvector.generator.name} property ({@link Generator#NAME_PROPERTY}).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VjvGenerator {
  /** Prepended to the element names to form the service property names. */
  String PREFIX_ = "vjvector.generator.";

  /**
   * The name users select the generator by, unique among installed generators.
   *
   * @return the name
   */
  String name();
}
