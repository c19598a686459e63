package io.vjvector.marketplace.host.command;

import io.vjvector.marketplace.host.InstalledPlugin;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Lists the plugins installed from the marketplace. */
@Service
@Command(
    scope = "vjv",
    name = "marketplace-installed",
    description = "List the plugins installed from the marketplace and their bundles")
public class InstalledCommand extends MarketplaceCommand {
  @Override
  protected Object run() {
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Version");
    table.column("Rollback to");
    table.column("Bundle").alignRight();
    table.column("State");
    for (InstalledPlugin p : installer.installed()) {
      table
          .addRow()
          .addContent(
              p.id(),
              p.version(),
              p.previousVersion() == null ? "" : p.previousVersion(),
              p.bundleId() < 0 ? "" : p.bundleId(),
              p.state());
    }
    table.print(System.out);
    return null;
  }
}
