package io.vjvector.marketplace.builder;

import io.vjvector.marketplace.CatalogException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Set;

/** One sub-command of the index builder. */
interface Command {

  /** The sub-command's name on the command line. */
  String name();

  /** One line of synopsis for the usage text. */
  String usage();

  /** Options that take a value. */
  Set<String> valued();

  /** Options that take none. */
  default Set<String> switches() {
    return Set.of();
  }

  void run(Options options, Clock clock, PrintStream out)
      throws CatalogException, UsageException, IOException;
}
