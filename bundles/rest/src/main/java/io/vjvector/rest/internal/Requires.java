package io.vjvector.rest.internal;

import io.vjvector.security.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a resource method needs. A method with neither this nor {@link Public} is refused
 * to everyone: a forgotten annotation fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Requires {
  /**
   * The permission.
   *
   * @return the permission
   */
  Permission value();
}
