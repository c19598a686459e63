package io.vjvector.security.internal.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password against an LDAP directory and maps the user's groups to roles,
 * giving an {@link Identity} with method {@code ldap}.
 *
 * <p>The user is searched with the service account (the user name escaped, so filter injection is
 * impossible), exactly one entry must match, and the password is checked by binding as that entry.
 * Successful logins are cached briefly under a salted hash of user name and password, so HTTP Basic
 * on every request does not bind every time; the password itself is never kept.
 */
public final class LdapAuthenticator implements AutoCloseable {
  /** How long successful logins are cached by default. */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(LdapAuthenticator.class);
  private static final String INVALID = "invalid username or password";
  private static final String UNAVAILABLE = "directory unavailable";
  private static final int MAX_USERNAME_CHARS = 256;
  private static final int MAX_PASSWORD_CHARS = 1024;
  private static final int MAX_CONNECTIONS = 8;
  private static final Set<ResultCode> WRONG_CREDENTIALS =
      Set.of(
          ResultCode.INVALID_CREDENTIALS,
          ResultCode.INAPPROPRIATE_AUTHENTICATION,
          ResultCode.UNWILLING_TO_PERFORM,
          ResultCode.INVALID_DN_SYNTAX,
          ResultCode.NO_SUCH_OBJECT);

  private final LdapSettings settings;
  private final LDAPConnectionPool searchPool;
  private final LDAPConnectionPool bindPool;
  private final Map<String, String> groupRoles;
  private final Cache<String, Identity> cache;
  private final byte[] salt = new byte[32];

  /**
   * Creates the authenticator with logins cached for {@link #DEFAULT_CACHE_TTL}. Connecting is
   * attempted now but a directory that is down does not fail construction.
   *
   * @param settings the settings
   */
  public LdapAuthenticator(LdapSettings settings) {
    this(settings, DEFAULT_CACHE_TTL);
  }

  /**
   * Creates the authenticator.
   *
   * @param settings the settings
   * @param cacheTtl how long a successful login is remembered; zero disables the cache
   */
  public LdapAuthenticator(LdapSettings settings, Duration cacheTtl) {
    this.settings = settings;
    this.groupRoles = normalizeMapping(settings.groupRoleMapping());
    new SecureRandom().nextBytes(salt);
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(cacheTtl.isNegative() ? Duration.ZERO : cacheTtl)
            .maximumSize(cacheTtl.isZero() || cacheTtl.isNegative() ? 0 : 10_000)
            .build();

    LDAPURL url;
    try {
      url = new LDAPURL(settings.url());
    } catch (LDAPException e) {
      throw new IllegalArgumentException("LDAP url is malformed", e);
    }
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(settings.timeoutMillis());
    options.setResponseTimeoutMillis(settings.timeoutMillis());
    options.setAbandonOnTimeout(true);
    options.setBindWithDNRequiresPassword(true);
    SocketFactory sockets = SocketFactory.getDefault();
    if ("ldaps".equalsIgnoreCase(url.getScheme())) {
      try {
        sockets = new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("TLS is not available for LDAPS", e);
      }
      options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    }
    SingleServerSet servers = new SingleServerSet(url.getHost(), url.getPort(), sockets, options);
    SimpleBindRequest serviceBind =
        settings.bindDn() == null
            ? null
            : new SimpleBindRequest(
                settings.bindDn(), settings.bindPassword() == null ? "" : settings.bindPassword());
    try {
      this.searchPool =
          new LDAPConnectionPool(servers, serviceBind, 1, MAX_CONNECTIONS, 1, null, false);
      this.bindPool = new LDAPConnectionPool(servers, null, 1, MAX_CONNECTIONS, 1, null, false);
    } catch (LDAPException e) {
      throw new IllegalStateException("cannot create the LDAP connection pool", e);
    }
    for (LDAPConnectionPool pool : List.of(searchPool, bindPool)) {
      pool.setMaxWaitTimeMillis(settings.timeoutMillis());
      pool.setRetryFailedOperationsDueToInvalidConnections(true);
      pool.setConnectionPoolName("vjvector-ldap");
    }
  }

