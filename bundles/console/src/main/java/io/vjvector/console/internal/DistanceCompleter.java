package io.vjvector.console.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes distance names. */
@Service
public class DistanceCompleter implements Completer {
  private final StringsCompleter names =
      new StringsCompleter(List.of("cosine", "dot", "euclidean"));

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    return names.complete(session, commandLine, candidates);
  }
}
