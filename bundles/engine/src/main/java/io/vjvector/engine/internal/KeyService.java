package io.vjvector.engine.internal;

import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tenant's data keys and the master key that wraps them. The master key is resolved when
 * first needed: at start when encryption is on or some tenant has a key file, so a wrong master key
 * stops the engine before anything is read or written.
 */
final class KeyService {
  private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);

  private final DataLayout layout;
  private final EncryptionOptions options;
  private final Gcm gcm = new Gcm(new SecureRandom());
  private final Map<String, TenantKeys> tenants = new ConcurrentHashMap<>();
  private MasterKeys master; // guarded by this

  KeyService(DataLayout layout, EncryptionOptions options) {
    this.layout = layout;
    this.options = options;
  }

  boolean encryptsWrites() {
    return options.enabled();
  }

  Gcm gcm() {
    return gcm;
  }

  /** Resolves the master key now if it will be needed, so a bad one fails the start. */
  synchronized void start() throws IOException {
    if (options.enabled()) {
      master();
    }
  }

  private synchronized MasterKeys master() throws IOException {
    if (master == null) {
      master = MasterKeys.resolve(options, layout.root(), gcm);
    }
    return master;
  }

  /** Loads the tenant's key file if it has one. */
  synchronized void load(String tenant) throws IOException {
    Path file = layout.keyFile(tenant);
    if (Files.exists(file)) {
      tenants.put(tenant, TenantKeys.load(tenant, file, gcm, master()));
    }
  }

  /** Finishes an interrupted master key rotation once every key file is re-wrapped. */
  synchronized void afterLoad() throws IOException {
    if (master != null && master.hasPrevious()) {
      master.dropPrevious();
    }
  }

  /** The tenant's keys, or null if it has none (nothing of it was ever encrypted). */
  TenantKeys existing(String tenant) {
    return tenants.get(tenant);
  }

  /** The tenant's keys, creating its first data key if needed. */
  TenantKeys forWriting(String tenant) throws IOException {
    TenantKeys keys = tenants.get(tenant);
    return keys != null ? keys : create(tenant);
  }

  private synchronized TenantKeys create(String tenant) throws IOException {
    TenantKeys keys = tenants.get(tenant);
    if (keys == null) {
      keys = TenantKeys.create(tenant, layout.keyFile(tenant), gcm, master());
      tenants.put(tenant, keys);
      LOG.info("created the data key of tenant {}", tenant);
    }
    return keys;
  }

  synchronized int rotateDataKey(String tenant) {
    try {
      TenantKeys keys = tenants.get(tenant);
      if (keys == null) {
        return forWriting(tenant).current().version();
      }
      int v = keys.rotate(master());
      LOG.info("tenant {}: data key version {} now encrypts new writes", tenant, v);
      return v;
    } catch (IOException e) {
      throw storage("rotating the data key of tenant " + tenant, e);
    }
  }

  List<Integer> versions(String tenant) {
    TenantKeys keys = tenants.get(tenant);
    return keys == null ? List.of() : keys.versions();
  }

  /** Drops the tenant's key versions older than the oldest one a file still uses. */
  synchronized void retireBelow(String tenant, int oldestInUse) throws IOException {
    TenantKeys keys = tenants.get(tenant);
    if (keys != null) {
      int n = keys.retireBelow(oldestInUse, master());
      if (n > 0) {
        LOG.info("tenant {}: dropped {} data key version(s) no file uses any more", tenant, n);
      }
    }
  }

  /**
   * Re-wraps every tenant key file with a new master key. The key source is updated first (when it
   * is a file) with the old key kept as previous, so a crash half way leaves every file readable
   * and the next start finishes the job.
   */
  synchronized void rotateMasterKey(byte[] newKey) {
    SecretKey next;
    try {
      next = Gcm.key(newKey.clone());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new VjvException(
          ErrorType.INVALID_REQUEST, "a master key must have " + Gcm.KEY_BYTES + " bytes");
    }
    try {
      MasterKeys m = master();
      m.begin(next);
      for (TenantKeys keys : tenants.values()) {
        keys.save(m);
      }
      m.dropPrevious();
      LOG.info("master key rotated; {} tenant key file(s) re-wrapped", tenants.size());
    } catch (IOException e) {
      throw storage("rotating the master key", e);
    }
  }

  /** Destroys the tenant's key file and forgets its keys: what it encrypted is unreadable now. */
  synchronized void shred(String tenant) throws IOException {
    tenants.remove(tenant);
    Path file = layout.keyFile(tenant);
    if (Files.isDirectory(file.getParent())) {
      TenantKeyFile.destroy(file, gcm);
    }
  }

  private static VjvException storage(String what, IOException e) {
    return new VjvException(ErrorType.STORAGE_ERROR, what + " failed: " + e.getMessage(), e);
  }
}
