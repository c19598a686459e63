package io.vjvector.console.internal;

import io.vjvector.plugins.PluginInfo;
import io.vjvector.plugins.PluginRegistry;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Lists the installed plugins and what each provides, or why it was rejected. */
@Service
@Command(
    scope = "vjv",
    name = "plugin-list",
    description = "List installed plugins: bundle, version, state, the services each registers")
public class PluginListCommand implements Action {
  /** Optional, so that the other vjv: commands stay while the plugin host is stopped. */
  @Reference(optional = true)
  PluginRegistry registry;

  @Override
  public Object execute() {
    if (registry == null) {
      throw new IllegalStateException(
          "Service unavailable: the plugin host (feature vjvector-plugins) is not running");
    }
    ShellTable table = new ShellTable();
    table.column("ID").alignRight();
    table.column("Bundle");
    table.column("Version");
    table.column("State");
    table.column("Services");
    table.column("Admission");
    for (PluginInfo p : registry.plugins()) {
      table
          .addRow()
          .addContent(
              p.bundleId(),
              p.symbolicName(),
              p.version(),
              p.state(),
              p.services().stream()
                  .map(s -> s.kind() + ":" + s.name())
                  .collect(Collectors.joining(", ")),
              p.rejected() ? "rejected: " + String.join("; ", p.rejections()) : "admitted");
    }
    table.print(System.out);
    return null;
  }
}
