package io.vjvector.console.internal;

import io.vjvector.engine.CollectionInfo;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Describes a collection. */
@Service
@Command(scope = "vjv", name = "collection-info", description = "Describe a collection")
public class CollectionInfoCommand extends EngineCommand {
  @Argument(index = 0, name = "name", required = true, description = "Collection name")
  @Completion(CollectionNameCompleter.class)
  String name;

  @Override
  protected Object run() {
    CollectionInfo c =
        engine
            .collection(tenant, name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No collection '" + name + "' in tenant " + tenant));
    System.out.println("Name      : " + c.name());
    System.out.println("Tenant    : " + c.tenant());
    System.out.println("Dimension : " + c.dimension());
    System.out.println("Distance  : " + c.distance().wireName());
    System.out.println("Points    : " + c.pointCount());
    System.out.println("Created   : " + c.createdAt());
    System.out.println(
        "Index     : hnsw m="
            + c.hnsw().m()
            + " ef_construct="
            + c.hnsw().efConstruct()
            + ", "
            + c.indexedCount()
            + " points indexed, quantization "
            + c.quantization().wireName()
            + ", status "
            + c.status());
    System.out.println(
        "Memory    : vectors "
            + c.vectorBytes()
            + " B, graph "
            + c.graphBytes()
            + " B, quantized "
            + c.quantizedBytes()
            + " B");
    System.out.println("Disk      : " + c.diskBytes() + " B");
    StringBuilder indexes = new StringBuilder();
    c.payloadIndexes()
        .forEach(
            (f, t) ->
                indexes
                    .append(indexes.length() == 0 ? "" : ", ")
                    .append(f)
                    .append(' ')
                    .append(t.wireName()));
    System.out.println(
        "Payload   : "
            + c.payloadBytes()
            + " B, indexes: "
            + (indexes.length() == 0 ? "none" : indexes));
    return null;
  }
}
