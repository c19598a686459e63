package io.vjvector.security.internal;

import io.vjvector.security.ApiKey;
import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import io.vjvector.security.Permission;
import io.vjvector.security.Role;
import io.vjvector.security.Security;
import io.vjvector.security.Tenant;
import io.vjvector.security.TenantLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants, API keys and roles, persisted in the state directory, and the authentication of every
 * kind of credential the node accepts.
 */
@Component(
    service = Security.class,
    configurationPid = SecurityConfig.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SecurityConfig.class)
public class SecurityService implements Security {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityService.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern ROLE_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  static final Map<String, Role> BUILT_IN = builtIns();

  private final StateFile stateFile;
  private final ApiKeyCodec codec = new ApiKeyCodec(new SecureRandom());
  private final Clock clock;
  private final ExternalIdentities external;

  /**
   * The state and its lookups, replaced whole under this object's lock once a change is on disk,
   * and never mutated after: every request reads it without a lock.
   */
  private volatile Snapshot snapshot;

  /** The persisted state and what requests look up in it. */
  private record Snapshot(
      StateFile.State state,
      Map<String, StateFile.KeyRecord> keysById,
      Map<String, Tenant> tenants,
      Map<String, Map<String, Set<Permission>>> roles) {
    static Snapshot of(StateFile.State state) {
      Map<String, StateFile.KeyRecord> keys = new java.util.HashMap<>();
      for (StateFile.KeyRecord k : state.keys) {
        keys.put(k.id, k);
      }
      Map<String, Tenant> tenants = new TreeMap<>();
      for (StateFile.TenantRecord t : state.tenants) {
        tenants.put(t.name, tenantOf(t));
      }
      Map<String, Map<String, Set<Permission>>> roles = new java.util.HashMap<>();
      state.roles.forEach(
          (tenant, byName) -> {
            Map<String, Set<Permission>> parsed = new TreeMap<>();
            byName.forEach(
                (name, perms) ->
                    parsed.put(
                        name,
                        Set.copyOf(
                            perms.stream().map(Permission::of).collect(Collectors.toList()))));
            roles.put(tenant, java.util.Collections.unmodifiableMap(parsed));
          });
      return new Snapshot(
          state,
          Map.copyOf(keys),
          java.util.Collections.unmodifiableMap(tenants),
          Map.copyOf(roles));
    }
  }

  private static final java.time.Duration MAX_SESSION = java.time.Duration.ofHours(12);
  private static final String SESSION_PREFIX = "vjs_";

  /** Session token hash to identity and expiry. */
  private final com.github.benmanes.caffeine.cache.Cache<String, Session> sessions =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
          .expireAfterWrite(MAX_SESSION)
          .maximumSize(100_000)
          .build();

  private record Session(Identity identity, long expires) {}

  /**
   * Starts from the configuration.
   *
   * @param config the settings
   */
  @Activate
  public SecurityService(SecurityConfig config) {
    this(stateDir(config), bootstrapFile(config), Clock.systemUTC(), ExternalIdentities.of(config));
  }

  SecurityService(Path stateDir, Path bootstrapFile, Clock clock, ExternalIdentities external) {
    this.stateFile = new StateFile(stateDir.resolve("state.json"));
    this.clock = clock;
    this.external = external;
    synchronized (this) {
      StateFile.State state = stateFile.load();
      if (state.tenants.stream().noneMatch(t -> DEFAULT_TENANT.equals(t.name))) {
        StateFile.TenantRecord t = new StateFile.TenantRecord();
        t.name = DEFAULT_TENANT;
        t.status = Tenant.Status.ACTIVE.name();
        t.created = clock.millis();
        state.tenants.add(t);
        stateFile.save(state);
      }
      snapshot = Snapshot.of(state);
      bootstrap(bootstrapFile);
    }
  }

  @Deactivate
  void deactivate() {
    external.close();
  }

