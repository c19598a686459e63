package io.vjvector.engine.internal;

import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.HnswConfig;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collections of every tenant, as found on disk at start and changed by create and delete.
 *
 * <p>A collection that cannot be loaded (for example a log corrupted in the middle) stays
 * registered as failed: every call naming it gets {@code STORAGE_ERROR} with the reason, it is left
 * out of listings, its name cannot be reused, and it can be deleted. The rest of the engine keeps
 * working. A tenant key file that cannot be unwrapped (wrong master key) stops the start instead:
 * nothing of that tenant could be read.
 */
final class CollectionRegistry implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(CollectionRegistry.class);

  /** A loaded collection, or the reason it failed to load. */
  private record Entry(Collection collection, String failure) {}

  private final DataLayout layout;
  private final EngineOptions options;
  private final KeyService keys;
  private volatile boolean started; // key retirement waits until every collection is loaded
  private final Background background = new Background();
  private final Map<String, ConcurrentSkipListMap<String, Entry>> tenants =
      new ConcurrentHashMap<>();
  // Serializes create and delete, which are rare; lookups go straight to the maps.
  private final ReentrantLock structure = new ReentrantLock();

  private CollectionRegistry(DataLayout layout, EngineOptions options) {
    this.layout = layout;
    this.options = options;
    this.keys = new KeyService(layout, options.encryption());
  }

  static CollectionRegistry open(Path root, EngineOptions options) throws IOException {
    CollectionRegistry registry = new CollectionRegistry(new DataLayout(root), options);
    FileSync.createDirectories(registry.layout.tenantsDir());
    try {
      registry.keys.start();
      List<String> found = new ArrayList<>();
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(registry.layout.tenantsDir())) {
        for (Path dir : dirs) {
          String tenant = dir.getFileName().toString();
          if (tenant.startsWith(DataLayout.DELETED_PREFIX)) {
            LOG.info("removing {}, left over from an interrupted tenant deletion", dir);
            deleteQuietly(dir);
          } else if (!Files.isDirectory(dir) || !Names.isValid(tenant)) {
            LOG.warn("ignoring {}: not a tenant directory", dir);
          } else {
            found.add(tenant);
          }
        }
      }
      // All keys first: a wrong master key fails the start before any collection is touched.
      for (String tenant : found) {
        registry.keys.load(tenant);
      }
      registry.keys.afterLoad();
      for (String tenant : found) {
        registry.loadTenant(tenant);
      }
    } catch (IOException | RuntimeException e) {
      registry.close();
      throw e;
    }
    registry.started = true;
    registry.scheduleSweep(registry.options.expiry().sweepIntervalMillis());
    return registry;
  }

  private void scheduleSweep(long delayMillis) {
    if (options.expiry().sweepIntervalMillis() > 0) {
      background.schedule("expiry sweep", this::sweepAndReschedule, delayMillis);
    }
  }

  private void sweepAndReschedule() {
    boolean more = sweepExpired();
    scheduleSweep(more ? 0 : options.expiry().sweepIntervalMillis());
  }

  /**
   * Deletes expired points: at most one batch per collection, so each run is bounded.
   *
   * @return whether some collection filled its batch (and may have more)
   */
  boolean sweepExpired() {
    int max = options.expiry().sweepBatch();
    boolean more = false;
    for (Map<String, Entry> collections : tenants.values()) {
      for (Entry e : collections.values()) {
        if (e.collection() == null) {
          continue;
        }
        try {
          more |= e.collection().sweepExpired(max) >= max;
        } catch (VjvException ex) {
          if (ex.type() == ErrorType.UNAVAILABLE || ex.type() == ErrorType.COLLECTION_NOT_FOUND) {
            LOG.debug("expiry sweep skipped {}: {}", e.collection().name(), ex.getMessage());
          } else {
            LOG.warn("deleting expired points of {} failed", e.collection().name(), ex);
          }
        } catch (RuntimeException ex) {
          LOG.warn("deleting expired points of {} failed", e.collection().name(), ex);
        }
      }
    }
    return more;
  }

  KeyService keys() {
    return keys;
  }

  private void loadTenant(String tenant) throws IOException {
    Path dir = layout.collectionsDir(tenant);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path path : entries) {
        String name = path.getFileName().toString();
        if (DataLayout.isLeftover(name)) {
          LOG.info("removing {}, left over from an interrupted create or delete", path);
          try {
            FileSync.deleteRecursively(path);
          } catch (IOException e) {
            LOG.warn("could not remove {}; will retry at the next start", path, e);
          }
        } else if (Files.isDirectory(path) && Names.isValid(name)) {
          put(tenant, name, load(tenant, name, path));
        } else {
          LOG.warn("ignoring {}: not a collection directory", path);
        }
      }
    }
  }

  private Entry load(String tenant, String name, Path dir) {
    try {
      Collection c =
          Collection.open(tenant, dir, background, options, keys, () -> retireKeys(tenant));
      LOG.debug("loaded collection {}/{} ({} points)", tenant, name, c.info().pointCount());
      return new Entry(c, null);
    } catch (IOException | RuntimeException e) {
      LOG.error("collection {}/{} could not be loaded; calls to it will fail", tenant, name, e);
      return new Entry(
          null, "collection " + tenant + "/" + name + " could not be loaded: " + e.getMessage());
    }
  }

  /** The collection, or COLLECTION_NOT_FOUND / STORAGE_ERROR. */
  Collection require(String tenant, String name) {
    return find(tenant, name)
        .orElseThrow(
            () ->
                new VjvException(
                    ErrorType.COLLECTION_NOT_FOUND,
                    "collection '" + name + "' does not exist in tenant '" + tenant + "'"));
  }

  Optional<Collection> find(String tenant, String name) {
    Names.requireValid("tenant", tenant);
    Names.requireValid("collection", name);
    Map<String, Entry> collections = tenants.get(tenant);
    Entry e = collections == null ? null : collections.get(name);
    if (e == null) {
      return Optional.empty();
    }
    if (e.failure() != null) {
      throw new VjvException(ErrorType.STORAGE_ERROR, e.failure());
    }
    return Optional.of(e.collection());
  }

  /** The tenant's loaded collections, by name. */
  List<Collection> list(String tenant) {
    Names.requireValid("tenant", tenant);
    Map<String, Entry> collections = tenants.get(tenant);
    List<Collection> result = new ArrayList<>();
    if (collections != null) {
      for (Entry e : collections.values()) {
        if (e.collection() != null) {
          result.add(e.collection());
        }
      }
    }
    return result;
  }

  /**
   * Builds the collection in a staging directory and renames it into place, so a crash leaves
   * either a complete collection or a leftover that the next start removes.
   */
  Collection create(String tenant, CollectionSpec spec) {
    Names.requireValid("tenant", tenant);
    RequestValidator.spec(spec);
    String name = spec.name();
    structure.lock();
    try {
      Path dir = layout.collectionDir(tenant, name);
      Map<String, Entry> existing = tenants.get(tenant);
      if ((existing != null && existing.containsKey(name)) || Files.exists(dir)) {
        throw new VjvException(
            ErrorType.COLLECTION_EXISTS,
            "collection '" + name + "' already exists in tenant '" + tenant + "'");
      }
      Path staging = layout.transientDir(tenant, DataLayout.CREATING_PREFIX, name);
      try {
        FileSync.createDirectories(staging.getParent());
        Files.createDirectory(staging);
        Collection.initialize(
            staging,
            new CollectionMeta(
                name,
                spec.dimension(),
                spec.distance(),
                Instant.now(options.clock()),
                spec.hnsw() == null ? HnswConfig.DEFAULT : spec.hnsw(),
                spec.quantization(),
                Map.of(),
                spec.embedder(),
                RequestValidator.retentionMillis(spec.retention())),
            new DataCipher(keys, tenant, name));
        FileSync.fsyncDirectory(staging);
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        FileSync.fsyncDirectory(dir.getParent());
      } catch (IOException e) {
        deleteQuietly(staging);
        throw new VjvException(
            ErrorType.STORAGE_ERROR,
            "could not create collection " + tenant + "/" + name + ": " + e.getMessage(),
            e);
      }
      Entry entry = load(tenant, name, dir);
      put(tenant, name, entry);
      if (entry.failure() != null) {
        throw new VjvException(ErrorType.STORAGE_ERROR, entry.failure());
      }
      LOG.info("created collection {}/{}", tenant, name);
      return entry.collection();
    } finally {
      structure.unlock();
    }
  }

  /**
   * Renames the directory to a graveyard name (the durable step), then removes the files. A crash
   * in between leaves a graveyard that the next start removes.
   */
  boolean delete(String tenant, String name) {
    Names.requireValid("tenant", tenant);
    Names.requireValid("collection", name);
    structure.lock();
    try {
      Map<String, Entry> collections = tenants.get(tenant);
      Entry entry = collections == null ? null : collections.remove(name);
      if (entry == null) {
        return false;
      }
      if (entry.collection() != null) {
        try {
          entry.collection().closeForDelete();
        } catch (IOException e) {
          LOG.warn("closing collection {}/{} before deleting it failed", tenant, name, e);
        }
      }
      Path dir = layout.collectionDir(tenant, name);
      Path graveyard = layout.transientDir(tenant, DataLayout.DELETED_PREFIX, name);
      try {
        Files.move(dir, graveyard, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        put(tenant, name, load(tenant, name, dir));
        throw new VjvException(
            ErrorType.STORAGE_ERROR,
            "could not delete collection " + tenant + "/" + name + ": " + e.getMessage(),
            e);
      }
      try {
        FileSync.fsyncDirectory(graveyard.getParent());
      } catch (IOException e) {
        throw new VjvException(
            ErrorType.STORAGE_ERROR,
            "collection "
                + tenant
                + "/"
                + name
                + " was deleted, but the deletion may not survive"
                + " a crash: "
                + e.getMessage(),
            e);
      }
      deleteQuietly(graveyard);
      LOG.info("deleted collection {}/{}", tenant, name);
      return true;
    } finally {
      structure.unlock();
    }
  }

  /**
   * Crypto-shreds a tenant: closes its collections, destroys its key file (overwritten, deleted,
   * directory fsynced), then removes its directory the same way as a collection's.
   *
   * @return whether there was anything of the tenant
   */
  boolean deleteTenant(String tenant) {
    Names.requireValid("tenant", tenant);
    structure.lock();
    try {
      Path dir = layout.tenantDir(tenant);
      Map<String, Entry> collections = tenants.remove(tenant);
      boolean existed = collections != null || Files.exists(dir);
      if (collections != null) {
        for (Map.Entry<String, Entry> e : collections.entrySet()) {
          if (e.getValue().collection() != null) {
            try {
              e.getValue().collection().closeForDelete();
            } catch (IOException ex) {
              LOG.warn("closing collection {}/{} failed", tenant, e.getKey(), ex);
            }
          }
        }
      }
      try {
        keys.shred(tenant);
      } catch (IOException e) {
        reload(tenant);
        throw new VjvException(
            ErrorType.STORAGE_ERROR,
            "could not destroy the key file of tenant " + tenant + ": " + e.getMessage(),
            e);
      }
      if (Files.exists(dir)) {
        Path graveyard = layout.deletedTenantDir(tenant);
        try {
          Files.move(dir, graveyard, StandardCopyOption.ATOMIC_MOVE);
          FileSync.fsyncDirectory(graveyard.getParent());
        } catch (IOException e) {
          throw new VjvException(
              ErrorType.STORAGE_ERROR,
              "the keys of tenant "
                  + tenant
                  + " are destroyed, but its files could not be removed: "
                  + e.getMessage(),
              e);
        }
        deleteQuietly(graveyard);
      }
      LOG.info("deleted tenant {} (its data keys are destroyed)", tenant);
      return existed;
    } finally {
      structure.unlock();
    }
  }

  private void reload(String tenant) {
    try {
      keys.load(tenant);
      loadTenant(tenant);
    } catch (IOException | RuntimeException e) {
      LOG.error("reloading tenant {} failed", tenant, e);
    }
  }

  /** Checkpoints a collection and drops the log before it, so deleted points leave the disk. */
  void compact(String tenant, String name) {
    Collection c = require(tenant, name);
    try {
      c.compact();
    } catch (IOException e) {
      throw new VjvException(
          ErrorType.STORAGE_ERROR,
          "compacting collection " + tenant + "/" + name + " failed: " + e.getMessage(),
          e);
    }
  }

  /**
   * Drops the tenant's data key versions that no file of its collections uses any more. Skipped
   * while one of its collections failed to load: what its files use is unknown.
   */
  void retireKeys(String tenant) {
    if (!started || keys.existing(tenant) == null) {
      return;
    }
    Map<String, Entry> collections = tenants.get(tenant);
    int oldest = Wal.NO_KEY;
    if (collections != null) {
      for (Entry e : collections.values()) {
        if (e.collection() == null) {
          return;
        }
        oldest = Math.min(oldest, e.collection().oldestKeyVersion());
      }
    }
    try {
      keys.retireBelow(tenant, oldest);
    } catch (IOException e) {
      LOG.warn("tenant {}: dropping unused data keys failed", tenant, e);
    }
  }

  @Override
  public void close() {
    structure.lock();
    try {
      for (Map<String, Entry> collections : tenants.values()) {
        for (Entry e : collections.values()) {
          if (e.collection() != null) {
            try {
              e.collection().close();
            } catch (IOException | RuntimeException ex) {
              LOG.error("closing collection {} failed", e.collection().name(), ex);
            }
          }
        }
      }
      tenants.clear();
    } finally {
      structure.unlock();
      background.close();
    }
  }

  private void put(String tenant, String name, Entry entry) {
    tenants.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>()).put(name, entry);
  }

  private static void deleteQuietly(Path dir) {
    try {
      FileSync.deleteRecursively(dir);
    } catch (IOException e) {
      LOG.warn("could not remove {}; it will be removed at the next start", dir, e);
    }
  }
}
