package io.vjvector.rest.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Rejects bodies over the configured size with 413: by the declared length before reading, and
 * while reading for chunked bodies, so an oversized body is never buffered whole.
 */
@Component(service = BodyLimitFilter.class)
@PreMatching
@Provider
public class BodyLimitFilter implements ContainerRequestFilter {
  private final Limits limits;

  /**
   * Creates the filter.
   *
   * @param limits the configured limits
   */
  @Activate
  public BodyLimitFilter(@org.osgi.service.component.annotations.Reference Limits limits) {
    this.limits = limits;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    long max = limits.maxBodyBytes();
    if (request.getLength() > max) {
      throw tooLarge(max);
    }
    // Not hasEntity(): CXF answers it by caching the whole body (to a temporary file once large)
    // just to see whether there is a first byte.
    InputStream in = request.getEntityStream();
    if (in != null) {
      request.setEntityStream(new Bounded(in, max));
    }
  }

  private static VjvException tooLarge(long max) {
    return new VjvException(
        ErrorType.PAYLOAD_TOO_LARGE, "request body larger than " + max + " bytes");
  }

  private static final class Bounded extends FilterInputStream {
    private final long max;
    private long read;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw tooLarge(max);
      }
    }
  }
}
