package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.CatalogException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The marketplace index builder: {@code keygen}, {@code delegate}, {@code rotate-root}, {@code
 * build} and {@code verify}. Exit status 0 on success, 1 when a catalog check fails (the message
 * starts with the {@link CatalogException.Reason}), 2 on a usage error. Other tools (a Maven
 * plugin, an exec step) call {@link #run(String...)} and read the status.
 */
public final class IndexBuilder {

  private static final List<Command> COMMANDS =
      List.of(
          new KeygenCommand(),
          new DelegateCommand(),
          new RotateRootCommand(),
          new BuildCommand(),
          new VerifyCommand());

  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param clock the time that expiry dates are computed from and checked against
   * @param out where progress goes
   * @param err where errors and usage go
   */
  public IndexBuilder(Clock clock, PrintStream out, PrintStream err) {
    this.clock = clock;
    this.out = out;
    this.err = err;
  }

  /**
   * @param args the command line
   */
  public static void main(String[] args) {
    int status = new IndexBuilder(Clock.systemUTC(), System.out, System.err).run(args);
    // Exit only on failure, so that an in-process caller (exec:java) survives a success.
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * @param args a sub-command and its options
   * @return the exit status: 0 success, 1 a catalog check failed, 2 a usage error
   */
  public int run(String... args) {
    if (args.length == 0) {
      usage(null);
      return 2;
    }
    Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst();
    if (command.isEmpty()) {
      usage("unknown command " + args[0]);
      return 2;
    }
    try {
      Command c = command.get();
      Options options =
          Options.parse(Arrays.asList(args).subList(1, args.length), c.valued(), c.switches());
      c.run(options, clock, out);
      return 0;
    } catch (UsageException e) {
      usage(e.getMessage());
      return 2;
    } catch (CatalogException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("error: IO_ERROR: " + e);
      return 1;
    }
  }

  private void usage(String problem) {
    if (problem != null) {
      err.println("error: " + problem);
    }
    err.println("usage: index-builder COMMAND [OPTIONS]");
    for (Command command : COMMANDS) {
      err.println("  " + command.usage().replace("\n", "\n  "));
    }
  }
}
