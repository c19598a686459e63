package io.vjvector.security.internal.command;

import io.vjvector.security.ApiKey;
import io.vjvector.security.Security;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Lists a tenant's API keys (never their secrets). */
@Service
@Command(scope = "vjv", name = "key-list", description = "List a tenant's API keys")
public class KeyListCommand extends SecurityCommand {
  @Option(name = "--tenant", description = "The tenant (default: default)")
  String tenant = Security.DEFAULT_TENANT;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Name");
    table.column("Roles");
    table.column("Collections");
    table.column("Expires");
    table.column("Revoked");
    for (ApiKey k : security.keys(tenant)) {
      table
          .addRow()
          .addContent(
              k.id(),
              k.name(),
              String.join(",", k.roles()),
              String.join(",", k.collections()),
              k.expires() == null ? "" : k.expires(),
              k.revoked() == null ? "" : k.revoked());
    }
    table.print(System.out);
    return null;
  }
}
