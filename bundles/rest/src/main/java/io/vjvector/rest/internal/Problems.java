package io.vjvector.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vjvector.sdk.error.ErrorType;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Builds RFC 9457 {@code application/problem+json} responses. */
final class Problems {
  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private static final ObjectMapper MAPPER = Json.newMapper();

  private Problems() {}

  static Response response(ErrorType type, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri());
    body.put("title", type.title());
    body.put("status", type.status());
    body.put("detail", detail);
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Response.ResponseBuilder builder =
        Response.status(type.status()).type(PROBLEM_JSON).entity(bytes);
    if (type == ErrorType.UNAVAILABLE) {
      builder.header("Retry-After", "1");
    }
    return builder.build();
  }
}
