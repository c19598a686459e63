package io.vjvector.marketplace.host.command;

import io.vjvector.marketplace.host.MarketplaceException;
import io.vjvector.marketplace.host.Plan;
import io.vjvector.marketplace.host.PluginInstaller;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/** What the marketplace commands share: the installer, and failures as one clear line. */
abstract class MarketplaceCommand implements Action {
  @Reference protected PluginInstaller installer;

  @Override
  public final Object execute() throws Exception {
    try {
      return run();
    } catch (MarketplaceException e) {
      throw new IllegalArgumentException(e.reason() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the command.
   *
   * @return what the shell prints, or {@code null}
   * @throws Exception on failure
   */
  protected abstract Object run() throws Exception;

  static void print(Plan plan) {
    System.out.println(
        (plan.simulated() ? "[simulated] " : "")
            + plan.action()
            + " "
            + plan.id()
            + " "
            + (plan.fromVersion() == null ? "-" : plan.fromVersion())
            + " -> "
            + (plan.toVersion() == null ? "-" : plan.toVersion()));
    for (String step : plan.steps()) {
      System.out.println("  " + step);
    }
  }
}
