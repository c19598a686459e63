/** JSON shapes of the REST API; public fields, read and written by Jackson. */
package io.vjvector.rest.internal.dto;
