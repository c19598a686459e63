package io.vjvector.marketplace.host.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Upgrade an installed plugin (the replaced version becomes the rollback target). */
@Service
@Command(
    scope = "vjv",
    name = "plugin-upgrade",
    description = "Upgrade an installed plugin (the replaced version becomes the rollback target)")
public class UpgradeCommand extends MarketplaceCommand {
  @Argument(description = "The plugin id", required = true)
  String id;

  @Option(name = "--version", description = "The version (default: the newest installable one)")
  String version;

  @Option(name = "--simulate", description = "Run every check, change nothing")
  boolean simulate;

  @Override
  protected Object run() {
    print(installer.upgrade(id, version, simulate));
    return null;
  }
}