  /**
   * Checks a user name and password.
   *
   * @param username the user name as typed
   * @param password the password; not kept, not cleared
   * @return the identity
   * @throws AuthenticationException if the credentials are wrong, the user has no mapped role or no
   *     tenant, or the directory is unavailable ({@code directory unavailable})
   */
  public Identity authenticate(String username, char[] password) throws AuthenticationException {
    if (username == null
        || username.isBlank()
        || username.length() > MAX_USERNAME_CHARS
        || password == null
        || password.length == 0
        || password.length > MAX_PASSWORD_CHARS) {
      throw new AuthenticationException(INVALID);
    }
    for (int i = 0; i < username.length(); i++) {
      if (Character.isISOControl(username.charAt(i))) {
        throw new AuthenticationException(INVALID);
      }
    }
    String user = username.strip();
    byte[] passwordBytes = utf8(password);
    try {
      String key = cacheKey(user, passwordBytes);
      Identity cached = cache.getIfPresent(key);
      if (cached != null) {
        return cached;
      }
      Identity identity = check(user, passwordBytes);
      cache.put(key, identity);
      return identity;
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  private Identity check(String user, byte[] password) throws AuthenticationException {
    String escapedUser = Filter.encodeValue(user);
    List<String> userAttributes = new ArrayList<>(List.of("memberOf"));
    if (settings.tenantAttribute() != null) {
      userAttributes.add(settings.tenantAttribute());
    }
    SearchResultEntry entry;
    try {
      Filter filter = Filter.create(settings.userFilter().replace("{0}", escapedUser));
      SearchRequest request =
          new SearchRequest(
              settings.userBaseDn(),
              SearchScope.SUB,
              DereferencePolicy.NEVER,
              2,
              timeLimitSeconds(),
              false,
              filter,
              userAttributes.toArray(String[]::new));
      SearchResult result = searchPool.search(request);
      if (result.getEntryCount() != 1) {
        throw new AuthenticationException(INVALID);
      }
      entry = result.getSearchEntries().get(0);
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
        LOG.warn("LDAP user search matched more than one entry; login refused");
        throw new AuthenticationException(INVALID);
      }
      throw failure("user search", e);
    }

    SimpleBindRequest userBind = new SimpleBindRequest(entry.getDN(), password);
    try {
      bindPool.bind(userBind);
    } catch (LDAPException e) {
      if (WRONG_CREDENTIALS.contains(e.getResultCode())) {
        throw new AuthenticationException(INVALID);
      }
      throw failure("user bind", e);
    }

    Set<String> roles = roles(entry, user);
    if (roles.isEmpty()) {
      throw new AuthenticationException("user has no role in this server");
    }
    String tenant = settings.tenant();
    if (settings.tenantAttribute() != null) {
      String value = entry.getAttributeValue(settings.tenantAttribute());
      if (value != null && !value.isBlank()) {
        tenant = value.trim();
      }
    }
    if (tenant == null) {
      throw new AuthenticationException("user has no tenant");
    }
    return new Identity(user, tenant, roles, Set.of(), "ldap");
  }

  private Set<String> roles(SearchResultEntry user, String username)
      throws AuthenticationException {
    Set<String> groupKeys = new LinkedHashSet<>();
    Attribute memberOf = user.getAttribute("memberOf");
    if (memberOf != null) {
      for (String dn : memberOf.getValues()) {
        addGroup(groupKeys, dn, null);
      }
    }
    if (settings.groupBaseDn() != null) {
      try {
        Filter filter =
            Filter.create(
                settings
                    .groupFilter()
                    .replace("{0}", Filter.encodeValue(user.getDN()))
                    .replace("{1}", Filter.encodeValue(username)));
        SearchRequest request =
            new SearchRequest(
                settings.groupBaseDn(),
                SearchScope.SUB,
                DereferencePolicy.NEVER,
                1000,
                timeLimitSeconds(),
                false,
                filter,
                settings.groupNameAttribute());
        for (SearchResultEntry group : searchPool.search(request).getSearchEntries()) {
          addGroup(
              groupKeys, group.getDN(), group.getAttributeValues(settings.groupNameAttribute()));
        }
      } catch (LDAPException e) {
        throw failure("group search", e);
      }
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String key : groupKeys) {
      if (groupRoles.isEmpty()) {
        if (!key.startsWith("dn:")) {
          roles.add(key.substring("name:".length()));
        }
      } else {
        String role = groupRoles.get(key.toLowerCase(Locale.ROOT));
        if (role != null) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  /** Adds "dn:normalized-dn" and "name:group-name" keys for one group. */
  private void addGroup(Set<String> keys, String dn, String[] names) {
    try {
      DN parsed = new DN(dn);
      keys.add("dn:" + parsed.toNormalizedString());
      if (names == null) {
        RDN rdn = parsed.getRDN();
        if (rdn != null) {
          for (int i = 0; i < rdn.getAttributeNames().length; i++) {
            if (rdn.getAttributeNames()[i].equalsIgnoreCase(settings.groupNameAttribute())) {
              keys.add("name:" + rdn.getAttributeValues()[i]);
            }
          }
        }
      }
    } catch (LDAPException e) {
      LOG.debug("Ignoring a group with a malformed DN");
    }
    if (names != null) {
      for (String name : names) {
        keys.add("name:" + name);
      }
    }
  }

  private static Map<String, String> normalizeMapping(Map<String, String> mapping) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, String> e : mapping.entrySet()) {
      String key = e.getKey().trim();
      String role = e.getValue() == null ? "" : e.getValue().trim();
      if (key.isEmpty() || role.isEmpty()) {
        continue;
      }
      String normalized = "name:" + key;
      if (key.contains("=")) {
        try {
          normalized = "dn:" + new DN(key).toNormalizedString();
        } catch (LDAPException ex) {
          // not a DN: a group name with '='
        }
      }
      out.put(normalized.toLowerCase(Locale.ROOT), role);
    }
    return Map.copyOf(out);
  }

  private AuthenticationException failure(String what, LDAPException e) {
    ResultCode code = e.getResultCode();
    boolean unavailable =
        code == ResultCode.SERVER_DOWN
            || code == ResultCode.CONNECT_ERROR
            || code == ResultCode.TIMEOUT
            || code == ResultCode.TIME_LIMIT_EXCEEDED
            || code == ResultCode.UNAVAILABLE
            || code == ResultCode.BUSY
            || code == ResultCode.LOCAL_ERROR
            || code == ResultCode.DECODING_ERROR
            || code == ResultCode.ENCODING_ERROR
            || code == ResultCode.INVALID_CREDENTIALS // the service account's
            || !code.isConnectionUsable();
    LOG.warn("LDAP {} failed: {}", what, code);
    return new AuthenticationException(unavailable ? UNAVAILABLE : "directory error", e);
  }

  private int timeLimitSeconds() {
    return Math.max(1, (settings.timeoutMillis() + 999) / 1000);
  }

  private String cacheKey(String user, byte[] password) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] name = user.getBytes(StandardCharsets.UTF_8);
    sha.update(salt);
    sha.update(ByteBuffer.allocate(4).putInt(name.length).array());
    sha.update(name);
    sha.update(password);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** Forgets the cached logins and closes the connections. */
  @Override
  public void close() {
    cache.invalidateAll();
    searchPool.close();
    bindPool.close();
  }
}
