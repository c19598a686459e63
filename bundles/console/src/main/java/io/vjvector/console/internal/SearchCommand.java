package io.vjvector.console.internal;

import io.vjvector.engine.ScoredPoint;
import io.vjvector.engine.SearchRequest;
import io.vjvector.sdk.vector.Filter;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Searches a collection with a vector typed on the command line. */
@Service
@Command(scope = "vjv", name = "search", description = "Search a collection for the nearest points")
public class SearchCommand extends EngineCommand {
  @Argument(index = 0, name = "collection", required = true, description = "Collection name")
  @Completion(CollectionNameCompleter.class)
  String collection;

  @Argument(
      index = 1,
      name = "vector",
      required = true,
      description = "The query vector: comma-separated numbers, e.g. 0.1,0.2,0.3")
  String vector;

  @Option(name = "--limit", aliases = "-k", description = "Number of hits (default 10)")
  int limit = 10;

  @Override
  protected Object run() {
    float[] query = VectorParser.parse(vector);
    List<ScoredPoint> hits =
        engine.search(
            tenant, collection, new SearchRequest(query, limit, Filter.none(), true, false));
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Score").alignRight();
    table.column("Payload");
    for (ScoredPoint h : hits) {
      table.addRow().addContent(h.id(), h.score(), h.payload());
    }
    table.print(System.out);
    return null;
  }
}
