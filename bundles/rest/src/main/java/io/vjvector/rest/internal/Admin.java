package io.vjvector.rest.internal;

import io.vjvector.rest.internal.dto.LimitsDto;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.security.Identity;
import io.vjvector.security.Permission;
import io.vjvector.security.Security;
import io.vjvector.security.TenantLimits;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/** Shared rules of the management resources. */
final class Admin {
  private Admin() {}

  /** Runs a management call, turning the security service's refusals into problems. */
  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (NoSuchElementException e) {
      throw new VjvException(ErrorType.NOT_FOUND, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw Convert.invalid(e.getMessage());
    } catch (IllegalStateException e) {
      throw new ProblemException(ProblemException.Kind.CONFLICT, e.getMessage());
    }
  }

  /**
   * No caller hands out more than it has: every permission of the roles granted must be the
   * caller's own, and a caller limited to some collections can only grant a subset of them.
   */
  static void checkGrant(
      Security security,
      Identity caller,
      String tenant,
      Set<String> roles,
      Set<String> collections) {
    Set<Permission> own = security.permissions(caller);
    if (roles.contains(Security.PLATFORM_ADMIN) && !own.contains(Permission.PLATFORM_ADMIN)) {
      throw new ProblemException(
          ProblemException.Kind.FORBIDDEN, "only platform administrators grant platform-admin");
    }
    Identity granted = new Identity("grant", tenant, roles, collections, "api-key");
    for (Permission p : security.permissions(granted)) {
      if (!own.contains(p)) {
        throw new ProblemException(
            ProblemException.Kind.FORBIDDEN,
            "you cannot grant '" + p.externalName() + "': you do not have it");
      }
    }
    if (!caller.collections().isEmpty()
        && (collections.isEmpty() || !caller.collections().containsAll(collections))) {
      throw new ProblemException(
          ProblemException.Kind.FORBIDDEN,
          "you can only grant collections your own key is limited to");
    }
  }

  static TenantLimits limits(LimitsDto d) {
    if (d == null) {
      return TenantLimits.DEFAULTS;
    }
    return new TenantLimits(
        nonNegative(d.maxCollections, "max_collections"),
        nonNegative(d.maxPoints, "max_points"),
        nonNegative(d.maxStoredBytes, "max_stored_bytes"),
        nonNegative(d.readsPerSecond, "reads_per_second"),
        nonNegative(d.writesPerSecond, "writes_per_second"),
        nonNegative(d.adminPerSecond, "admin_per_second"));
  }

  private static long nonNegative(Long v, String name) {
    if (v == null) {
      return 0;
    }
    if (v < 0) {
      throw Convert.invalid("'" + name + "' must not be negative");
    }
    return v;
  }
}
