package io.vjvector.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A resource method anyone may call without credentials (health, the API description). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Public {}
