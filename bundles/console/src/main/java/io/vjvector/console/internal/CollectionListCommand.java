package io.vjvector.console.internal;

import io.vjvector.engine.CollectionInfo;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Lists collections. */
@Service
@Command(scope = "vjv", name = "collection-list", description = "List the tenant's collections")
public class CollectionListCommand extends EngineCommand {
  @Override
  protected Object run() {
    ShellTable table = new ShellTable();
    table.column("Name");
    table.column("Dimension").alignRight();
    table.column("Distance");
    table.column("Points").alignRight();
    table.column("Created");
    for (CollectionInfo c : engine.listCollections(tenant)) {
      table
          .addRow()
          .addContent(
              c.name(), c.dimension(), c.distance().wireName(), c.pointCount(), c.createdAt());
    }
    table.print(System.out);
    return null;
  }
}
