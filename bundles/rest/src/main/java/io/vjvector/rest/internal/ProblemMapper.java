package io.vjvector.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a problem response with a stable type; internals are logged, not sent.
 */
@Component(service = ProblemMapper.class)
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    Throwable t = unwrap(e);
    if (t instanceof ProblemException) {
      return Problems.response((ProblemException) t);
    }
    if (t instanceof VjvException) {
      VjvException v = (VjvException) t;
      if (v.type().status() >= 500 && v.type() != ErrorType.UNAVAILABLE) {
        return internal(v.type(), v);
      }
      return Problems.response(v.type(), v.getMessage());
    }
    if (t instanceof JsonProcessingException) {
      return Problems.response(ErrorType.MALFORMED_JSON, describe(t));
    }
    if (t instanceof WebApplicationException) {
      return fromStatus(((WebApplicationException) t).getResponse().getStatus(), t);
    }
    return internal(ErrorType.INTERNAL, t);
  }

  /**
   * Readers and CXF wrap what they throw; the error worth reporting is the innermost one we know.
   */
  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (t instanceof VjvException
          || t instanceof JsonProcessingException
          || t instanceof ProblemException) {
        return t;
      }
    }
    return e;
  }

  private static Response fromStatus(int status, Throwable t) {
    switch (status) {
      case 404:
        return Problems.response(ErrorType.NOT_FOUND, "no such resource");
      case 405:
        return Problems.response(ErrorType.METHOD_NOT_ALLOWED, "method not allowed here");
      case 406:
      case 415:
        return Problems.response(
            ErrorType.UNSUPPORTED_MEDIA_TYPE, "send and accept application/json");
      case 413:
        return Problems.response(ErrorType.PAYLOAD_TOO_LARGE, "request body too large");
      default:
        if (status >= 400 && status < 500) {
          return Problems.response(ErrorType.INVALID_REQUEST, String.valueOf(t.getMessage()));
        }
        return internal(ErrorType.INTERNAL, t);
    }
  }

  private static Response internal(ErrorType type, Throwable t) {
    String id = UUID.randomUUID().toString();
    LOG.error("request failed (error id {})", id, t);
    String detail = type == ErrorType.INTERNAL ? "internal error" : String.valueOf(t.getMessage());
    return Problems.response(type, detail + " (error id " + id + ")");
  }

  /** A client-facing description of a JSON error: where and what, never the Java types. */
  private static String describe(Throwable t) {
    if (t instanceof UnrecognizedPropertyException) {
      return "unknown field '" + ((UnrecognizedPropertyException) t).getPropertyName() + "'";
    }
    if (t instanceof JsonMappingException) {
      JsonMappingException m = (JsonMappingException) t;
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
        } else {
          path.append('[').append(r.getIndex()).append(']');
        }
      }
      String what =
          t instanceof InvalidFormatException || t instanceof MismatchedInputException
              ? "wrong type or value"
              : "invalid value";
      return path.length() == 0 ? "invalid JSON document" : what + " at '" + path + "'";
    }
    JsonProcessingException p = (JsonProcessingException) t;
    if (p.getLocation() == null) {
      return "malformed JSON";
    }
    return "malformed JSON at line "
        + p.getLocation().getLineNr()
        + ", column "
        + p.getLocation().getColumnNr();
  }
}
