package io.vjvector.engine.internal;

import java.nio.file.Path;

/**
 * Where things live under the data directory: {@code tenants/<tenant>/collections/<name>/}, and
 * each tenant's wrapped data keys in {@code tenants/<tenant>/tenant.keys}. Names starting with a
 * dot are never valid tenant or collection names, so staging and graveyard directories cannot
 * collide with real ones.
 */
final class DataLayout {
  static final String META_FILE = "collection.json";
  static final String CREATING_PREFIX = ".creating-";
  static final String DELETED_PREFIX = ".deleted-";

  private final Path root;

  DataLayout(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path tenantsDir() {
    return root.resolve("tenants");
  }

  Path tenantDir(String tenant) {
    return tenantsDir().resolve(tenant);
  }

  Path keyFile(String tenant) {
    return tenantDir(tenant).resolve(TenantKeyFile.FILE);
  }

  Path collectionsDir(String tenant) {
    return tenantDir(tenant).resolve("collections");
  }

  Path collectionDir(String tenant, String name) {
    return collectionsDir(tenant).resolve(name);
  }

  /** A unique sibling name for a directory that is being created or deleted. */
  Path transientDir(String tenant, String prefix, String name) {
    return collectionsDir(tenant).resolve(prefix + name + "-" + System.nanoTime());
  }

  /** A unique graveyard name for a tenant directory being deleted. */
  Path deletedTenantDir(String tenant) {
    return tenantsDir().resolve(DELETED_PREFIX + tenant + "-" + System.nanoTime());
  }

  static boolean isLeftover(String fileName) {
    return fileName.startsWith(CREATING_PREFIX) || fileName.startsWith(DELETED_PREFIX);
  }
}
