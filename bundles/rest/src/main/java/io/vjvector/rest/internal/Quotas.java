package io.vjvector.rest.internal;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.security.TenantLimits;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checks a tenant's quotas before anything is written: a batch that would cross one is refused
 * whole.
 */
@Component(service = Quotas.class)
public class Quotas {
  private final SecurityGate security;
  private final EngineGate engine;

  /**
   * Creates the checker.
   *
   * @param security the limits
   * @param engine the engine
   */
  @Activate
  public Quotas(@Reference SecurityGate security, @Reference EngineGate engine) {
    this.security = security;
    this.engine = engine;
  }

  /**
   * Refuses a new collection past the tenant's collection quota.
   *
   * @param tenant the tenant
   */
  void beforeCreateCollection(String tenant) {
    long max = security.limits().limits(tenant).maxCollections();
    if (max > 0) {
      int have = engine.engine().listCollections(tenant).size();
      if (have + 1 > max) {
        throw new ProblemException(
            ProblemException.Kind.QUOTA_EXCEEDED,
            "the tenant has " + have + " collections; its quota is " + max);
      }
    }
  }

  /**
   * Refuses a batch that could take the tenant past its point or storage quota. Every point of the
   * batch counts as new: a replacement near the quota is refused rather than a quota crossed.
   *
   * @param tenant the tenant
   * @param points points in the batch
   * @param bytes the batch's body size
   */
  void beforeUpsert(String tenant, long points, long bytes) {
    TenantLimits l = security.limits().limits(tenant);
    if (l.maxPoints() <= 0 && l.maxStoredBytes() <= 0) {
      return;
    }
    List<CollectionInfo> all = engine.engine().listCollections(tenant);
    long havePoints = all.stream().mapToLong(CollectionInfo::pointCount).sum();
    long haveBytes = all.stream().mapToLong(CollectionInfo::diskBytes).sum();
    if (l.maxPoints() > 0 && havePoints + points > l.maxPoints()) {
      throw new ProblemException(
          ProblemException.Kind.QUOTA_EXCEEDED,
          "the tenant stores "
              + havePoints
              + " points; "
              + points
              + " more would pass its quota of "
              + l.maxPoints());
    }
    if (l.maxStoredBytes() > 0 && haveBytes + Math.max(0, bytes) > l.maxStoredBytes()) {
      throw new ProblemException(
          ProblemException.Kind.QUOTA_EXCEEDED,
          "the tenant stores "
              + haveBytes
              + " bytes; this batch would pass its quota of "
              + l.maxStoredBytes());
    }
  }
}
