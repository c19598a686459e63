package io.vjvector.engine.internal;

import java.nio.file.Path;

/**
 * Where things live under the data directory: {@code tenants/<tenant>/collections/<name>/}. Names
 * starting with a dot are never valid collection names, so staging and graveyard directories cannot
 * collide with real collections.
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

  Path collectionsDir(String tenant) {
    return tenantsDir().resolve(tenant).resolve("collections");
  }

  Path collectionDir(String tenant, String name) {
    return collectionsDir(tenant).resolve(name);
  }

  /** A unique sibling name for a directory that is being created or deleted. */
  Path transientDir(String tenant, String prefix, String name) {
    return collectionsDir(tenant).resolve(prefix + name + "-" + System.nanoTime());
  }

  static boolean isLeftover(String fileName) {
    return fileName.startsWith(CREATING_PREFIX) || fileName.startsWith(DELETED_PREFIX);
  }
}
