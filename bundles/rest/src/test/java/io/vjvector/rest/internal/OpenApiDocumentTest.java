package io.vjvector.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.ws.rs.HttpMethod;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document and the registered JAX-RS routes must list exactly the same routes.
 */
class OpenApiDocumentTest {
  private static final String HTTP_METHODS = "get put post delete patch head options";

  @Test
  void documentListsExactlyTheRoutesTheResourcesServe() throws Exception {
    TreeSet<String> served = servedRoutes();
    TreeSet<String> documented = documentedRoutes();
    assertFalse(served.isEmpty(), "no resource classes found");
    assertEquals(documented, served, "OpenAPI document and JAX-RS resources disagree");
  }

  @Test
  void everyOperationHasAnIdAndResponses() throws IOException {
    JsonNode paths = document().get("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (HTTP_METHODS.contains(op.getKey())) {
          String where = op.getKey() + " " + path.getKey();
          assertFalse(op.getValue().path("operationId").asText().isEmpty(), where + " operationId");
          assertFalse(op.getValue().path("responses").isEmpty(), where + " responses");
        }
      }
    }
  }

  private static JsonNode document() throws IOException {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static TreeSet<String> documentedRoutes() throws IOException {
    TreeSet<String> routes = new TreeSet<>();
    JsonNode paths = document().get("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<String> ops = path.getValue().fieldNames(); ops.hasNext(); ) {
        String op = ops.next();
        if (HTTP_METHODS.contains(op)) {
          routes.add(op.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return routes;
  }

  /**
   * Every resource class compiled into this bundle, found on disk so a new one cannot be missed.
   */
  private static TreeSet<String> servedRoutes() throws IOException, URISyntaxException {
    Path classes =
        Path.of(OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = classes.resolve(OpenApiResource.class.getPackageName().replace('.', '/'));
    TreeSet<String> routes = new TreeSet<>();
    try (Stream<Path> files = Files.list(pkg)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class") || file.contains("$")) {
          continue;
        }
        Class<?> c = load(file.substring(0, file.length() - ".class".length()));
        // @JaxrsResource is not retained at runtime; any public method with an HTTP method makes a
        // route.
        addRoutes(c, routes);
      }
    }
    return routes;
  }

  private static Class<?> load(String simpleName) {
    try {
      return Class.forName(OpenApiResource.class.getPackageName() + "." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void addRoutes(Class<?> resource, TreeSet<String> routes) {
    String base = pathOf(resource.getAnnotation(javax.ws.rs.Path.class));
    for (Method m : resource.getMethods()) {
      for (Annotation a : m.getAnnotations()) {
        HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
        if (http != null) {
          String sub = pathOf(m.getAnnotation(javax.ws.rs.Path.class));
          String path = "/" + join(base, sub);
          routes.add(http.value() + " " + path);
        }
      }
    }
  }

  private static String pathOf(javax.ws.rs.Path p) {
    if (p == null) {
      return "";
    }
    String v = p.value();
    v = v.startsWith("/") ? v.substring(1) : v;
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + "/" + b;
  }
}
