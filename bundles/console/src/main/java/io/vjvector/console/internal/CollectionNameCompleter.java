package io.vjvector.console.internal;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.VectorEngine;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names of the default tenant's collections. */
@Service
public class CollectionNameCompleter implements Completer {
  @Reference private VectorEngine engine;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    StringsCompleter names = new StringsCompleter();
    for (CollectionInfo c : engine.listCollections(EngineCommand.DEFAULT_TENANT)) {
      names.getStrings().add(c.name());
    }
    return names.complete(session, commandLine, candidates);
  }
}
