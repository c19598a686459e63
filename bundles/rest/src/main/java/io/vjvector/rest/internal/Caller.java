package io.vjvector.rest.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.security.Identity;
import org.osgi.service.component.annotations.Component;

/**
 * Who the request on the current thread acts for, set by {@link AccessFilter} once it has
 * authenticated and authorized the request, and cleared when the request ends. Resources take the
 * tenant from here only: never from a path, a query or a body.
 */
@Component(service = Caller.class)
public class Caller {
  /** One request's identity and what it did, for metering. */
  static final class Request {
    final Identity identity;
    long searches;
    long pointsWritten;
    long pointsRead;
    final long bytesIn;

    Request(Identity identity, long bytesIn) {
      this.identity = identity;
      this.bytesIn = bytesIn;
    }
  }

  private final ThreadLocal<Request> current = new ThreadLocal<>();

  void set(Identity identity, long bytesIn) {
    current.set(new Request(identity, bytesIn));
  }

  /**
   * The request body's declared size.
   *
   * @return bytes, or -1 if not declared
   */
  long bytesIn() {
    Request r = current.get();
    return r == null ? -1 : r.bytesIn;
  }

  void clear() {
    current.remove();
  }

  Request request() {
    return current.get();
  }

  /**
   * The caller.
   *
   * @return the identity
   * @throws VjvException if no identity was bound (a public method asking for one)
   */
  Identity identity() {
    Request r = current.get();
    if (r == null) {
      throw new VjvException(ErrorType.INTERNAL, "no caller bound to this request");
    }
    return r.identity;
  }

  /**
   * The caller's tenant.
   *
   * @return the tenant
   */
  String tenant() {
    return identity().tenant();
  }

  /**
   * Checks that the caller may touch a collection: one outside its key's collections does not exist
   * as far as it can tell.
   *
   * @param collection the collection
   * @return the tenant
   */
  String tenantFor(String collection) {
    Identity id = identity();
    if (!id.inScope(collection)) {
      throw CollectionsResource.notFound(collection);
    }
    return id.tenant();
  }

  void searched(long n) {
    Request r = current.get();
    if (r != null) {
      r.searches += n;
    }
  }

  void wrote(long points) {
    Request r = current.get();
    if (r != null) {
      r.pointsWritten += points;
    }
  }

  void read(long points) {
    Request r = current.get();
    if (r != null) {
      r.pointsRead += points;
    }
  }
}
