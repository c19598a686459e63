package io.vjvector.security.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.RDN;
import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LdapAuthenticatorTest {
  private static final String BASE = "dc=example,dc=com";
  private static final String SERVICE = "cn=service,dc=example,dc=com";
  private static final Map<String, String> MAPPING =
      Map.of(
          "vj-admins", "tenant-admin",
          "CN=VJ-Writers, OU=Groups,DC=Example,DC=com", "writer",
          "vj-readers", "reader");

  private InMemoryDirectoryServerConfig config;
  private InMemoryDirectoryServer server;
  private final List<LdapAuthenticator> opened = new ArrayList<>();

  @BeforeEach
  void startDirectory() throws Exception {
    config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials(SERVICE, "service-pw");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
    server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    server.add("dn: ou=contractors," + BASE, "objectClass: organizationalUnit", "ou: contractors");
    server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
    person("ou=people", "alice", "alice-pw", null);
    person("ou=people", "bob", "bob-pw", null);
    person("ou=people", "carol", "carol-pw", null);
    person("ou=people", "dave", "dave-pw", "globex");
    person("ou=people", "o*neil(x)", "oneil-pw", null);
    person("ou=people", "dup", "dup-pw", null);
    person("ou=contractors", "dup", "dup-pw", null);
    group("vj-admins", "alice");
    group("vj-writers", "alice", "dave");
    group("vj-readers", "alice", "bob", "dave", "o*neil(x)", "dup");
    group("staff", "alice", "bob", "carol");
    server.startListening();
  }

  private void person(String ou, String uid, String password, String department) throws Exception {
    List<String> ldif =
        new ArrayList<>(
            List.of(
                "dn: uid=" + escapeRdn(uid) + "," + ou + "," + BASE,
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: " + uid,
                "sn: " + uid,
                "userPassword: " + password));
    if (department != null) {
      ldif.add("departmentNumber: " + department);
    }
    server.add(ldif.toArray(String[]::new));
  }

  private static String escapeRdn(String value) {
    return new RDN("uid", value).toString().substring("uid=".length());
  }

  private void group(String cn, String... uids) throws Exception {
    List<String> ldif =
        new ArrayList<>(
            List.of(
                "dn: cn=" + cn + ",ou=groups," + BASE, "objectClass: groupOfNames", "cn: " + cn));
    for (String uid : uids) {
      ldif.add("member: uid=" + escapeRdn(uid) + ",ou=people," + BASE);
    }
    server.add(ldif.toArray(String[]::new));
  }

  @AfterEach
  void stop() {
    opened.forEach(LdapAuthenticator::close);
    server.shutDown(true);
  }

  private LdapSettings settings(int port, String tenantAttribute) {
    return new LdapSettings(
        "ldap://127.0.0.1:" + port,
        SERVICE,
        "service-pw",
        BASE,
        "(uid={0})",
        "ou=groups," + BASE,
        "(member={0})",
        "cn",
        MAPPING,
        "acme",
        tenantAttribute,
        2000);
  }

  private LdapAuthenticator open(LdapSettings settings, Duration ttl) {
    LdapAuthenticator auth = new LdapAuthenticator(settings, ttl);
    opened.add(auth);
    return auth;
  }

  private LdapAuthenticator authenticator() {
    return open(settings(server.getListenPort(), null), Duration.ZERO);
  }

  private static String refused(LdapAuthenticator auth, String user, String password) {
    return assertThrows(
            AuthenticationException.class,
            () -> auth.authenticate(user, password == null ? null : password.toCharArray()))
        .getMessage();
  }

  @Test
  void goodLoginMapsGroupsToRoles() throws Exception {
    Identity id = authenticator().authenticate("alice", "alice-pw".toCharArray());
    assertEquals("alice", id.subject());
    assertEquals("acme", id.tenant());
    assertEquals(Set.of("tenant-admin", "writer", "reader"), id.roles());
    assertEquals(Set.of(), id.collections());
    assertEquals("ldap", id.method());
    assertEquals(
        Set.of("reader"), authenticator().authenticate("bob", "bob-pw".toCharArray()).roles());
  }

  @Test
  void wrongPasswordAndUnknownUserLookTheSame() {
    LdapAuthenticator auth = authenticator();
    String wrong = refused(auth, "alice", "bob-pw");
    String unknown = refused(auth, "mallory", "alice-pw");
    assertEquals("invalid username or password", wrong);
    assertEquals(wrong, unknown);
  }

  @Test
  void emptyPasswordIsNeverAnUnauthenticatedBind() {
    LdapAuthenticator auth = authenticator();
    assertEquals("invalid username or password", refused(auth, "alice", ""));
    refused(auth, "alice", null);
    refused(auth, "", "alice-pw");
    refused(auth, "   ", "alice-pw");
    refused(auth, null, "alice-pw");
  }

  @Test
  void filterInjectionIsImpossible() throws Exception {
    LdapAuthenticator auth = authenticator();
    for (String attack :
        List.of(
            "*",
            "ali*",
            "*)(uid=*",
            "alice)(uid=*",
            "alice)(|(uid=*",
            "*)(|(objectClass=*)",
            "(uid=alice)",
            "alice\\",
            "alice\\2a",
            "alice\u0000",
            "al\\69ce")) {
      AuthenticationException e =
          assertThrows(
              AuthenticationException.class,
              () -> auth.authenticate(attack, "alice-pw".toCharArray()),
              attack);
      assertEquals("invalid username or password", e.getMessage(), attack);
    }
    // A real name full of filter characters still works: it is matched literally.
    assertEquals(
        Set.of("reader"), auth.authenticate("o*neil(x)", "oneil-pw".toCharArray()).roles());
    refused(auth, "o*", "oneil-pw");
  }

  @Test
  void userInNoMappedGroupIsRefused() {
    String why = refused(authenticator(), "carol", "carol-pw");
    assertTrue(why.contains("no role"), why);
  }

  @Test
  void withoutMappingGroupNamesAreRoles() throws Exception {
    LdapSettings s = settings(server.getListenPort(), null);
    LdapSettings plain =
        new LdapSettings(
            s.url(),
            s.bindDn(),
            s.bindPassword(),
            s.userBaseDn(),
            s.userFilter(),
            s.groupBaseDn(),
            s.groupFilter(),
            s.groupNameAttribute(),
            Map.of(),
            s.tenant(),
            null,
            s.timeoutMillis());
    assertEquals(
        Set.of("staff"),
        open(plain, Duration.ZERO).authenticate("carol", "carol-pw".toCharArray()).roles());
  }

  @Test
  void ambiguousUserIsRefused() {
    assertEquals("invalid username or password", refused(authenticator(), "dup", "dup-pw"));
  }

  @Test
  void tenantAttributeOverridesTheDirectoryTenant() throws Exception {
    LdapAuthenticator auth =
        open(settings(server.getListenPort(), "departmentNumber"), Duration.ZERO);
    Identity dave = auth.authenticate("dave", "dave-pw".toCharArray());
    assertEquals("globex", dave.tenant());
    assertEquals(Set.of("writer", "reader"), dave.roles());
    assertEquals("acme", auth.authenticate("bob", "bob-pw".toCharArray()).tenant());
  }

  @Test
  void cachesSuccessfulLoginsOnlyForTheSamePassword() throws Exception {
    LdapAuthenticator cached = open(settings(server.getListenPort(), null), Duration.ofMinutes(1));
    LdapAuthenticator uncached = authenticator();
    cached.authenticate("bob", "bob-pw".toCharArray());
    server.modify(
        "dn: uid=bob,ou=people," + BASE,
        "changetype: modify",
        "replace: userPassword",
        "userPassword: new-pw");
    // Within the TTL the cached login holds without a bind...
    assertEquals("bob", cached.authenticate("bob", "bob-pw".toCharArray()).subject());
    // ...but only for exactly that user and password.
    refused(cached, "bob", "bob-pX");
    refused(cached, "Bob", "bob-pw".substring(0, 5));
    refused(uncached, "bob", "bob-pw");
    assertEquals("bob", cached.authenticate("bob", "new-pw".toCharArray()).subject());
    // Failures are not cached: a later correct login works.
    assertEquals("bob", uncached.authenticate("bob", "new-pw".toCharArray()).subject());
  }

  @Test
  void settingsNeverShowTheBindPassword() {
    String text = settings(389, null).toString();
    assertFalse(text.contains("service-pw"), text);
    assertTrue(text.contains("bindDn=" + SERVICE), text);
  }

  @Test
  void settingsAreValidated() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LdapSettings(
                "http://x", null, null, BASE, "(uid={0})", null, null, null, null, "t", null, 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LdapSettings(
                "ldap://x", null, null, BASE, "(uid=alice)", null, null, null, null, "t", null, 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LdapSettings(
                "ldap://x", null, null, BASE, "(uid={0}", null, null, null, null, "t", null, 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LdapSettings(
                "ldap://x", null, null, BASE, "(uid={0})", null, null, null, null, null, null, 0));
  }

  @Test
  void wrongServiceAccountIsADirectoryProblemNotTheUsers() {
    LdapSettings s = settings(server.getListenPort(), null);
    LdapSettings badService =
        new LdapSettings(
            s.url(),
            s.bindDn(),
            "wrong",
            s.userBaseDn(),
            s.userFilter(),
            s.groupBaseDn(),
            s.groupFilter(),
            s.groupNameAttribute(),
            s.groupRoleMapping(),
            s.tenant(),
            null,
            s.timeoutMillis());
    String why = refused(open(badService, Duration.ZERO), "alice", "alice-pw");
    assertTrue(why.startsWith("directory"), why);
  }

  @Test
  void stoppedServerIsReportedQuickly() throws Exception {
    LdapAuthenticator auth = authenticator();
    auth.authenticate("alice", "alice-pw".toCharArray());
    server.shutDown(true);
    String why =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(auth, "alice", "alice-pw"));
    assertEquals("directory unavailable", why);
  }

  @Test
  void startsWhileTheDirectoryIsDownAndRecoversWhenItIsBack() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    LdapAuthenticator auth = open(settings(port, null), Duration.ZERO);
    assertEquals("directory unavailable", refused(auth, "alice", "alice-pw"));
    InMemoryDirectoryServerConfig fixed = new InMemoryDirectoryServerConfig(config);
    fixed.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig(
            "ldap", InetAddress.getLoopbackAddress(), port, null));
    InMemoryDirectoryServer second = new InMemoryDirectoryServer(fixed);
    try {
      second.restoreSnapshot(server.createSnapshot());
      second.startListening();
      assertEquals("alice", auth.authenticate("alice", "alice-pw".toCharArray()).subject());
      // Pooled connections die with the server and are replaced when it returns.
      second.shutDown(true);
      assertEquals("directory unavailable", refused(auth, "bob", "bob-pw"));
      second.startListening();
      assertEquals("bob", auth.authenticate("bob", "bob-pw".toCharArray()).subject());
    } finally {
      second.shutDown(true);
    }
  }

  @Test
  void silentServerTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (IOException ignored) {
                  // closed
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      LdapSettings s = settings(silent.getLocalPort(), null);
      LdapSettings quick =
          new LdapSettings(
              s.url(),
              s.bindDn(),
              s.bindPassword(),
              s.userBaseDn(),
              s.userFilter(),
              s.groupBaseDn(),
              s.groupFilter(),
              s.groupNameAttribute(),
              s.groupRoleMapping(),
              s.tenant(),
              null,
              500);
      String why =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () -> refused(open(quick, Duration.ZERO), "alice", "alice-pw"));
      assertEquals("directory unavailable", why);
      for (Socket s2 : held) {
        s2.close();
      }
    }
  }

  @Test
  void activeDirectoryLikeSettingsWork() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=corp,dc=example");
    config.setSchema(null); // AD attributes are not in the standard schema
    config.addAdditionalBindCredentials("cn=svc-vjvector,cn=Users,dc=corp,dc=example", "svc-pw");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    InMemoryDirectoryServer ad = new InMemoryDirectoryServer(config);
    try {
      ad.add("dn: dc=corp,dc=example", "objectClass: domain", "dc: corp");
      ad.add("dn: cn=Users,dc=corp,dc=example", "objectClass: container", "cn: Users");
      ad.add(
          "dn: cn=Alice Smith,cn=Users,dc=corp,dc=example",
          "objectClass: user",
          "cn: Alice Smith",
          "sAMAccountName: asmith",
          "userPrincipalName: asmith@corp.example",
          "userPassword: Secret#1");
      ad.add(
          "dn: cn=Bob Jones,cn=Users,dc=corp,dc=example",
          "objectClass: user",
          "cn: Bob Jones",
          "sAMAccountName: bjones",
          "memberOf: CN=VectorAdmins,cn=Users,dc=corp,dc=example",
          "userPassword: Secret#2");
      ad.add(
          "dn: cn=VectorWriters,cn=Users,dc=corp,dc=example",
          "objectClass: group",
          "cn: VectorWriters",
          "member: cn=Alice Smith,cn=Users,dc=corp,dc=example");
      ad.startListening();
      LdapSettings settings =
          new LdapSettings(
              "ldap://127.0.0.1:" + ad.getListenPort(),
              "cn=svc-vjvector,cn=Users,dc=corp,dc=example",
              "svc-pw",
              "cn=Users,dc=corp,dc=example",
              "(&(objectClass=user)(sAMAccountName={0}))",
              "cn=Users,dc=corp,dc=example",
              "(&(objectClass=group)(member={0}))",
              "cn",
              Map.of(
                  "VectorWriters", "writer",
                  "CN=VectorAdmins,CN=Users,DC=corp,DC=example", "tenant-admin"),
              "corp",
              null,
              2000);
      LdapAuthenticator auth = open(settings, Duration.ZERO);
      Identity alice = auth.authenticate("asmith", "Secret#1".toCharArray());
      assertEquals(Set.of("writer"), alice.roles());
      assertEquals("corp", alice.tenant());
      // memberOf on the user entry is honoured when present.
      assertEquals(
          Set.of("tenant-admin"), auth.authenticate("bjones", "Secret#2".toCharArray()).roles());
      refused(auth, "asmith", "Secret#2");
      refused(auth, "Alice Smith", "Secret#1");
    } finally {
      ad.shutDown(true);
    }
  }
}
