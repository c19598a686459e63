package io.vjvector.marketplace.host.command;

import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Verify a catalog zip exported by marketplace-export and use it as the catalog. */
@Service
@Command(
    scope = "vjv",
    name = "marketplace-import",
    description = "Verify a catalog zip exported by marketplace-export and use it as the catalog")
public class ImportCommand extends MarketplaceCommand {
  @Argument(description = "The zip file", required = true)
  String file;

  @Override
  protected Object run() {
    int n = installer.importCatalog(Path.of(file));
    System.out.println("imported and verified a catalog of " + n + " entries");
    return null;
  }
}
