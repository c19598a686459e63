package io.vjvector.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vjvector.security.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint the REST handler serves says who may call it, the classification follows the rules
 * of the API, and the OpenAPI document tells clients the same.
 */
class EndpointPermissionsTest {
  /** The only routes served without credentials. */
  private static final Map<String, String> PUBLIC_METHODS =
      Map.of(
          "HealthResource#health", "GET /health",
          "HealthResource#ready", "GET /ready",
          "OpenApiResource#document", "GET /openapi.json",
          "AuthResource#acs", "POST /auth/saml/acs");

  /** POSTs that only read: they carry a query in the body. */
  private static final Set<String> READ_ONLY_POSTS =
      Set.of(
          "POST /collections/{name}/search",
          "POST /collections/{name}/search/batch",
          "POST /collections/{name}/points/get",
          "POST /collections/{name}/points/scroll",
          "POST /collections/{name}/points/recommend",
          "POST /collections/{name}/points/count");

  private static final Set<String> CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

  private static List<Endpoint> endpoints;

  /** One JAX-RS resource method and the route it serves. */
  record Endpoint(Class<?> resource, Method method, String http, String path) {
    String route() {
      return http + " " + path;
    }

    String name() {
      return resource.getSimpleName() + "#" + method.getName();
    }

    String where() {
      return route() + " (" + name() + ")";
    }

    boolean isPublic() {
      return method.isAnnotationPresent(Public.class);
    }

    boolean isAuthenticated() {
      return method.isAnnotationPresent(Authenticated.class);
    }

    Permission requires() {
      Requires r = method.getAnnotation(Requires.class);
      return r == null ? null : r.value();
    }
  }

  @BeforeAll
  static void collect() {
    endpoints = endpointsOf(servedResources());
  }

  @Test
  void theHandlerServesEveryResourceOfTheBundle() throws Exception {
    Set<Class<?>> served = new LinkedHashSet<>(servedResources());
    assertTrue(served.contains(TenantsResource.class), "admin resources not found: " + served);
    assertTrue(served.contains(MarketplaceResource.class), "marketplace not found: " + served);
    assertEquals(
        names(resourcesOnDisk()),
        names(served),
        "resource classes of the bundle and those the RestHandler serves differ");
  }

  @Test
  void everyEndpointIsPublicAuthenticatedOrRequiresOnePermission() {
    assertTrue(endpoints.size() > 20, "too few endpoints found: " + endpoints.size());
    assertEquals(List.of(), classificationProblems(endpoints));
  }

  @Test
  void onlyHealthReadinessTheDocumentAndSamlAreUnauthenticated() {
    Map<String, String> open = new TreeMap<>();
    for (Endpoint e : endpoints) {
      if (e.isPublic()) {
        open.put(e.name(), e.route());
      }
    }
    assertEquals(new TreeMap<>(PUBLIC_METHODS), open);
  }

