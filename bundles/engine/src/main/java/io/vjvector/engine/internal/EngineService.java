package io.vjvector.engine.internal;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.EngineKeys;
import io.vjvector.engine.PayloadIndexType;
import io.vjvector.engine.Point;
import io.vjvector.engine.RecommendRequest;
import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.ScrollPage;
import io.vjvector.engine.ScrollRequest;
import io.vjvector.engine.SearchRequest;
import io.vjvector.engine.VectorEngine;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import io.vjvector.sdk.vector.Filter;
import io.vjvector.sdk.vector.PointId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link VectorEngine} and {@link EngineKeys} service: opens every collection under the data
 * directory on activation and closes them on deactivation. Usable without OSGi through {@link
 * #EngineService(Path)} and {@link #close()}.
 */
@Component(
    service = {VectorEngine.class, EngineKeys.class},
    configurationPid = "io.vjvector.engine")
@Designate(ocd = EngineService.Config.class)
public final class EngineService implements VectorEngine, EngineKeys, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineService.class);

  /** Engine configuration. */
  @ObjectClassDefinition(
      id = "io.vjvector.engine",
      name = "VJVector engine",
      description = "Storage of collections and points")
  public @interface Config {
    /**
     * Where collections are stored.
     *
     * @return the directory, or empty for the default
     */
    @AttributeDefinition(
        name = "Data directory",
        description =
            "Where collections are stored. Empty: the vjvector.data.dir system property if set,"
                + " else ${karaf.data}/vjvector, else ./data/vjvector")
    String dataDir() default "";

    /**
     * Log size that triggers a checkpoint.
     *
     * @return megabytes
     */
    @AttributeDefinition(
        name = "Checkpoint after (MiB of log)",
        description =
            "A collection writes a checkpoint of its points and graph, and deletes the log it"
                + " covers, once its log has grown by this much since the last one (and when it"
                + " is closed). Smaller: faster restarts, more checkpoint writing.")
    long checkpointLogMegabytes() default 64;

    /**
     * Indexer batch size.
     *
     * @return points per step
     */
    @AttributeDefinition(
        name = "Indexer batch",
        description =
            "How many new points the background indexer links per step; writes to that"
                + " collection wait for at most one step.")
    int indexBatch() default 256;

    /**
     * How often expired points are deleted.
     *
     * @return seconds
     */
    @AttributeDefinition(
        name = "Expiry sweep interval (seconds)",
        description =
            "How often expired points of collections with a retention are deleted for good"
                + " (readers never see them once expired, whether deleted yet or not).")
    long expirySweepSeconds() default 10;

    /**
     * Expiry sweep batch.
     *
     * @return points per collection and sweep
     */
    @AttributeDefinition(
        name = "Expiry sweep batch",
        description =
            "At most this many expired points are deleted per collection and sweep (one log"
                + " record); when a batch is full the next sweep follows at once.")
    int expirySweepBatch() default 10_000;

    /**
     * Whether new writes are encrypted.
     *
     * @return true unless benchmarking
     */
    @AttributeDefinition(
        name = "Encryption at rest",
        description =
            "Encrypt log records and checkpoints with AES-256-GCM under per-tenant data keys."
                + " Turn off only for benchmarks: data already encrypted stays readable, new"
                + " writes are then plaintext.")
    boolean encryption() default true;

    /**
     * The master key file.
     *
     * @return a path, or empty
     */
    @AttributeDefinition(
        name = "Master key file",
        description =
            "A file holding the base64 of a 32-byte master key, which wraps the tenants' data"
                + " keys (further lines: previous keys still accepted). Empty: the key store"
                + " below, else the VJV_MASTER_KEY environment variable, else"
                + " vjvector-master.key beside the data directory, generated on first start.")
    String masterKeyFile() default "";

    /**
     * A PKCS12 key store holding the master key.
     *
     * @return a path, or empty
     */
    @AttributeDefinition(
        name = "Master key store",
        description =
            "A PKCS12 key store with the master key as a secret-key entry; its password is read"
                + " from the environment variable named below.")
    String masterKeyStore() default "";

    /**
     * The key store entry.
     *
     * @return an alias
     */
    @AttributeDefinition(name = "Master key alias", description = "The key store entry.")
    String masterKeyAlias() default EncryptionOptions.DEFAULT_ALIAS;

    /**
     * Where the key store's password is.
     *
     * @return an environment variable name
     */
    @AttributeDefinition(
        name = "Master key store password variable",
        description = "The environment variable that holds the key store's password.")
    String masterKeyStorePasswordEnv() default EncryptionOptions.DEFAULT_PASSWORD_ENV;
  }

  private volatile CollectionRegistry registry;
  private DataDirLock lock;
  private EngineOptions options = EngineOptions.DEFAULTS;

  /** For Declarative Services, which then calls {@code activate}. */
  public EngineService() {}

  /**
   * Opens the engine on a directory, replaying every collection in it.
   *
   * @param dataDir the data directory, created if missing
   * @throws VjvException {@code STORAGE_ERROR} if the directory cannot be used
   */
  public EngineService(Path dataDir) {
    open(dataDir);
  }

  /** An engine with explicit tuning, for tests and benchmarks. */
  EngineService(Path dataDir, EngineOptions options) {
    this.options = options;
    open(dataDir);
  }

  @Activate
  void activate(Config config) {
    if (config.checkpointLogMegabytes() < 1
        || config.indexBatch() < 1
        || config.expirySweepSeconds() < 1
        || config.expirySweepBatch() < 1
        || config.expirySweepBatch() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "checkpointLogMegabytes, indexBatch and expirySweepSeconds must be at least 1,"
              + " expirySweepBatch 1 to "
              + MAX_BATCH);
    }
    options =
        new EngineOptions(
            config.checkpointLogMegabytes() << 20,
            config.indexBatch(),
            new EncryptionOptions(
                config.encryption(),
                config.masterKeyFile(),
                config.masterKeyStore(),
                config.masterKeyAlias(),
                config.masterKeyStorePasswordEnv(),
                System::getenv),
            new EngineOptions.Expiry(
                java.time.Clock.systemUTC(),
                config.expirySweepSeconds() * 1000,
                config.expirySweepBatch()));
    open(resolveDataDir(config.dataDir()));
  }

  @Deactivate
  void deactivate() {
    close();
  }

  /** Closes every collection; later calls fail with {@code UNAVAILABLE}. */
  @Override
  public void close() {
    CollectionRegistry r = registry;
    registry = null;
    if (r != null) {
      r.close();
      LOG.info("vector engine stopped");
    }
    releaseLock();
  }

  private synchronized void releaseLock() {
    if (lock != null) {
      try {
        lock.close();
      } catch (IOException e) {
        LOG.warn("releasing the data directory lock failed", e);
      }
      lock = null;
    }
  }

  static Path resolveDataDir(String configured) {
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.trim());
    }
    String property = System.getProperty("vjvector.data.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property.trim());
    }
    String karafData = System.getProperty("karaf.data");
    if (karafData != null && !karafData.isBlank()) {
      return Path.of(karafData.trim(), "vjvector");
    }
    return Path.of("data", "vjvector");
  }

  private void open(Path dataDir) {
    try {
      synchronized (this) {
        lock = DataDirLock.acquire(dataDir);
      }
      registry = CollectionRegistry.open(dataDir, options);
    } catch (RuntimeException e) {
      releaseLock();
      throw e;
    } catch (IOException e) {
      releaseLock();
      throw new VjvException(
          ErrorType.STORAGE_ERROR,
          "cannot open the data directory " + dataDir + ": " + e.getMessage(),
          e);
    }
    LOG.info("vector engine started on {}", dataDir.toAbsolutePath());
  }

  @Override
  public CollectionInfo createCollection(String tenant, CollectionSpec spec) {
    return registry().create(tenant, spec).info();
  }

  @Override
  public List<CollectionInfo> listCollections(String tenant) {
    return registry().list(tenant).stream().map(Collection::info).toList();
  }

  @Override
  public Optional<CollectionInfo> collection(String tenant, String name) {
    return registry().find(tenant, name).map(Collection::info);
  }

  @Override
  public Optional<CollectionSpec> spec(String tenant, String name) {
    return registry().find(tenant, name).map(Collection::spec);
  }

  @Override
  public void setRetention(String tenant, String collection, java.time.Duration retention) {
    registry().require(tenant, collection).setRetention(retention);
  }

  /** Runs one expiry sweep over every collection now (tests); returns whether more is left. */
  boolean sweepExpired() {
    return registry().sweepExpired();
  }

  @Override
  public boolean deleteCollection(String tenant, String name) {
    return registry().delete(tenant, name);
  }

  @Override
  public void upsert(String tenant, String collection, List<Point> points) {
    registry().require(tenant, collection).upsert(points);
  }

  @Override
  public List<Point> get(String tenant, String collection, List<PointId> ids) {
    return registry().require(tenant, collection).get(ids);
  }

  @Override
  public int delete(String tenant, String collection, List<PointId> ids) {
    return registry().require(tenant, collection).delete(ids);
  }

  @Override
  public long count(String tenant, String collection, Filter filter) {
    return registry().require(tenant, collection).count(filter);
  }

  @Override
  public List<ScoredPoint> search(String tenant, String collection, SearchRequest request) {
    return registry().require(tenant, collection).search(request);
  }

  @Override
  public ScrollPage scroll(String tenant, String collection, ScrollRequest request) {
    return registry().require(tenant, collection).scroll(request);
  }

  @Override
  public List<ScoredPoint> recommend(String tenant, String collection, RecommendRequest request) {
    return registry().require(tenant, collection).recommend(request);
  }

  @Override
  public boolean deleteTenant(String tenant) {
    return registry().deleteTenant(tenant);
  }

  @Override
  public void compact(String tenant, String collection) {
    registry().compact(tenant, collection);
  }

  @Override
  public int rotateDataKey(String tenant) {
    Names.requireValid("tenant", tenant);
    return registry().keys().rotateDataKey(tenant);
  }

  @Override
  public List<Integer> dataKeyVersions(String tenant) {
    Names.requireValid("tenant", tenant);
    return registry().keys().versions(tenant);
  }

  @Override
  public void rotateMasterKey(byte[] newMasterKey) {
    registry().keys().rotateMasterKey(newMasterKey);
  }

  /** The collection's fsync count, for tests of group commit. */
  long forceCount(String tenant, String collection) {
    return registry().require(tenant, collection).forceCount();
  }

  @Override
  public int deleteByFilter(String tenant, String collection, Filter filter) {
    return registry().require(tenant, collection).deleteByFilter(filter);
  }

  @Override
  public void createPayloadIndex(
      String tenant, String collection, String field, PayloadIndexType type) {
    registry().require(tenant, collection).createIndex(field, type);
  }

  @Override
  public boolean dropPayloadIndex(String tenant, String collection, String field) {
    return registry().require(tenant, collection).dropIndex(field);
  }

  /** How a search would be planned and what it finds (tests and benchmarks). */
  FilterPlanner.Result explain(String tenant, String collection, SearchRequest request) {
    return registry().require(tenant, collection).explain(request);
  }

  /** Waits until the collection's graph has caught up (tests and benchmarks). */
  boolean awaitIndexed(String tenant, String collection, long timeoutMillis)
      throws InterruptedException {
    return registry().require(tenant, collection).awaitIndexed(timeoutMillis);
  }

  /** Runs {@code probe} in the indexer whenever it starts linking a batch (tests). */
  void linkingProbe(String tenant, String collection, Runnable probe) {
    registry().require(tenant, collection).linkingProbe(probe);
  }

  /** Writes a checkpoint now; returns the log position it covers, or -1 if nothing changed. */
  long checkpoint(String tenant, String collection) throws java.io.IOException {
    return registry().require(tenant, collection).checkpoint();
  }

  /** How many points the collection's quantizer was last trained on (tests). */
  long quantizerTrainedAt(String tenant, String collection) {
    return registry().require(tenant, collection).quantizerTrainedAt();
  }

  /** Whether the collection was loaded from a checkpoint that held its graph. */
  boolean graphLoadedFromCheckpoint(String tenant, String collection) {
    return registry().require(tenant, collection).graphLoadedFromCheckpoint();
  }

  private CollectionRegistry registry() {
    CollectionRegistry r = registry;
    if (r == null) {
      throw new VjvException(ErrorType.UNAVAILABLE, "the vector engine is not running");
    }
    return r;
  }
}
