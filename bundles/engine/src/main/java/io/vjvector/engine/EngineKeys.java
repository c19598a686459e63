package io.vjvector.engine;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine's encryption keys at rest, for operators. Each tenant has its own data keys, in
 * numbered versions; the newest encrypts every new write, older ones stay until no file uses them.
 * On disk the data keys exist only wrapped by the master key. Key material never passes through
 * this interface except a new master key handed in.
 */
@ProviderType
public interface EngineKeys {
  /**
   * Starts a new data key version for a tenant, used for all its writes from now on, without
   * downtime. Files written with older versions stay readable; once checkpoints (or {@link
   * VectorEngine#compact}) of all the tenant's collections have rewritten them, the old versions
   * are dropped automatically.
   *
   * @param tenant the tenant
   * @return the new version
   * @throws io.vjvector.sdk.error.VjvException {@code STORAGE_ERROR} if the key file cannot be
   *     written (the old version then stays current)
   */
  int rotateDataKey(String tenant);

  /**
   * The data key versions a tenant still has, oldest first; the last one encrypts new writes.
   *
   * @param tenant the tenant
   * @return the versions, empty if the tenant has no key (nothing of it was encrypted)
   */
  List<Integer> dataKeyVersions(String tenant);

  /**
   * Re-wraps every tenant's key file with a new master key, each file atomically (temporary file,
   * fsync, rename). If the master key came from a file (configured or generated), that file is
   * updated too, first with the old key kept as a previous key, so a crash half way leaves every
   * key file readable and the next start finishes the rotation. A key from the environment or a key
   * store must be replaced there by the operator before the next start (meanwhile the old one can
   * be given as {@code VJV_MASTER_KEY_PREVIOUS}).
   *
   * @param newMasterKey 32 random bytes
   * @throws io.vjvector.sdk.error.VjvException {@code INVALID_REQUEST} for a key of another size,
   *     {@code STORAGE_ERROR} if a file cannot be written
   */
  void rotateMasterKey(byte[] newMasterKey);
}