  @Test
  void marketplaceAndTenantsNeedPlatformAdmin() {
    Set<Class<?>> covered = new TreeSet<>(Comparator.comparing(Class::getName));
    List<String> problems = new ArrayList<>();
    for (Endpoint e : endpoints) {
      boolean platform =
          e.resource() == MarketplaceResource.class
              || e.resource() == TenantsResource.class
              || e.path().startsWith("/marketplace")
              || e.path().startsWith("/tenants");
      if (platform) {
        covered.add(e.resource());
        if (e.requires() != Permission.PLATFORM_ADMIN || e.isPublic() || e.isAuthenticated()) {
          problems.add(e.where() + " must require only PLATFORM_ADMIN");
        }
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(
        Set.of(MarketplaceResource.class, TenantsResource.class),
        covered,
        "no endpoints of the marketplace or tenant resources found");
  }

  @Test
  void nothingThatChangesDataNeedsOnlyDataRead() {
    Set<String> routes = endpoints.stream().map(Endpoint::route).collect(Collectors.toSet());
    for (String r : READ_ONLY_POSTS) {
      assertTrue(routes.contains(r), "read-only POST " + r + " is not served any more");
    }
    assertEquals(List.of(), writeProblems(endpoints));
  }

  @Test
  void theDocumentStatesThePermissionOfEveryRoute() throws IOException {
    assertEquals(List.of(), documentProblems(endpoints, document()));
  }

  @Test
  void theDocumentDeclaresTheSecuritySchemes() throws IOException {
    JsonNode doc = document();
    JsonNode schemes = doc.path("components").path("securitySchemes");
    JsonNode global = doc.path("security");
    assertTrue(global.isArray() && global.size() > 0, "no global security requirement");
    for (JsonNode requirement : global) {
      for (Iterator<String> it = requirement.fieldNames(); it.hasNext(); ) {
        String scheme = it.next();
        assertTrue(schemes.has(scheme), "global security names the undefined scheme " + scheme);
      }
    }
    Set<String> kinds = new TreeSet<>();
    for (JsonNode s : schemes) {
      String type = s.path("type").asText();
      kinds.add(
          type.equals("http")
              ? "http " + s.path("scheme").asText().toLowerCase(Locale.ROOT)
              : type + " " + s.path("in").asText() + " " + s.path("name").asText());
    }
    assertTrue(kinds.contains("http bearer"), "no bearer scheme: " + kinds);
    assertTrue(kinds.contains("http basic"), "no basic scheme (LDAP): " + kinds);
    assertTrue(kinds.contains("apiKey header X-API-Key"), "no X-API-Key scheme: " + kinds);
    JsonNode responses = doc.path("components").path("responses");
    for (String r : List.of("Unauthenticated", "Forbidden", "RateLimited")) {
      assertTrue(responses.has(r), "components.responses." + r + " missing");
    }
    assertTrue(
        responses.path("RateLimited").path("headers").has("Retry-After"),
        "429 without Retry-After");
    assertTrue(
        responses.path("Unauthenticated").path("headers").has("WWW-Authenticate"),
        "401 without WWW-Authenticate");
  }

  /** The checks must see what they are meant to catch. */
  @Test
  void theChecksCatchViolations() throws IOException {
    List<Endpoint> bad = endpointsOf(List.of(Misdeclared.class));
    assertEquals(
        List.of(
            "GET /misdeclared/both (Misdeclared#both) carries 2 of @Public, @Authenticated,"
                + " @Requires",
            "GET /misdeclared/nothing (Misdeclared#nothing) carries 0 of @Public, @Authenticated,"
                + " @Requires"),
        classificationProblems(bad));
    assertEquals(
        List.of(
            "DELETE /misdeclared/wipe (Misdeclared#wipe) changes data but requires DATA_READ",
            "PUT /misdeclared/anyone (Misdeclared#anyone) changes data but requires only"
                + " authentication"),
        writeProblems(bad));
    JsonNode doc =
        new ObjectMapper()
            .readTree(
                "{\"paths\":{\"/misdeclared/wipe\":{\"delete\":{\"x-vjv-permission\":\"data:read\","
                    + "\"description\":\"Needs the permission 'data:write'.\",\"responses\":{"
                    + "\"401\":{},\"403\":{},\"429\":{}}}},"
                    + "\"/misdeclared/fine\":{\"post\":{\"x-vjv-permission\":\"data:read\","
                    + "\"description\":\"Needs the permission 'data:write'.\",\"security\":[],"
                    + "\"responses\":{\"401\":{},\"403\":{}}}}}}");
    List<Endpoint> documented =
        bad.stream()
            .filter(e -> Set.of("wipe", "fine").contains(e.method().getName()))
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "DELETE /misdeclared/wipe (Misdeclared#wipe): description does not name 'data:read'",
            "POST /misdeclared/fine (Misdeclared#fine): no 429 response",
            "POST /misdeclared/fine (Misdeclared#fine): protected but its security is []",
            "POST /misdeclared/fine (Misdeclared#fine): x-vjv-permission is \"data:read\", not"
                + " data:write"),
        documentProblems(documented, doc));
    List<String> missing = documentProblems(bad, doc);
    assertTrue(
        missing.contains("GET /misdeclared/both (Misdeclared#both): not in the document"),
        missing.toString());
  }

  // ---- the checks

  static List<String> classificationProblems(List<Endpoint> list) {
    List<String> problems = new ArrayList<>();
    for (Endpoint e : list) {
      int marks =
          (e.isPublic() ? 1 : 0) + (e.isAuthenticated() ? 1 : 0) + (e.requires() != null ? 1 : 0);
      if (marks != 1) {
        problems.add(e.where() + " carries " + marks + " of @Public, @Authenticated, @Requires");
      }
    }
    return sorted(problems);
  }

  static List<String> writeProblems(List<Endpoint> list) {
    List<String> problems = new ArrayList<>();
    for (Endpoint e : list) {
      if (!CHANGING.contains(e.http())
          || READ_ONLY_POSTS.contains(e.route())
          || PUBLIC_METHODS.containsValue(e.route())) {
        continue;
      }
      if (e.requires() == Permission.DATA_READ) {
        problems.add(e.where() + " changes data but requires DATA_READ");
      } else if (e.requires() == null) {
        problems.add(
            e.where()
                + " changes data but requires only "
                + (e.isPublic() ? "nothing" : "authentication"));
      }
    }
    return sorted(problems);
  }