  static Path stateDir(SecurityConfig config) {
    if (!config.stateDir().isBlank()) {
      return Paths.get(config.stateDir());
    }
    String data = System.getProperty("karaf.data");
    return data != null
        ? Paths.get(data, "vjvector-security")
        : Paths.get("data", "vjvector-security");
  }

  private static Path bootstrapFile(SecurityConfig config) {
    return config.bootstrapKeyFile().isBlank()
        ? stateDir(config).resolve("admin.key")
        : Paths.get(config.bootstrapKeyFile());
  }

  /**
   * A fresh node has no platform administrator: create one key and leave its token in a file only
   * the node's user can read. The token is never logged.
   */
  private void bootstrap(Path file) {
    StateFile.State state = snapshot.state();
    boolean hasAdmin =
        state.keys.stream().anyMatch(k -> k.revoked == 0 && k.roles.contains(PLATFORM_ADMIN));
    if (hasAdmin || state.keys.stream().anyMatch(k -> "bootstrap".equals(k.name))) {
      return;
    }
    ApiKey.Created created =
        createKey(DEFAULT_TENANT, "bootstrap", Set.of(PLATFORM_ADMIN), Set.of(), null);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.write(
          file,
          (created.token() + "\n").getBytes(StandardCharsets.US_ASCII),
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bootstrap admin key to " + file, e);
    }
    LOG.info("Created the first platform-admin API key; its token is in {}", file);
  }

  private static Map<String, Role> builtIns() {
    Map<String, Role> m = new LinkedHashMap<>();
    m.put(PLATFORM_ADMIN, new Role(PLATFORM_ADMIN, EnumSet.allOf(Permission.class), true));
    m.put(
        TENANT_ADMIN,
        new Role(
            TENANT_ADMIN,
            EnumSet.of(
                Permission.DATA_READ,
                Permission.DATA_WRITE,
                Permission.COLLECTIONS_MANAGE,
                Permission.TENANT_ADMIN,
                Permission.DATA_SUBJECT),
            true));
    m.put(WRITER, new Role(WRITER, EnumSet.of(Permission.DATA_READ, Permission.DATA_WRITE), true));
    m.put(READER, new Role(READER, EnumSet.of(Permission.DATA_READ), true));
    return Map.copyOf(m);
  }

  // ---- authentication

