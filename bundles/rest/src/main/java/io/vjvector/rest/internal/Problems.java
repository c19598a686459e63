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
  private static final String BASE_URI = ErrorType.BASE_URI;

  private Problems() {}

  static Response response(ErrorType type, String detail) {
    return response(type.uri(), type.title(), type.status(), detail, type == ErrorType.UNAVAILABLE);
  }

  static Response response(ProblemException e) {
    Response r =
        response(BASE_URI + e.kind().slug, e.kind().title, e.kind().status, e.getMessage(), false);
    e.headers().forEach((k, v) -> r.getHeaders().putSingle(k, v));
    return r;
  }

  private static Response response(
      String type, String title, int status, String detail, boolean retry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Response.ResponseBuilder builder = Response.status(status).type(PROBLEM_JSON).entity(bytes);
    if (retry) {
      builder.header("Retry-After", "1");
    }
    return builder.build();
  }
}
