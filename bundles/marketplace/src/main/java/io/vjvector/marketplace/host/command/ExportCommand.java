package io.vjvector.marketplace.host.command;

import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Write the verified catalog and its artifacts into a zip file for offline hosts. */
@Service
@Command(
    scope = "vjv",
    name = "marketplace-export",
    description = "Write the verified catalog and its artifacts into a zip file for offline hosts")
public class ExportCommand extends MarketplaceCommand {
  @Argument(description = "The zip file", required = true)
  String file;

  @Override
  protected Object run() {
    int n = installer.exportCatalog(Path.of(file));
    System.out.println("exported " + n + " artifacts with the catalog to " + file);
    return null;
  }
}
