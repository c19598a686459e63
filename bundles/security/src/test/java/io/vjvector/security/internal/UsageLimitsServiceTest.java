package io.vjvector.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vjvector.security.EndpointClass;
import io.vjvector.security.TenantLimits;
import io.vjvector.security.UsageLimits;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageLimitsServiceTest {
  @TempDir Path dir;

  @Test
  void eachTenantAndClassHasItsOwnBucketAndTenantLimitsOverrideDefaults() {
    SecurityService security =
        new SecurityService(
            dir, dir.resolve("k"), java.time.Clock.systemUTC(), new ExternalIdentities());
    security.createTenant("small", new TenantLimits(0, 0, 0, 3, 0, 0));
    UsageLimitsService limits = new UsageLimitsService(security, config(1000, 100, 7));
    assertEquals(3, limits.limits("small").readsPerSecond());
    assertEquals(100, limits.limits("small").writesPerSecond());
    int allowed = 0;
    UsageLimits.RateDecision last = null;
    for (int i = 0; i < 10; i++) {
      last = limits.acquire("small", EndpointClass.READ);
      if (last.allowed()) {
        allowed++;
      }
    }
    // a second's worth of burst, then refusals that say how long to wait
    assertTrue(allowed >= 3 && allowed <= 4, "allowed " + allowed);
    assertFalse(last.allowed());
    assertTrue(last.resetSeconds() >= 1);
    assertEquals(3, last.limit());
    // other classes and tenants are untouched
    assertTrue(limits.acquire("small", EndpointClass.WRITE).allowed());
    assertTrue(limits.acquire("default", EndpointClass.READ).allowed());
    long remaining = limits.acquire("default", EndpointClass.READ).remaining();
    assertTrue(remaining >= 990 && remaining <= 999, "remaining " + remaining);
  }

  @Test
  void countersAreKeptPerTenant() {
    SecurityService security =
        new SecurityService(
            dir, dir.resolve("k"), java.time.Clock.systemUTC(), new ExternalIdentities());
    UsageLimitsService limits = new UsageLimitsService(security, config(10, 10, 10));
    limits.meter("a", EndpointClass.WRITE, 0, 100, 0, 5000);
    limits.meter("a", EndpointClass.READ, 2, 0, 20, 100);
    assertEquals(2L, limits.counters("a").get("requests"));
    assertEquals(100L, limits.counters("a").get("pointsWritten"));
    assertEquals(2L, limits.counters("a").get("searches"));
    assertEquals(0L, limits.counters("b").get("requests"));
  }

  static SecurityConfig config(long reads, long writes, long admin) {
    return new SecurityConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return SecurityConfig.class;
      }

      @Override
      public String stateDir() {
        return "";
      }

      @Override
      public String bootstrapKeyFile() {
        return "";
      }

      @Override
      public long maxCollections() {
        return 100;
      }

      @Override
      public long maxPoints() {
        return 0;
      }

      @Override
      public long maxStoredBytes() {
        return 0;
      }

      @Override
      public long readsPerSecond() {
        return reads;
      }

      @Override
      public long writesPerSecond() {
        return writes;
      }

      @Override
      public long adminPerSecond() {
        return admin;
      }

      @Override
      public int authFailureBurst() {
        return 3;
      }

      @Override
      public int rateLimitedBurst() {
        return 3;
      }

      @Override
      public long bulkReadPoints() {
        return 100;
      }

      @Override
      public String jwt_issuer() {
        return "";
      }

      @Override
      public String jwt_audience() {
        return "";
      }

      @Override
      public String jwt_jwksUrl() {
        return "";
      }

      @Override
      public String[] jwt_algorithms() {
        return new String[] {"RS256"};
      }

      @Override
      public String jwt_tenantClaim() {
        return "tenant";
      }

      @Override
      public String jwt_defaultTenant() {
        return "";
      }

      @Override
      public String jwt_rolesClaim() {
        return "roles";
      }

      @Override
      public String[] jwt_roleMapping() {
        return new String[0];
      }

      @Override
      public String[] jwt_allowedHosts() {
        return new String[0];
      }

      @Override
      public String ldap_url() {
        return "";
      }

      @Override
      public String ldap_bindDn() {
        return "";
      }

      @Override
      public String ldap_bindPassword() {
        return "";
      }

      @Override
      public String ldap_userBaseDn() {
        return "";
      }

      @Override
      public String ldap_userFilter() {
        return "";
      }

      @Override
      public String ldap_groupBaseDn() {
        return "";
      }

      @Override
      public String ldap_groupFilter() {
        return "";
      }

      @Override
      public String[] ldap_groupRoleMapping() {
        return new String[0];
      }

      @Override
      public String ldap_tenant() {
        return "default";
      }

      @Override
      public String saml_spEntityId() {
        return "";
      }

      @Override
      public String saml_acsUrl() {
        return "";
      }

      @Override
      public String saml_idpEntityId() {
        return "";
      }

      @Override
      public String saml_idpCertificateFile() {
        return "";
      }

      @Override
      public String saml_tenantAttribute() {
        return "tenant";
      }

      @Override
      public String saml_defaultTenant() {
        return "";
      }

      @Override
      public String saml_rolesAttribute() {
        return "roles";
      }

      @Override
      public String[] saml_roleMapping() {
        return new String[0];
      }
    };
  }
}
