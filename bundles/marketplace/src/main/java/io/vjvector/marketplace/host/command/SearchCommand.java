package io.vjvector.marketplace.host.command;

import io.vjvector.marketplace.host.Offer;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Lists the catalog's plugins. */
@Service
@Command(
    scope = "vjv",
    name = "marketplace-search",
    description = "Search the verified marketplace catalog")
public class SearchCommand extends MarketplaceCommand {
  @Argument(description = "Words to match in id, name, description or kind", multiValued = true)
  List<String> words;

  @Override
  protected Object run() {
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Version");
    table.column("Kind");
    table.column("Publisher");
    table.column("Compatible");
    table.column("Installed");
    table.column("Name");
    for (Offer o : installer.search(words == null ? "" : String.join(" ", words))) {
      table
          .addRow()
          .addContent(
              o.id(),
              o.version(),
              o.kind(),
              o.publisher(),
              o.compatible() ? "yes" : "no",
              o.installedVersion() == null ? "" : o.installedVersion(),
              o.name());
    }
    table.print(System.out);
    return null;
  }
}
