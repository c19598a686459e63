package io.vjvector.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the OpenAPI 3 document. It is kept in source next to the resources, and a test fails when
 * a route and the document disagree.
 */
@Component(service = OpenApiResource.class)
@Path("openapi.json")
public class OpenApiResource {
  static final String DOCUMENT = "openapi.json";

  private final byte[] document;

  /** Loads the document once. */
  public OpenApiResource() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException(DOCUMENT + " is missing from the bundle");
      }
      this.document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The OpenAPI document.
   *
   * @return the JSON bytes
   */
  @Public
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public byte[] document() {
    return document.clone();
  }
}
