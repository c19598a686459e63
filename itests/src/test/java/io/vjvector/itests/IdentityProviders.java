package io.vjvector.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.sun.net.httpserver.HttpServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ops4j.pax.exam.Option;

/**
 * The identity providers of the sign-in itest, run by the test driver (outside the container) on
 * 127.0.0.1: an OIDC JWKS endpoint, an LDAP directory (UnboundID's in-memory server, speaking real
 * LDAP) and a SAML IdP key made with keytool. The node is configured to trust them; the tests in
 * the container sign tokens and assertions with the keys left in a directory.
 */
final class IdentityProviders {
  static final String CFG = "etc/io.vjvector.security.cfg";
  static final String ISSUER = "https://idp.test";
  static final String AUDIENCE = "vjvector-itest";
  static final String SP = "https://vjvector.test/sp";
  static final String BASE = "dc=example,dc=com";

  /** Kept for the driver's lifetime: the node calls them during the tests. */
  private static final List<Object> RUNNING = new ArrayList<>();

  private IdentityProviders() {}

  static Option[] start(Path dir, int httpPort) throws Exception {
    Files.createDirectories(dir);
    // OIDC: an RSA key; its public half served as a JWKS, its private half left for the tests
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair pair = g.generateKeyPair();
    Files.write(dir.resolve("jwt.key"), pair.getPrivate().getEncoded());
    RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
    byte[] jwks =
        ("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"itest-1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64(pub.getModulus())
                + "\",\"e\":\""
                + b64(pub.getPublicExponent())
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    server.start();
    RUNNING.add(server);

    // LDAP: alice reads, bob administers the default tenant, carol is in no mapped group
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials("cn=admin," + BASE, "admin-pw");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    InMemoryDirectoryServer ldap = new InMemoryDirectoryServer(config);
    ldap.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
    ldap.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    ldap.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
    for (String user : List.of("alice", "bob", "carol")) {
      ldap.add(
          "dn: uid=" + user + ",ou=people," + BASE,
          "objectClass: inetOrgPerson",
          "uid: " + user,
          "cn: " + user,
          "sn: " + user,
          "userPassword: " + user + "-pw");
    }
    ldap.add(
        "dn: cn=vjv-readers,ou=groups," + BASE,
        "objectClass: groupOfNames",
        "cn: vjv-readers",
        "member: uid=alice,ou=people," + BASE);
    ldap.add(
        "dn: cn=vjv-admins,ou=groups," + BASE,
        "objectClass: groupOfNames",
        "cn: vjv-admins",
        "member: uid=bob,ou=people," + BASE);
    ldap.add(
        "dn: cn=others,ou=groups," + BASE,
        "objectClass: groupOfNames",
        "cn: others",
        "member: uid=carol,ou=people," + BASE);
    ldap.startListening();
    RUNNING.add(ldap);

    // SAML: the IdP's signing key and certificate, made the way an operator would
    Path p12 = dir.resolve("idp.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "idp",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=itest-idp",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        p12.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "idp",
        "-keystore",
        p12.toString(),
        "-storepass",
        "changeit",
        "-file",
        dir.resolve("idp.pem").toString());

    String jwksUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    return new Option[] {
      editConfigurationFilePut("etc/system.properties", "vjv.itest.idp.dir", dir.toString()),
      editConfigurationFilePut(CFG, "jwt.issuer", ISSUER),
      editConfigurationFilePut(CFG, "jwt.audience", AUDIENCE),
      editConfigurationFilePut(CFG, "jwt.jwksUrl", jwksUrl),
      editConfigurationFilePut(CFG, "ldap.url", "ldap://127.0.0.1:" + ldap.getListenPort()),
      editConfigurationFilePut(CFG, "ldap.bindDn", "cn=admin," + BASE),
      editConfigurationFilePut(CFG, "ldap.bindPassword", "admin-pw"),
      editConfigurationFilePut(CFG, "ldap.userBaseDn", "ou=people," + BASE),
      editConfigurationFilePut(CFG, "ldap.groupBaseDn", "ou=groups," + BASE),
      editConfigurationFilePut(
          CFG, "ldap.groupRoleMapping", "vjv-readers=reader,vjv-admins=tenant-admin"),
      editConfigurationFilePut(CFG, "saml.spEntityId", SP),
      editConfigurationFilePut(
          CFG, "saml.acsUrl", "http://127.0.0.1:" + httpPort + "/api/v1/auth/saml/acs"),
      editConfigurationFilePut(CFG, "saml.idpEntityId", ISSUER),
      editConfigurationFilePut(CFG, "saml.idpCertificateFile", dir.resolve("idp.pem").toString()),
      editConfigurationFilePut(CFG, "saml.defaultTenant", "default"),
    };
  }

  private static String b64(BigInteger v) {
    byte[] b = v.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      byte[] t = new byte[b.length - 1];
      System.arraycopy(b, 1, t, 0, t.length);
      b = t;
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + out);
    }
  }
}