  static List<String> documentProblems(List<Endpoint> list, JsonNode doc) {
    List<String> problems = new ArrayList<>();
    for (Endpoint e : list) {
      JsonNode op = doc.path("paths").path(e.path()).path(e.http().toLowerCase(Locale.ROOT));
      String at = e.where() + ": ";
      if (!op.isObject()) {
        problems.add(at + "not in the document");
        continue;
      }
      JsonNode permission = op.path("x-vjv-permission");
      JsonNode security = op.path("security");
      boolean open = security.isArray() && security.isEmpty();
      if (e.isPublic()) {
        if (!open) {
          problems.add(at + "public but without \"security\": []");
        }
        if (!permission.isMissingNode()) {
          problems.add(at + "public but has x-vjv-permission " + permission);
        }
        continue;
      }
      if (!security.isMissingNode() && (!security.isArray() || open)) {
        problems.add(at + "protected but its security is " + security);
      }
      for (String code : List.of("401", "403", "429")) {
        if (!op.path("responses").has(code)) {
          problems.add(at + "no " + code + " response");
        }
      }
      Permission needed = e.requires();
      if (needed == null) {
        if (!permission.isMissingNode()) {
          problems.add(at + "any authenticated caller, but has x-vjv-permission " + permission);
        }
        continue;
      }
      if (!permission.isTextual() || !permission.asText().equals(needed.externalName())) {
        problems.add(at + "x-vjv-permission is " + permission + ", not " + needed.externalName());
      }
      if (!op.path("description").asText().contains("'" + needed.externalName() + "'")) {
        problems.add(at + "description does not name '" + needed.externalName() + "'");
      }
    }
    return sorted(problems);
  }

  // ---- finding the endpoints

  /**
   * The resources the RestHandler hands to CXF: the JAX-RS resources among its constructor's
   * parameters, and those SecurityResources collects.
   */
  static List<Class<?>> servedResources() {
    List<Class<?>> out = new ArrayList<>();
    boolean admin = false;
    for (Class<?> t : onlyConstructor(RestHandler.class).getParameterTypes()) {
      if (t == SecurityResources.class) {
        admin = true;
        for (Class<?> s : onlyConstructor(SecurityResources.class).getParameterTypes()) {
          if (isResource(s)) {
            out.add(s);
          }
        }
      } else if (isResource(t)) {
        out.add(t);
      }
    }
    assertTrue(admin, "RestHandler no longer takes SecurityResources");
    return out;
  }

  private static Constructor<?> onlyConstructor(Class<?> c) {
    Constructor<?>[] all = c.getConstructors();
    assertEquals(1, all.length, c.getSimpleName() + " should have one public constructor");
    return all[0];
  }

  private static boolean isResource(Class<?> c) {
    return !endpointsOf(List.of(c)).isEmpty();
  }

  /** Every class of the bundle's package with a JAX-RS resource method. */
  private static List<Class<?>> resourcesOnDisk() throws IOException, URISyntaxException {
    Path classes =
        Path.of(RestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = classes.resolve(RestHandler.class.getPackageName().replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(pkg)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class") || file.contains("$")) {
          continue;
        }
        String name = file.substring(0, file.length() - ".class".length());
        try {
          Class<?> c = Class.forName(RestHandler.class.getPackageName() + "." + name);
          if (isResource(c)) {
            out.add(c);
          }
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }

  static List<Endpoint> endpointsOf(List<Class<?>> resources) {
    List<Endpoint> out = new ArrayList<>();
    for (Class<?> c : resources) {
      String base = segment(c.getAnnotation(javax.ws.rs.Path.class));
      for (Method m : c.getMethods()) {
        for (Annotation a : m.getAnnotations()) {
          HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
          if (http != null) {
            String sub = segment(m.getAnnotation(javax.ws.rs.Path.class));
            String path = base.isEmpty() ? sub : sub.isEmpty() ? base : base + "/" + sub;
            out.add(new Endpoint(c, m, http.value(), "/" + path));
          }
        }
      }
    }
    out.sort(Comparator.comparing(Endpoint::route));
    return out;
  }

  /** A path annotation's value without outer slashes and with {@code {name: regex}} as {name}. */
  private static String segment(javax.ws.rs.Path p) {
    if (p == null) {
      return "";
    }
    String v = p.value().replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
    while (v.startsWith("/")) {
      v = v.substring(1);
    }
    while (v.endsWith("/")) {
      v = v.substring(0, v.length() - 1);
    }
    return v;
  }

  private static JsonNode document() throws IOException {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
      assertNotNull(in, "openapi.json not found");
      return new ObjectMapper().readTree(in);
    }
  }

  private static List<String> names(Iterable<Class<?>> classes) {
    List<String> out = new ArrayList<>();
    classes.forEach(c -> out.add(c.getSimpleName()));
    return sorted(out);
  }

  private static List<String> sorted(List<String> list) {
    list.sort(Comparator.naturalOrder());
    return list;
  }

  /** A resource declared wrong in every way the checks look for. */
  @javax.ws.rs.Path("misdeclared")
  public static class Misdeclared {
    @GET
    @javax.ws.rs.Path("nothing")
    public String nothing() {
      return "";
    }

    @GET
    @javax.ws.rs.Path("both")
    @Public
    @Requires(Permission.DATA_READ)
    public String both() {
      return "";
    }

    @DELETE
    @javax.ws.rs.Path("wipe")
    @Requires(Permission.DATA_READ)
    public String wipe() {
      return "";
    }

    @PUT
    @javax.ws.rs.Path("anyone")
    @Authenticated
    public String anyone() {
      return "";
    }

    @POST
    @javax.ws.rs.Path("fine")
    @Requires(Permission.DATA_WRITE)
    public String fine() {
      return "";
    }
  }
}
