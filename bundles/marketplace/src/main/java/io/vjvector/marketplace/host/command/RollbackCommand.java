package io.vjvector.marketplace.host.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Return a plugin to the version its last upgrade replaced. */
@Service
@Command(
    scope = "vjv",
    name = "plugin-rollback",
    description = "Return a plugin to the version its last upgrade replaced")
public class RollbackCommand extends MarketplaceCommand {
  @Argument(description = "The plugin id", required = true)
  String id;

  @Option(name = "--simulate", description = "Run every check, change nothing")
  boolean simulate;

  @Override
  protected Object run() {
    print(installer.rollback(id, simulate));
    return null;
  }
}
