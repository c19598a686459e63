package io.vjvector.console.internal;

import io.vjvector.engine.CollectionInfo;
import io.vjvector.engine.CollectionSpec;
import io.vjvector.engine.Quantization;
import io.vjvector.sdk.vector.Distance;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Creates a collection. */
@Service
@Command(scope = "vjv", name = "collection-create", description = "Create a collection")
public class CollectionCreateCommand extends EngineCommand {
  @Argument(index = 0, name = "name", required = true, description = "Collection name")
  String name;

  @Argument(index = 1, name = "dimension", required = true, description = "Vector dimension")
  int dimension;

  @Option(name = "--distance", description = "cosine (default), dot or euclidean")
  @Completion(DistanceCompleter.class)
  String distance = "cosine";

  @Option(name = "--quantization", description = "none (default), int8 or binary")
  @Completion(
      value = org.apache.karaf.shell.support.completers.StringsCompleter.class,
      values = {"none", "int8", "binary"})
  String quantization = "none";

  @Option(
      name = "--retention-seconds",
      description = "Points live this long after their last write (default: until deleted)")
  long retentionSeconds;

  @Option(name = "--simulate", description = "Validate only; create nothing")
  boolean simulate;

  @Override
  protected Object run() {
    Distance d = Distance.parse(distance);
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1");
    }
    if (retentionSeconds < 0) {
      throw new IllegalArgumentException("--retention-seconds must not be negative");
    }
    Quantization q = Quantization.fromWire(quantization);
    if (q == null) {
      throw new IllegalArgumentException(
          "--quantization must be none, int8 or binary, not '" + quantization + "'");
    }
    if (simulate) {
      System.out.println(
          "Would create collection " + name + " (" + dimension + " dims, " + d.wireName() + ")");
      return null;
    }
    CollectionInfo c =
        engine.createCollection(
            tenant,
            new CollectionSpec(
                name,
                dimension,
                d,
                null,
                q,
                null,
                retentionSeconds > 0 ? java.time.Duration.ofSeconds(retentionSeconds) : null));
    System.out.println(
        "Created collection "
            + c.name()
            + " ("
            + c.dimension()
            + " dims, "
            + c.distance().wireName()
            + ", quantization "
            + c.quantization().wireName()
            + ")");
    return null;
  }
}
