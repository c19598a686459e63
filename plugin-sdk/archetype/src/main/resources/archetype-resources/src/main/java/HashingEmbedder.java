package ${package};

import io.vjvector.sdk.embed.Embedder;
import io.vjvector.sdk.embed.VjvEmbedder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * Feature hashing: each word adds 1 to one of 256 dimensions; vectors are L2-normalized. Replace
 * the body of {@code embed} with your model and keep the contract: one finite vector of {@code
 * dimension()} floats per text, in order; safe to call from many threads at once.
 */
@Component(service = Embedder.class)
@VjvEmbedder(name = HashingEmbedder.NAME)
public class HashingEmbedder implements Embedder {
  static final String NAME = "${embedderName}";
  static final int DIMENSION = 256;

  @Override
  public String name() {
    return NAME; // the same as @VjvEmbedder(name)
  }

  @Override
  public String modelId() {
    return "${groupId}/feature-hashing";
  }

  @Override
  public String modelVersion() {
    return "1"; // change it whenever the same text would get a different vector
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String text : texts) {
      float[] v = new float[DIMENSION];
      for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!word.isEmpty()) {
          v[Math.floorMod(Arrays.hashCode(word.getBytes(StandardCharsets.UTF_8)), DIMENSION)] += 1;
        }
      }
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int i = 0; norm > 0 && i < v.length; i++) {
        v[i] /= (float) Math.sqrt(norm);
      }
      vectors.add(v);
    }
    return vectors;
  }
}
