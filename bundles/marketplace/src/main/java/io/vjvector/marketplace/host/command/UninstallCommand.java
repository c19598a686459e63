package io.vjvector.marketplace.host.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Stop and remove a plugin installed from the marketplace. */
@Service
@Command(
    scope = "vjv",
    name = "plugin-uninstall",
    description = "Stop and remove a plugin installed from the marketplace")
public class UninstallCommand extends MarketplaceCommand {
  @Argument(description = "The plugin id", required = true)
  String id;

  @Option(name = "--simulate", description = "Run every check, change nothing")
  boolean simulate;

  @Override
  protected Object run() {
    print(installer.uninstall(id, simulate));
    return null;
  }
}
