package io.vjvector.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A resource method any authenticated caller may call, whatever its roles (e.g. {@code /me}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Authenticated {}
