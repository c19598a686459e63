package io.vjvector.itests;

import static io.vjvector.itests.PlatformIT.assertProblem;
import static io.vjvector.itests.PlatformIT.point;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Multi-tenancy and security on the real node, over HTTP, along the OWASP API Security Top 10
 * (2023): object-level authorization across tenants, broken authentication, mass assignment,
 * unrestricted resource consumption, function-level authorization, and the audit chain.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends VjvExamSupport {

  @Before
  public void ready() throws InterruptedException {
    awaitReady();
  }

  /** Creates a tenant (as the platform admin) and returns a tenant-admin token for it. */
  private String tenant(String name, Map<String, Object> limits) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    if (limits != null) {
      body.put("limits", limits);
    }
    Http.Reply created = http.post("tenants", body);
    assertEquals(created.toString(), 201, created.status);
    return key(http, "tenants/" + name + "/keys", List.of("tenant-admin"), null);
  }

  /** Creates a key through a client and path, returning its token. */
  private static String key(Http as, String path, List<String> roles, List<String> collections)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "test");
    body.put("roles", roles);
    if (collections != null) {
      body.put("collections", collections);
    }
    Http.Reply r = as.post(path, body);
    assertEquals(r.toString(), 201, r.status);
    String token = r.json().get("token").asText();
    assertTrue(token, token.startsWith("vjv_" + r.json().get("id").asText() + "_"));
    return token;
  }

  private static void collection(Http as, String name) throws Exception {
    Http.Reply r =
        as.post("collections", Map.of("name", name, "dimension", 3, "distance", "cosine"));
    assertEquals(r.toString(), 201, r.status);
  }

  private static List<String> names(Http as) throws Exception {
    Http.Reply r = as.get("collections");
    assertEquals(r.toString(), 200, r.status);
    List<String> out = new ArrayList<>();
    r.json().get("collections").forEach(c -> out.add(c.get("name").asText()));
    out.sort(null);
    return out;
  }

  @Test
  public void twoTenantsEachSeeOnlyTheirOwnData() throws Exception {
    Http a = http.as(tenant("iso-a", null));
    Http b = http.as(tenant("iso-b", null));
    collection(a, "shared");
    collection(a, "only-a");
    collection(b, "shared");
    assertEquals(
        200,
        a.put(
                "collections/shared/points",
                Map.of("points", List.of(point(1, new float[] {1, 0, 0}, Map.of("owner", "a")))))
            .status);
    assertEquals(
        200,
        b.put(
                "collections/shared/points",
                Map.of("points", List.of(point(1, new float[] {1, 0, 0}, Map.of("owner", "b")))))
            .status);

    assertEquals(List.of("only-a", "shared"), names(a));
    assertEquals(List.of("shared"), names(b));
    assertEquals("b", b.get("collections/shared/points/1").json().at("/payload/owner").asText());
    assertEquals("a", a.get("collections/shared/points/1").json().at("/payload/owner").asText());
    Http.Reply hits =
        b.post("collections/shared/search", Map.of("vector", new float[] {1, 0, 0}, "limit", 10));
    assertEquals(1, hits.json().get("result").size());
    assertEquals("b", hits.json().at("/result/0/payload/owner").asText());
    Http.Reply scroll = b.post("collections/shared/points/scroll", Map.of("limit", 100));
    assertEquals(1, scroll.json().get("points").size());

    // another tenant's collection is indistinguishable from one that does not exist: 404, not 403
    Http.Reply theirs = b.get("collections/only-a");
    Http.Reply nobody = b.get("collections/never-was");
    assertProblem(theirs, 404, "collection-not-found");
    assertProblem(nobody, 404, "collection-not-found");
    assertEquals(
        nobody.json().get("detail").asText().replace("never-was", "X"),
        theirs.json().get("detail").asText().replace("only-a", "X"));
    assertProblem(
        b.post("collections/only-a/points/get", Map.of("ids", List.of(1))),
        404,
        "collection-not-found");
    assertProblem(b.delete("collections/only-a"), 404, "collection-not-found");
    assertProblem(
        b.put(
            "collections/only-a/points",
            Map.of("points", List.of(point(9, new float[] {1, 0, 0}, Map.of())))),
        404,
        "collection-not-found");
    assertEquals(List.of("only-a", "shared"), names(a));
    assertEquals(
        1, a.post("collections/shared/points/count", Map.of()).json().get("count").asInt());

    // mass assignment: a tenant or roles in a body are refused, nothing is created anywhere
    Http.Reply sneaky =
        b.post(
            "collections",
            Map.of("name", "sneaky", "dimension", 3, "distance", "cosine", "tenant", "iso-a"));
    // the strict reader refuses unknown fields rather than ignoring them
    assertProblem(sneaky, 400, "malformed-json");
    assertTrue(sneaky.body, sneaky.body.contains("unknown field 'tenant'"));
    Http.Reply sneakyKey =
        b.post("keys", Map.of("name", "x", "roles", List.of("reader"), "tenant", "iso-a"));
    assertEquals(sneakyKey.toString(), 400, sneakyKey.status);
    assertFalse(names(a).contains("sneaky"));
    assertFalse(names(b).contains("sneaky"));

    // a key limited to some collections sees only those
    Http scoped = http.as(key(a, "keys", List.of("writer"), List.of("shared")));
    assertEquals(List.of("shared"), names(scoped));
    assertProblem(scoped.get("collections/only-a"), 404, "collection-not-found");
    assertProblem(
        scoped.post("collections", Map.of("name", "more", "dimension", 3, "distance", "cosine")),
        403,
        "forbidden");
    // a tenant's keys are its own: the other tenant cannot list or revoke them
    String aKeyId = a.get("keys").json().at("/keys/0/id").asText();
    assertProblem(b.delete("keys/" + aKeyId), 404, "not-found");
    for (JsonNode k : b.get("keys").json().get("keys")) {
      assertEquals("iso-b", k.get("tenant").asText());
    }
  }

  @Test
  public void brokenAuthenticationIsRefused() throws Exception {
    Http anonymous = http.as(null);
    assertEquals(200, anonymous.get("health").status);
    Http.Reply none = anonymous.get("collections");
    assertProblem(none, 401, "unauthenticated");
    assertTrue(
        none.header("WWW-Authenticate"), none.header("WWW-Authenticate").startsWith("Bearer"));
    assertNotNull("every response has a request id", none.header("X-Request-Id"));
    assertProblem(http.as("vjv_garbage").get("collections"), 401, "unauthenticated");

    String reader = key(http, "keys", List.of("reader"), null);
    assertEquals(200, http.as(reader).get("collections").status);
    // the same id with another secret
    String forged = reader.substring(0, reader.length() - 4) + "AAAA";
    if (forged.equals(reader)) {
      forged = reader.substring(0, reader.length() - 4) + "BBBB";
    }
    assertProblem(http.as(forged).get("collections"), 401, "unauthenticated");
    // an unsigned JWT (alg none) and an HS256 token are not credentials here
    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String claims =
        b64(
            "{\"sub\":\"mallory\",\"tenant\":\"default\",\"roles\":[\"platform-admin\"],"
                + "\"exp\":"
                + (Instant.now().getEpochSecond() + 600)
                + "}");
    assertProblem(http.as(header + "." + claims + ".").get("tenants"), 401, "unauthenticated");
    String hs = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    assertProblem(http.as(hs + "." + claims + ".c2ln").get("tenants"), 401, "unauthenticated");
    // X-API-Key works like a bearer key
    assertEquals(
        200, http.as(null).send("GET", "collections", null, null, "X-API-Key", reader).status);

    // revoked: refused with the very next request
    String id = reader.substring(4, 20);
    Http.Reply revoked = http.delete("keys/" + id);
    assertEquals(revoked.toString(), 200, revoked.status);
    assertTrue(revoked.json().hasNonNull("revoked_at"));
    Http.Reply after = http.as(reader).get("collections");
    assertProblem(after, 401, "unauthenticated");
    assertTrue(after.body, after.json().get("detail").asText().contains("revoked"));

    // rotated: the old secret stops, the new one works
    String writer = key(http, "keys", List.of("writer"), null);
    Http.Reply rotated = http.post("keys/" + writer.substring(4, 20) + "/rotate", Map.of());
    assertEquals(rotated.toString(), 200, rotated.status);
    assertProblem(http.as(writer).get("collections"), 401, "unauthenticated");
    assertEquals(200, http.as(rotated.json().get("token").asText()).get("collections").status);

    // expired
    Http.Reply shortLived =
        http.post(
            "keys",
            Map.of(
                "name", "short",
                "roles", List.of("reader"),
                "expires_at", Instant.now().plusSeconds(2).toString()));
    assertEquals(shortLived.toString(), 201, shortLived.status);
    Http shortClient = http.as(shortLived.json().get("token").asText());
    assertEquals(200, shortClient.get("collections").status);
    Thread.sleep(2500);
    Http.Reply expired = shortClient.get("collections");
    assertProblem(expired, 401, "unauthenticated");
    assertTrue(expired.body, expired.json().get("detail").asText().contains("expired"));

    // the secrets are nowhere on disk: the state holds salted hashes, the audit log no tokens
    String state = Files.readString(securityDir().resolve("state.json"));
    String audit = Files.readString(securityDir().resolve("audit.log"));
    for (String token : List.of(reader, writer, rotated.json().get("token").asText())) {
      String secret = token.substring(21);
      assertFalse("secret in state.json", state.contains(secret));
      assertFalse("secret in audit.log", audit.contains(secret));
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  public void functionLevelAuthorizationFollowsRoles() throws Exception {
    Http admin = http.as(tenant("roles-t", null));
    collection(admin, "docs");
    Http reader = http.as(key(admin, "keys", List.of("reader"), null));
    Http writer = http.as(key(admin, "keys", List.of("writer"), null));

    JsonNode me = reader.get("me").json();
    assertEquals("roles-t", me.get("tenant").asText());
    assertEquals("[\"data:read\"]", me.get("permissions").toString());

    assertEquals(200, reader.get("collections/docs").status);
    assertProblem(
        reader.put(
            "collections/docs/points",
            Map.of("points", List.of(point(1, new float[] {1, 0, 0}, Map.of())))),
        403,
        "forbidden");
    assertProblem(
        reader.post("collections", Map.of("name", "n", "dimension", 3, "distance", "cosine")),
        403,
        "forbidden");
    assertProblem(reader.get("keys"), 403, "forbidden");
    assertProblem(writer.get("usage"), 403, "forbidden");
    assertProblem(writer.post("keys", Map.of("roles", List.of("reader"))), 403, "forbidden");
    assertEquals(
        200,
        writer.put(
                "collections/docs/points",
                Map.of("points", List.of(point(1, new float[] {1, 0, 0}, Map.of()))))
            .status);
    assertProblem(writer.delete("collections/docs"), 403, "forbidden");

    // tenant admins manage their tenant, not the platform
    assertProblem(admin.get("tenants"), 403, "forbidden");
    assertProblem(admin.get("marketplace/catalog"), 403, "forbidden");
    assertProblem(admin.get("security/audit/verify"), 403, "forbidden");
    assertProblem(admin.post("tenants", Map.of("name", "escalate")), 403, "forbidden");
    Http.Reply escalate = admin.post("keys", Map.of("roles", List.of("platform-admin")));
    assertEquals(escalate.toString(), 403, escalate.status);

    // custom roles grant exactly their permissions, and never more than the granter has
    Http.Reply role = admin.put("roles/counter", Map.of("permissions", List.of("data:read")));
    assertEquals(role.toString(), 200, role.status);
    Http counter = http.as(key(admin, "keys", List.of("counter"), null));
    assertEquals(200, counter.post("collections/docs/points/count", Map.of()).status);
    assertProblem(counter.delete("collections/docs"), 403, "forbidden");
    assertProblem(
        admin.put("roles/boss", Map.of("permissions", List.of("platform:admin"))),
        403,
        "forbidden");
    JsonNode roles = admin.get("roles").json().get("roles");
    assertTrue(roles.toString(), roles.toString().contains("\"counter\""));
    assertEquals(204, admin.delete("roles/counter").status);
    assertProblem(counter.post("collections/docs/points/count", Map.of()), 403, "forbidden");

    // suspension
    assertEquals(200, http.post("tenants/roles-t/suspend", Map.of()).status);
    assertProblem(reader.get("collections/docs"), 403, "tenant-suspended");
    assertEquals(200, http.post("tenants/roles-t/resume", Map.of()).status);
    assertEquals(200, reader.get("collections/docs").status);
  }

  @Test
  public void quotasRatesAndUsageArePerTenant() throws Exception {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("max_collections", 1);
    limits.put("max_points", 10);
    limits.put("reads_per_second", 2);
    Http t = http.as(tenant("limited", limits));
    collection(t, "c1");
    assertProblem(
        t.post("collections", Map.of("name", "c2", "dimension", 3, "distance", "cosine")),
        403,
        "quota-exceeded");

    List<Map<String, Object>> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(point(i, new float[] {1, i, 0}, Map.of()));
    }
    assertProblem(t.put("collections/c1/points", Map.of("points", eleven)), 403, "quota-exceeded");
    assertEquals(
        200, t.put("collections/c1/points", Map.of("points", eleven.subList(0, 10))).status);
    assertProblem(
        t.put("collections/c1/points", Map.of("points", eleven.subList(10, 11))),
        403,
        "quota-exceeded");

    // reads: two a second, then 429 with the headers that say when to come back
    Http.Reply limited = null;
    for (int i = 0; i < 50 && limited == null; i++) {
      Http.Reply r = t.get("collections/c1");
      if (r.status == 429) {
        limited = r;
      } else {
        assertEquals(r.toString(), 200, r.status);
        assertEquals("2", r.header("RateLimit-Limit"));
      }
    }
    assertNotNull("no 429 within 50 reads at 2/s", limited);
    assertProblem(limited, 429, "rate-limited");
    assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
    assertEquals("0", limited.header("RateLimit-Remaining"));
    // other tenants are not throttled by it
    assertEquals(200, http.get("collections").status);
    // result windows and batches are capped
    Thread.sleep(1100);
    assertProblem(
        t.post(
            "collections/c1/search", Map.of("vector", new float[] {1, 0, 0}, "limit", 1_000_000)),
        400,
        "invalid-request");

    Thread.sleep(1100);
    JsonNode usage = t.get("usage").json();
    assertEquals(usage.toString(), 10, usage.at("/stored/points").asInt());
    assertEquals(1, usage.at("/stored/collections").asInt());
    assertEquals(10, usage.at("/requests/pointsWritten").asInt());
    assertTrue(usage.toString(), usage.at("/requests/requests").asInt() >= 3);
    assertEquals(10, usage.at("/limits/max_points").asInt());
  }

  @Test
  public void authFailureBurstsRaiseSecurityEvents() throws Exception {
    for (int i = 0; i < 12; i++) {
      assertEquals(
          401, http.as("vjv_0000000000000000_" + "x".repeat(43)).get("collections").status);
    }
    JsonNode events = http.get("security/events").json();
    assertTrue(events.toString(), events.toString().contains("auth-failure-burst"));
    assertTrue(events.at("/counts/auth-failure-burst").asInt() >= 1);

    // the same, and usage per tenant, for Prometheus
    Http.Reply metrics = http.get("metrics");
    assertEquals(metrics.toString(), 200, metrics.status);
    assertTrue(metrics.contentType, metrics.contentType.startsWith("text/plain"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "vjvector_security_events_total\\{kind=\"auth-failure-burst\"\\} ([0-9.]+)")
            .matcher(metrics.body);
    assertTrue(metrics.body, m.find());
    assertTrue(Double.parseDouble(m.group(1)) >= 1);
    assertTrue(
        metrics.body, metrics.body.contains("vjvector_tenant_requests_total{tenant=\"default\"}"));
    assertProblem(
        http.as(key(http, "keys", List.of("reader"), null)).get("metrics"), 403, "forbidden");
  }

  @Test
  public void deletingATenantRemovesItsKeysAndData() throws Exception {
    String token = tenant("doomed", null);
    Http t = http.as(token);
    collection(t, "c");
    assertEquals(204, http.delete("tenants/doomed").status);
    assertProblem(t.get("collections"), 401, "unauthenticated");
    assertProblem(http.delete("tenants/default"), 409, "conflict");
    Http again = http.as(tenant("doomed", null));
    assertEquals(List.of(), names(again));
  }

  private static Path engineData() {
    return Path.of(System.getProperty("karaf.data"), "vjvector");
  }

  /** Every file under a directory that contains the bytes. */
  private static List<Path> filesContaining(Path dir, byte[] needle) throws Exception {
    List<Path> hits = new ArrayList<>();
    if (!Files.exists(dir)) {
      return hits;
    }
    try (var files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        byte[] b = Files.readAllBytes(f);
        outer:
        for (int i = 0; i + needle.length <= b.length; i++) {
          for (int j = 0; j < needle.length; j++) {
            if (b[i + j] != needle[j]) {
              continue outer;
            }
          }
          hits.add(f);
          break;
        }
      }
    }
    return hits;
  }

  @Test
  public void dataFilesOnDiskHoldNoPlaintextAndDeletedTenantsAreShredded() throws Exception {
    Http t = http.as(tenant("secretive", null));
    collection(t, "notes");
    String marker = "PLAINTEXT-MARKER-" + java.util.UUID.randomUUID();
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      points.add(point(i, new float[] {1, i, 2}, Map.of("text", marker + " #" + i)));
    }
    assertEquals(200, t.put("collections/notes/points", Map.of("points", points)).status);
    assertEquals(
        marker + " #7", t.get("collections/notes/points/7").json().at("/payload/text").asText());
    Path tenantDir = engineData().resolve("tenants").resolve("secretive");
    assertTrue("the tenant's files are there: " + tenantDir, Files.isDirectory(tenantDir));
    assertEquals(List.of(), filesContaining(engineData(), marker.getBytes(StandardCharsets.UTF_8)));

    // a new data key: old data stays readable, new writes use the new key
    Http.Reply rotated = http.post("tenants/secretive/encryption-key/rotate", Map.of());
    assertEquals(rotated.toString(), 200, rotated.status);
    assertEquals(2, rotated.json().get("key_version").asInt());
    assertEquals(
        200,
        t.put(
                "collections/notes/points",
                Map.of("points", List.of(point(99, new float[] {1, 1, 1}, Map.of("text", marker)))))
            .status);
    assertEquals(
        51, t.post("collections/notes/points/count", Map.of()).json().get("count").asInt());
    assertEquals(List.of(), filesContaining(engineData(), marker.getBytes(StandardCharsets.UTF_8)));

    // the console rotates too; the master key is replaced from a file and every key re-wrapped
    assertTrue(
        console("vjv:encryption-key-rotate --tenant secretive").contains("data key version 3"));
    Path masterFile = Path.of(System.getProperty("karaf.data"), "vjvector-master.key");
    String masterBefore = Files.readString(masterFile);
    byte[] fresh = new byte[32];
    new java.security.SecureRandom().nextBytes(fresh);
    Path newKey = Files.createTempFile("master", ".key");
    Files.writeString(newKey, Base64.getEncoder().encodeToString(fresh));
    assertTrue(console("vjv:master-key-rotate " + newKey).contains("new master key"));
    Files.delete(newKey);
    assertFalse(masterBefore.equals(Files.readString(masterFile)));
    assertEquals(
        marker + " #7", t.get("collections/notes/points/7").json().at("/payload/text").asText());
    assertEquals(
        51, t.post("collections/notes/points/count", Map.of()).json().get("count").asInt());

    // deleting the tenant destroys its keys along with its files
    assertEquals(204, http.delete("tenants/secretive").status);
    assertFalse(Files.exists(tenantDir.resolve("tenant.keys")));
    assertFalse(Files.exists(tenantDir.resolve("collections").resolve("notes")));
  }

  @Test
  public void dataSubjectsAreExportedAndErasedForGood() throws Exception {
    Http t = http.as(tenant("gdpr", null));
    collection(t, "docs");
    collection(t, "chats");
    String marker = "SUBJECT-MARKER-" + java.util.UUID.randomUUID();
    assertEquals(
        200,
        t.put(
                "collections/docs/points",
                Map.of(
                    "points",
                    List.of(
                        point(1, new float[] {1, 0, 0}, Map.of("user", "u1", "text", marker)),
                        point(2, new float[] {0, 1, 0}, Map.of("user", "u2", "text", "other")))))
            .status);
    assertEquals(
        200,
        t.put(
                "collections/chats/points",
                Map.of(
                    "points",
                    List.of(point(7, new float[] {0, 0, 1}, Map.of("user", "u1", "text", marker)))))
            .status);
    Http writer = http.as(key(t, "keys", List.of("writer"), null));
    assertProblem(
        writer.post("data-subjects/erase", Map.of("field", "user", "value", "u1")),
        403,
        "forbidden");

    JsonNode exported =
        t.post("data-subjects/export", Map.of("field", "user", "value", "u1")).json();
    assertEquals(exported.toString(), 2, exported.get("total").asInt());
    assertEquals(1, exported.at("/points/docs").size());
    assertEquals(1, exported.at("/points/chats").size());
    assertEquals(marker, exported.at("/points/chats/0/payload/text").asText());

    JsonNode erased = t.post("data-subjects/erase", Map.of("field", "user", "value", "u1")).json();
    assertEquals(erased.toString(), 2, erased.get("total").asInt());
    assertEquals(404, t.get("collections/docs/points/1").status);
    assertEquals(200, t.get("collections/docs/points/2").status);
    assertEquals(
        0,
        t.post("data-subjects/export", Map.of("field", "user", "value", "u1"))
            .json()
            .get("total")
            .asInt());
    assertProblem(t.post("data-subjects/erase", Map.of("field", "user")), 400, "invalid-request");

    // the audit record names the field and a hash of the value, never the value
    String audit = Files.readString(securityDir().resolve("audit.log"));
    assertTrue(audit.contains("\"action\":\"data-subject.erase\""));
    assertTrue(audit.contains("user=sha256:"));
  }

  @Test
  public void retentionExpiresPointsAfterTheirLastWrite() throws Exception {
    Http t = http.as(tenant("ttl", null));
    Http.Reply created =
        t.post(
            "collections",
            Map.of("name", "events", "dimension", 3, "distance", "cosine", "retention_seconds", 2));
    assertEquals(created.toString(), 201, created.status);
    assertEquals(2, created.json().get("retention_seconds").asInt());
    assertProblem(
        t.put("collections/events/retention", Map.of("retention_seconds", -1)),
        400,
        "invalid-request");
    assertEquals(
        200,
        t.put(
                "collections/events/points",
                Map.of("points", List.of(point(1, new float[] {1, 0, 0}, Map.of("k", "v")))))
            .status);
    assertEquals(200, t.get("collections/events/points/1").status);
    long end = System.nanoTime() + 10_000_000_000L;
    int status = 200;
    while (status == 200 && System.nanoTime() < end) {
      Thread.sleep(250);
      status = t.get("collections/events/points/1").status;
    }
    assertEquals("the point outlived its retention", 404, status);
    assertEquals(
        0, t.post("collections/events/points/count", Map.of()).json().get("count").asInt());
    assertEquals(
        0,
        t.post("collections/events/search", Map.of("vector", new float[] {1, 0, 0}, "limit", 5))
            .json()
            .get("result")
            .size());

    // keep points until deleted again
    Http.Reply forever = t.put("collections/events/retention", Map.of("retention_seconds", 0));
    assertEquals(forever.toString(), 200, forever.status);
    assertFalse(forever.json().has("retention_seconds"));
    assertEquals(
        200,
        t.put(
                "collections/events/points",
                Map.of("points", List.of(point(2, new float[] {1, 0, 0}, Map.of()))))
            .status);
    Thread.sleep(2500);
    assertEquals(200, t.get("collections/events/points/2").status);
  }

  @Test
  public void auditChainVerifiesAndDetectsAnEditedLine() throws Exception {
    Http t = http.as(tenant("audited", null));
    collection(t, "a");
    JsonNode ok = http.get("security/audit/verify").json();
    assertTrue(ok.toString(), ok.get("ok").asBoolean());
    assertTrue(ok.get("lines").asInt() >= 4);
    assertTrue(console("vjv:audit-verify"), console("vjv:audit-verify").contains("Audit log OK"));
    // the command ACL keeps it from console users without the admin role
    String refusal = null;
    try {
      consoleAs(List.of("viewer"), "vjv:audit-verify");
    } catch (Exception hiddenOrRefused) {
      refusal = hiddenOrRefused.toString();
    }
    assertNotNull("a viewer must not run vjv:audit-verify", refusal);
    assertTrue(refusal, refusal.contains("not found") || refusal.contains("Security"));
    assertTrue(consoleAs(List.of("viewer"), "vjv:collection-list").contains("Name"));

    Path log = securityDir().resolve("audit.log");
    List<String> lines = Files.readAllLines(log);
    int target = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"tenant\":\"audited\"")
          && lines.get(i).contains("\"action\":\"POST /collections\"")
          && lines.get(i).contains("\"allowed\"")) {
        target = i;
        break;
      }
    }
    assertTrue("an audit line of the tenant", target >= 0);
    assertTrue(
        lines.get(target),
        lines.get(target).contains("\"action\":\"POST /collections\"")
            || lines.get(target).contains("\"action\":\"POST /tenants"));
    long offset = 0;
    for (int i = 0; i < target; i++) {
      offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
    }
    int at = lines.get(target).indexOf("\"allowed\"") + 1;
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
      f.seek(offset + at);
      f.write("ALLOWED".getBytes(StandardCharsets.US_ASCII));
      JsonNode broken = http.get("security/audit/verify").json();
      assertFalse(broken.toString(), broken.get("ok").asBoolean());
      assertEquals(target + 1, broken.get("first_bad_line").asInt());
      assertTrue(console("vjv:audit-verify").contains("BROKEN at line " + (target + 1)));
      f.seek(offset + at);
      f.write("allowed".getBytes(StandardCharsets.US_ASCII));
    }
    assertTrue(http.get("security/audit/verify").json().get("ok").asBoolean());
  }
}
