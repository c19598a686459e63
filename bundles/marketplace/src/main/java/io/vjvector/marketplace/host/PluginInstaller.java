package io.vjvector.marketplace.host;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs plugins from the configured catalog. Every operation fetches and verifies the catalog
 * (signatures, expiry, no rollback to older metadata), picks a version, downloads and verifies the
 * artifact (size, SHA-256, manifest), checks compatibility (SDK ranges, Java) and admission
 * (imports only the SDK and the JDK, exports nothing of ours), checks that it would resolve, and
 * only then changes the framework: a new version is started next to the old one, health-checked,
 * and the old one is removed afterwards, so the plugin's services never disappear; on any failure
 * the node is left as it was. With {@code simulate} every check runs and nothing changes.
 * Operations run one at a time.
 */
@ProviderType
public interface PluginInstaller {

  /**
   * @param query words matched against id, name, description and kind; empty lists everything
   * @return the catalog's entries (yanked ones excluded), newest version first per plugin
   * @throws MarketplaceException if the catalog is not configured or does not verify
   */
  List<Offer> search(String query);

  /**
   * @param id the plugin id (its bundle symbolic name)
   * @param version a version, or {@code null} for the newest installable one
   * @param simulate run every check, change nothing
   * @return what was (or would be) done
   * @throws MarketplaceException with the reason, nothing installed
   */
  Plan install(String id, String version, boolean simulate);

  /**
   * @param id an installed plugin
   * @param version a version, or {@code null} for the newest installable one
   * @param simulate run every check, change nothing
   * @return what was (or would be) done; the version it replaces becomes the rollback target
   * @throws MarketplaceException with the reason; the installed version keeps running
   */
  Plan upgrade(String id, String version, boolean simulate);

  /**
   * Goes back to the version an upgrade replaced (kept locally, so this works offline).
   *
   * @param id an installed plugin
   * @param simulate run every check, change nothing
   * @return what was (or would be) done
   * @throws MarketplaceException if there is nothing to roll back to
   */
  Plan rollback(String id, boolean simulate);

  /**
   * @param id an installed plugin
   * @param simulate change nothing
   * @return what was (or would be) done
   * @throws MarketplaceException if it is not installed
   */
  Plan uninstall(String id, boolean simulate);

  /**
   * @return the plugins installed through the marketplace and their bundles' state
   */
  List<InstalledPlugin> installed();

  /**
   * Writes the catalog (verified first) and the artifacts of its entries into a zip file, for hosts
   * without access to the catalog.
   *
   * @param zip the file to write
   * @return how many artifacts it holds
   * @throws MarketplaceException if the catalog does not verify or an artifact is missing
   */
  int exportCatalog(Path zip);

  /**
   * Unpacks a catalog exported by {@link #exportCatalog(Path)} into a local mirror, used as the
   * catalog whenever no catalog URL is configured. It is verified (with the same trust and rollback
   * state) before it replaces the previous mirror.
   *
   * @param zip the exported catalog
   * @return how many entries it verified with
   * @throws MarketplaceException if it does not verify; the previous catalog stays in use
   */
  int importCatalog(Path zip);
}
