package io.vjvector.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * One tenant's data keys: numbered versions, the newest of which encrypts every new write, kept in
 * the tenant's key file wrapped by the master key. Old versions stay until no file uses them.
 */
final class TenantKeys {
  /** A data key and its version, which every encrypted unit records. */
  record DataKey(int version, SecretKey key) {}

  private final String tenant;
  private final Path file;
  private final Gcm gcm;
  private final SortedMap<Integer, SecretKey> keys;
  private int current;

  private TenantKeys(
      String tenant, Path file, Gcm gcm, int current, SortedMap<Integer, SecretKey> k) {
    this.tenant = tenant;
    this.file = file;
    this.gcm = gcm;
    this.current = current;
    this.keys = new TreeMap<>(k);
  }

  /** Creates the tenant's first data key and its key file. */
  static TenantKeys create(String tenant, Path file, Gcm gcm, MasterKeys master)
      throws IOException {
    SortedMap<Integer, SecretKey> first = new TreeMap<>();
    first.put(1, gcm.newKey());
    TenantKeys keys = new TenantKeys(tenant, file, gcm, 1, first);
    FileSync.createDirectories(file.getParent());
    keys.save(master);
    return keys;
  }

  /** Loads the key file, re-wrapping it if a previous master key wrapped it. */
  static TenantKeys load(String tenant, Path file, Gcm gcm, MasterKeys master) throws IOException {
    TenantKeyFile.Contents c = TenantKeyFile.read(file, tenant, master);
    TenantKeys keys = new TenantKeys(tenant, file, gcm, c.current(), c.keys());
    if (!c.wrappedWithCurrent()) {
      keys.save(master);
    }
    return keys;
  }

  synchronized DataKey current() {
    return new DataKey(current, keys.get(current));
  }

  /** The key of a version, or null if the tenant has none of that number. */
  synchronized SecretKey key(int version) {
    return keys.get(version);
  }

  synchronized List<Integer> versions() {
    return List.copyOf(keys.keySet());
  }

  /** Adds a new version that encrypts all new writes; returns its number. */
  synchronized int rotate(MasterKeys master) throws IOException {
    int next = keys.lastKey() + 1;
    keys.put(next, gcm.newKey());
    int before = current;
    current = next;
    try {
      save(master);
    } catch (IOException | RuntimeException e) {
      keys.remove(next);
      current = before;
      throw e;
    }
    return next;
  }

  /**
   * Forgets versions older than {@code oldestInUse} (never the current one).
   *
   * @return how many were dropped
   */
  synchronized int retireBelow(int oldestInUse, MasterKeys master) throws IOException {
    int limit = Math.min(oldestInUse, current);
    SortedMap<Integer, SecretKey> doomed = new TreeMap<>(keys.headMap(limit));
    if (doomed.isEmpty()) {
      return 0;
    }
    keys.keySet().removeAll(doomed.keySet());
    try {
      save(master);
    } catch (IOException | RuntimeException e) {
      keys.putAll(doomed);
      throw e;
    }
    return doomed.size();
  }

  /** Writes the key file wrapped with the master's current key (temp file, fsync, rename). */
  synchronized void save(MasterKeys master) throws IOException {
    TenantKeyFile.write(file, TenantKeyFile.encode(tenant, current, keys, master.current(), gcm));
  }

  Path file() {
    return file;
  }
}
