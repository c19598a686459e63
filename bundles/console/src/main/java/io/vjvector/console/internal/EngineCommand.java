package io.vjvector.console.internal;

import io.vjvector.engine.VectorEngine;
import io.vjvector.sdk.error.VjvException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/**
 * What every {@code vjv:} command shares: the engine, the tenant option, and errors printed as one
 * clear line instead of a stack trace.
 */
abstract class EngineCommand implements Action {
  static final String DEFAULT_TENANT = "default";

  @Reference protected VectorEngine engine;

  @Option(name = "--tenant", description = "The tenant (default: default)")
  protected String tenant = DEFAULT_TENANT;

  @Override
  public final Object execute() throws Exception {
    try {
      return run();
    } catch (VjvException e) {
      throw new IllegalArgumentException(e.type().title() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the command.
   *
   * @return what the shell prints, or {@code null}
   * @throws Exception on failure
   */
  protected abstract Object run() throws Exception;
}
