package io.vjvector.security.internal.command;

import io.vjvector.security.Tenant;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Lists tenants. */
@Service
@Command(scope = "vjv", name = "tenant-list", description = "List tenants")
public class TenantListCommand extends SecurityCommand {
  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Name");
    table.column("Status");
    table.column("Created");
    for (Tenant t : security.tenants()) {
      table.addRow().addContent(t.name(), t.status(), t.created());
    }
    table.print(System.out);
    return null;
  }
}
