package io.vjvector.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.security.ApiKey;
import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import io.vjvector.security.Permission;
import io.vjvector.security.Security;
import io.vjvector.security.Tenant;
import io.vjvector.security.TenantLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityServiceTest {
  @TempDir Path dir;

  private final MutableClock clock = new MutableClock();

  private SecurityService open() {
    return new SecurityService(dir, dir.resolve("admin.key"), clock, new ExternalIdentities());
  }

  @Test
  void freshNodeHasDefaultTenantAndABootstrapAdminKeyOnlyItsOwnerCanRead() throws Exception {
    SecurityService s = open();
    assertEquals("default", s.tenants().get(0).name());
    Path file = dir.resolve("admin.key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
    Identity admin = s.authenticate("Bearer " + token);
    assertEquals("default", admin.tenant());
    assertTrue(s.allowed(admin, Permission.PLATFORM_ADMIN));
    // reopening does not mint another one
    SecurityService again = open();
    assertEquals(1, again.keys("default").size());
    assertEquals(admin, again.authenticate("Bearer " + token));
  }

  @Test
  void keysAreStoredHashedAndTheSecretIsShownOnce() throws Exception {
    SecurityService s = open();
    s.createTenant("acme", TenantLimits.DEFAULTS);
    ApiKey.Created k = s.createKey("acme", "ci", Set.of(Security.WRITER), Set.of("docs"), null);
    assertTrue(k.token().startsWith("vjv_" + k.key().id() + "_"));
    String secret = k.token().substring(("vjv_" + k.key().id() + "_").length());
    String state = Files.readString(dir.resolve("state.json"));
    assertFalse(state.contains(secret), "the secret must not be stored");
    assertTrue(state.contains(k.key().id()));
    Identity id = s.authenticate("Bearer " + k.token());
    assertEquals("acme", id.tenant());
    assertEquals(Set.of("docs"), id.collections());
    assertTrue(id.inScope("docs"));
    assertFalse(id.inScope("other"));
    assertEquals(EnumSet.of(Permission.DATA_READ, Permission.DATA_WRITE), s.permissions(id));
  }

  @Test
  void wrongSecretUnknownIdMalformedRevokedAndExpiredKeysFail() throws Exception {
    SecurityService s = open();
    ApiKey.Created k =
        s.createKey(
            "default",
            "short",
            Set.of(Security.READER),
            Set.of(),
            clock.instant().plus(Duration.ofMinutes(5)));
    String good = k.token();
    char last = good.charAt(good.length() - 1);
    String wrong = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertEquals("invalid API key", fails(s, "Bearer " + wrong));
    assertEquals("invalid API key", fails(s, "Bearer vjv_0123456789abcdef_" + "x".repeat(43)));
    assertEquals("malformed API key", fails(s, "Bearer vjv_nope"));
    assertEquals("credentials required", fails(s, null));
    assertEquals("unsupported authorization scheme", fails(s, "Digest abc"));
    s.authenticate("Bearer " + good);
    clock.advance(Duration.ofMinutes(6));
    assertEquals("API key expired", fails(s, "Bearer " + good));
    ApiKey.Created r = s.createKey("default", "r", Set.of(Security.READER), Set.of(), null);
    s.authenticate("Bearer " + r.token());
    s.revokeKey("default", r.key().id());
    assertEquals("API key revoked", fails(s, "Bearer " + r.token()));
    // and after a restart
    assertEquals("API key revoked", fails(open(), "Bearer " + r.token()));
  }

  @Test
  void rotationInvalidatesTheOldSecretAtOnce() throws Exception {
    SecurityService s = open();
    ApiKey.Created k = s.createKey("default", "k", Set.of(Security.READER), Set.of(), null);
    ApiKey.Created rotated = s.rotateKey("default", k.key().id());
    assertEquals(k.key().id(), rotated.key().id());
    assertEquals("invalid API key", fails(s, "Bearer " + k.token()));
    assertEquals("default", s.authenticate("Bearer " + rotated.token()).tenant());
  }

  @Test
  void keysOfOneTenantCannotBeManagedThroughAnother() {
    SecurityService s = open();
    s.createTenant("a", TenantLimits.DEFAULTS);
    s.createTenant("b", TenantLimits.DEFAULTS);
    ApiKey.Created k = s.createKey("a", "k", Set.of(Security.READER), Set.of(), null);
    assertThrows(NoSuchElementException.class, () -> s.revokeKey("b", k.key().id()));
    assertThrows(NoSuchElementException.class, () -> s.rotateKey("b", k.key().id()));
    assertTrue(s.keys("b").isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> s.createKey("a", "x", Set.of(Security.PLATFORM_ADMIN), Set.of(), null));
  }

  @Test
  void customRolesGrantTheirPermissionsButNeverPlatformAdmin() throws Exception {
    SecurityService s = open();
    s.createTenant("a", TenantLimits.DEFAULTS);
    s.putRole("a", "auditor", Set.of(Permission.DATA_READ, Permission.TENANT_ADMIN));
    assertThrows(
        IllegalArgumentException.class,
        () -> s.putRole("a", "boss", Set.of(Permission.PLATFORM_ADMIN)));
    assertThrows(
        IllegalStateException.class, () -> s.putRole("a", "reader", Set.of(Permission.DATA_READ)));
    ApiKey.Created k = s.createKey("a", "k", Set.of("auditor"), Set.of(), null);
    Identity id = s.authenticate("Bearer " + k.token());
    assertEquals(EnumSet.of(Permission.DATA_READ, Permission.TENANT_ADMIN), s.permissions(id));
    // another tenant's role of the same name grants nothing
    s.createTenant("b", TenantLimits.DEFAULTS);
    Identity forged = new Identity("x", "b", Set.of("auditor"), Set.of(), "api-key");
    assertTrue(s.permissions(forged).isEmpty());
    assertTrue(s.deleteRole("a", "auditor"));
    assertTrue(s.permissions(id).isEmpty());
  }

  @Test
  void tenantsAreValidatedSuspendedAndDeletedWithTheirKeys() throws Exception {
    SecurityService s = open();
    assertThrows(IllegalArgumentException.class, () -> s.createTenant("../x", null));
    assertThrows(IllegalArgumentException.class, () -> s.createTenant("Upper", null));
    s.createTenant("t1", new TenantLimits(5, 0, 0, 10, 0, 0));
    assertThrows(IllegalStateException.class, () -> s.createTenant("t1", null));
    assertEquals(5, s.tenant("t1").orElseThrow().limits().maxCollections());
    assertEquals(
        Tenant.Status.SUSPENDED, s.updateTenant("t1", Tenant.Status.SUSPENDED, null).status());
    ApiKey.Created k = s.createKey("t1", "k", Set.of(Security.READER), Set.of(), null);
    assertTrue(s.deleteTenant("t1"));
    assertEquals("invalid API key", fails(s, "Bearer " + k.token()));
    assertThrows(IllegalStateException.class, () -> s.deleteTenant("default"));
    assertFalse(open().tenant("t1").isPresent());
  }

  @Test
  void sessionsAuthenticateUntilTheyExpireAndAreNotGuessable() throws Exception {
    SecurityService s = open();
    Identity saml = new Identity("jane", "default", Set.of(Security.WRITER), Set.of(), "saml");
    String token = s.openSession(saml, Duration.ofHours(100));
    assertTrue(token.startsWith("vjs_"));
    assertEquals(saml, s.authenticate("Bearer " + token));
    assertEquals("invalid or expired session", fails(s, "Bearer vjs_" + "A".repeat(43)));
    clock.advance(Duration.ofHours(12).plusSeconds(1));
    assertEquals("invalid or expired session", fails(s, "Bearer " + token));
  }

  private static String fails(SecurityService s, String header) {
    return assertThrows(AuthenticationException.class, () -> s.authenticate(header)).getMessage();
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-27T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
