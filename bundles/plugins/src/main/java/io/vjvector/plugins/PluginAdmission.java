package io.vjvector.plugins;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The rules a plugin bundle's manifest must follow (those of {@code
 * io.vjvector.marketplace.ManifestAdmission}): import only {@code io.vjvector.sdk.*}, the JDK and
 * packages it exports itself; no dynamic imports, {@code Require-Bundle} or fragments; export
 * nothing under {@code io.vjvector}. The host applies them at resolve time to every plugin bundle;
 * installers check a jar with {@link #check(Path)} before installing it.
 */
@ProviderType
public interface PluginAdmission {
  /**
   * Checks a plugin jar before it is installed. Fails closed: a file that cannot be read, is not a
   * jar or has no bundle manifest is rejected.
   *
   * @param jar the plugin bundle
   * @return every rule it breaks, one sentence each; empty if it may be installed
   */
  List<String> check(Path jar);
}