  @Override
  public Identity authenticate(String authorization) throws AuthenticationException {
    if (authorization == null || authorization.isBlank()) {
      throw new AuthenticationException("credentials required");
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    String credential = space < 0 ? "" : value.substring(space + 1).strip();
    Identity id;
    if ("Bearer".equalsIgnoreCase(scheme)) {
      if (credential.startsWith(ApiKeyCodec.PREFIX)) {
        id = apiKey(credential);
      } else if (credential.startsWith(SESSION_PREFIX)) {
        id = session(credential);
      } else {
        id = external.jwt(credential);
      }
    } else if ("Basic".equalsIgnoreCase(scheme)) {
      id = basic(credential);
    } else {
      throw new AuthenticationException("unsupported authorization scheme");
    }
    return checkExternal(id);
  }

  @Override
  public Identity authenticateSaml(String samlResponse) throws AuthenticationException {
    return checkExternal(external.saml(samlResponse));
  }

  @Override
  public String openSession(Identity identity, java.time.Duration ttl) {
    java.time.Duration d = ttl.compareTo(MAX_SESSION) > 0 ? MAX_SESSION : ttl;
    String token = SESSION_PREFIX + codec.newSecret();
    sessions.put(sessionKey(token), new Session(identity, clock.millis() + d.toMillis()));
    return token;
  }

  private Identity session(String token) throws AuthenticationException {
    Session s = sessions.getIfPresent(sessionKey(token));
    if (s == null || clock.millis() >= s.expires()) {
      throw new AuthenticationException("invalid or expired session");
    }
    return s.identity();
  }

  private static String sessionKey(String token) {
    return Base64.getEncoder().encodeToString(ApiKeyCodec.hash(new byte[0], token));
  }

  private Identity basic(String credential) throws AuthenticationException {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("malformed basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw new AuthenticationException("malformed basic credentials");
    }
    return external.ldap(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
  }

  /** Identities from outside must name an existing tenant; unknown roles are dropped. */
  private Identity checkExternal(Identity id) throws AuthenticationException {
    if ("jwt".equals(id.method()) || "ldap".equals(id.method()) || "saml".equals(id.method())) {
      if (tenant(id.tenant()).isEmpty()) {
        throw new AuthenticationException("unknown tenant");
      }
      Set<String> known = roleNames(id.tenant());
      Set<String> roles =
          id.roles().stream()
              .filter(known::contains)
              .filter(r -> !PLATFORM_ADMIN.equals(r) || DEFAULT_TENANT.equals(id.tenant()))
              .collect(Collectors.toSet());
      if (roles.isEmpty()) {
        throw new AuthenticationException("no role granted");
      }
      return new Identity(id.subject(), id.tenant(), roles, id.collections(), id.method());
    }
    return id;
  }

  private Identity apiKey(String token) throws AuthenticationException {
    String[] parts = ApiKeyCodec.parse(token);
    if (parts == null) {
      throw new AuthenticationException("malformed API key");
    }
    StateFile.KeyRecord k = snapshot.keysById().get(parts[0]);
    if (k == null) {
      // same work as for a known key: no timing difference between unknown id and wrong secret
      ApiKeyCodec.matches(new byte[16], new byte[32], parts[1]);
      throw new AuthenticationException("invalid API key");
    }
    if (!ApiKeyCodec.matches(
        Base64.getDecoder().decode(k.salt), Base64.getDecoder().decode(k.hash), parts[1])) {
      throw new AuthenticationException("invalid API key");
    }
    if (k.revoked != 0) {
      throw new AuthenticationException("API key revoked");
    }
    if (k.expires != 0 && clock.millis() >= k.expires) {
      throw new AuthenticationException("API key expired");
    }
    return new Identity(
        "key:" + k.id, k.tenant, Set.copyOf(k.roles), Set.copyOf(k.collections), "api-key");
  }

  // ---- permissions

  @Override
  public Set<Permission> permissions(Identity identity) {
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    Map<String, Set<Permission>> custom = customRoles(identity.tenant());
    for (String r : identity.roles()) {
      Role b = BUILT_IN.get(r);
      if (b != null) {
        if (!PLATFORM_ADMIN.equals(r) || DEFAULT_TENANT.equals(identity.tenant())) {
          out.addAll(b.permissions());
        }
      } else if (custom.containsKey(r)) {
        out.addAll(custom.get(r));
      }
    }
    return out;
  }

  private Map<String, Set<Permission>> customRoles(String tenant) {
    return snapshot.roles().getOrDefault(tenant, Map.of());
  }

  private Set<String> roleNames(String tenant) {
    Set<String> names = new TreeSet<>(BUILT_IN.keySet());
    names.addAll(customRoles(tenant).keySet());
    return names;
  }

  // ---- tenants

  @Override
  public List<Tenant> tenants() {
    return List.copyOf(snapshot.tenants().values());
  }

  @Override
  public Optional<Tenant> tenant(String name) {
    return Optional.ofNullable(snapshot.tenants().get(name));
  }

  @Override
  public synchronized Tenant createTenant(String name, TenantLimits limits) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "tenant names are 1 to 64 of a-z, 0-9, '_' and '-', starting with a letter or digit");
    }
    if (tenant(name).isPresent()) {
      throw new IllegalStateException("tenant '" + name + "' already exists");
    }
    StateFile.TenantRecord t = new StateFile.TenantRecord();
    t.name = name;
    t.status = Tenant.Status.ACTIVE.name();
    t.created = clock.millis();
    t.limits = limitsArray(limits == null ? TenantLimits.DEFAULTS : limits);
    StateFile.State next = copy();
    next.tenants.add(t);
    publish(next);
    return tenantOf(t);
  }

  @Override
  public synchronized Tenant updateTenant(String name, Tenant.Status status, TenantLimits limits) {
    StateFile.State next = copy();
    StateFile.TenantRecord t =
        next.tenants.stream()
            .filter(x -> x.name.equals(name))
            .findFirst()
            .orElseThrow(() -> new NoSuchElementException("no tenant '" + name + "'"));
    if (status != null) {
      if (DEFAULT_TENANT.equals(name) && status == Tenant.Status.SUSPENDED) {
        throw new IllegalStateException("the default tenant cannot be suspended");
      }
      t.status = status.name();
    }
    if (limits != null) {
      t.limits = limitsArray(limits);
    }
    publish(next);
    return tenantOf(t);
  }

  @Override
  public synchronized boolean deleteTenant(String name) {
    if (DEFAULT_TENANT.equals(name)) {
      throw new IllegalStateException("the default tenant cannot be deleted");
    }
    StateFile.State next = copy();
    boolean removed = next.tenants.removeIf(t -> t.name.equals(name));
    if (!removed) {
      return false;
    }
    next.keys.removeIf(k -> k.tenant.equals(name));
    next.roles.remove(name);
    publish(next);
    return true;
  }

  // ---- keys

  @Override
  public List<ApiKey> keys(String tenant) {
    requireTenant(tenant);
    return snapshot.state().keys.stream()
        .filter(k -> k.tenant.equals(tenant))
        .map(SecurityService::keyOf)
        .sorted(Comparator.comparing(ApiKey::created).thenComparing(ApiKey::id))
        .collect(Collectors.toList());
  }

  @Override
  public synchronized ApiKey.Created createKey(
      String tenant, String name, Set<String> roles, Set<String> collections, Instant expires) {
    requireTenant(tenant);
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a key needs at least one role");
    }
    Set<String> known = roleNames(tenant);
    for (String r : roles) {
      if (!known.contains(r)) {
        throw new IllegalArgumentException("unknown role '" + r + "'");
      }
      if (PLATFORM_ADMIN.equals(r) && !DEFAULT_TENANT.equals(tenant)) {
        throw new IllegalArgumentException("platform-admin keys belong to the default tenant");
      }
    }
    if (expires != null && !expires.isAfter(clock.instant())) {
      throw new IllegalArgumentException("'expires' must be in the future");
    }
    StateFile.KeyRecord k = new StateFile.KeyRecord();
    k.id = codec.newId();
    k.tenant = tenant;
    k.name = name == null ? "" : name;
    k.roles = new ArrayList<>(new TreeSet<>(roles));
    k.collections = new ArrayList<>(new TreeSet<>(collections == null ? Set.of() : collections));
    k.created = clock.millis();
    k.expires = expires == null ? 0 : expires.toEpochMilli();
    String secret = setSecret(k);
    StateFile.State next = copy();
    next.keys.add(k);
    publish(next);
    return new ApiKey.Created(keyOf(k), ApiKeyCodec.token(k.id, secret));
  }

  private String setSecret(StateFile.KeyRecord k) {
    String secret = codec.newSecret();
    byte[] salt = codec.newSalt();
    k.salt = Base64.getEncoder().encodeToString(salt);
    k.hash = Base64.getEncoder().encodeToString(ApiKeyCodec.hash(salt, secret));
    return secret;
  }

  @Override
  public synchronized ApiKey revokeKey(String tenant, String id) {
    StateFile.State next = copy();
    StateFile.KeyRecord k = findKey(next, tenant, id);
    if (k.revoked == 0) {
      k.revoked = clock.millis();
      publish(next);
    }
    return keyOf(k);
  }

  @Override
  public synchronized ApiKey.Created rotateKey(String tenant, String id) {
    StateFile.State next = copy();
    StateFile.KeyRecord k = findKey(next, tenant, id);
    if (k.revoked != 0) {
      throw new IllegalStateException("key '" + id + "' is revoked");
    }
    String secret = setSecret(k);
    k.created = clock.millis();
    publish(next);
    return new ApiKey.Created(keyOf(k), ApiKeyCodec.token(k.id, secret));
  }

  private static StateFile.KeyRecord findKey(StateFile.State s, String tenant, String id) {
    return s.keys.stream()
        .filter(k -> k.id.equals(id) && k.tenant.equals(tenant))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no key '" + id + "'"));
  }

  // ---- roles

  @Override
  public List<Role> roles(String tenant) {
    requireTenant(tenant);
    List<Role> out = new ArrayList<>(BUILT_IN.values());
    out.sort(Comparator.comparing(Role::name));
    customRoles(tenant).forEach((name, perms) -> out.add(new Role(name, perms, false)));
    return out;
  }

  @Override
  public synchronized Role putRole(String tenant, String name, Set<Permission> permissions) {
    requireTenant(tenant);
    if (name == null || !ROLE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("role names are 1 to 64 of a-z, 0-9, '.', '_' and '-'");
    }
    if (BUILT_IN.containsKey(name)) {
      throw new IllegalStateException("'" + name + "' is a built-in role");
    }
    if (permissions == null || permissions.isEmpty()) {
      throw new IllegalArgumentException("a role needs at least one permission");
    }
    if (permissions.contains(Permission.PLATFORM_ADMIN)) {
      throw new IllegalArgumentException("custom roles cannot grant platform:admin");
    }
    StateFile.State next = copy();
    next.roles
        .computeIfAbsent(tenant, t -> new TreeMap<>())
        .put(
            name,
            permissions.stream()
                .map(Permission::externalName)
                .sorted()
                .collect(Collectors.toList()));
    publish(next);
    return new Role(name, permissions, false);
  }

  @Override
  public synchronized boolean deleteRole(String tenant, String name) {
    requireTenant(tenant);
    if (BUILT_IN.containsKey(name)) {
      throw new IllegalStateException("'" + name + "' is a built-in role");
    }
    StateFile.State next = copy();
    Map<String, List<String>> roles = next.roles.get(tenant);
    if (roles == null || roles.remove(name) == null) {
      return false;
    }
    publish(next);
    return true;
  }

  // ---- state

  private void requireTenant(String tenant) {
    if (tenant(tenant).isEmpty()) {
      throw new NoSuchElementException("no tenant '" + tenant + "'");
    }
  }

  /** A deep copy to change; the live state is only replaced once the copy is on disk. */
  private StateFile.State copy() {
    return StateFile.copy(snapshot.state());
  }

  private void publish(StateFile.State next) {
    stateFile.save(next);
    snapshot = Snapshot.of(next);
  }

  private static Tenant tenantOf(StateFile.TenantRecord t) {
    long[] l = t.limits == null || t.limits.length < 6 ? new long[6] : t.limits;
    return new Tenant(
        t.name,
        Tenant.Status.valueOf(t.status),
        Instant.ofEpochMilli(t.created),
        new TenantLimits(l[0], l[1], l[2], l[3], l[4], l[5]));
  }

  private static long[] limitsArray(TenantLimits l) {
    return new long[] {
      l.maxCollections(),
      l.maxPoints(),
      l.maxStoredBytes(),
      l.readsPerSecond(),
      l.writesPerSecond(),
      l.adminPerSecond()
    };
  }

  private static ApiKey keyOf(StateFile.KeyRecord k) {
    return new ApiKey(
        k.id,
        k.tenant,
        k.name,
        Set.copyOf(k.roles),
        Set.copyOf(k.collections),
        Instant.ofEpochMilli(k.created),
        k.expires == 0 ? null : Instant.ofEpochMilli(k.expires),
        k.revoked == 0 ? null : Instant.ofEpochMilli(k.revoked));
  }
}
