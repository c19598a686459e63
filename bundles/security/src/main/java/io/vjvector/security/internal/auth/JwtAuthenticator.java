package io.vjvector.security.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.vjvector.security.AuthenticationException;
import io.vjvector.security.Identity;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer JWTs (OpenID Connect ID or access tokens) against the provider's published keys
 * and maps them to an {@link Identity} with method {@code jwt}.
 *
 * <p>Only the configured asymmetric algorithms are accepted, so unsigned tokens, {@code alg: none}
 * and HMAC tokens (including ones keyed with a public key) fail. The issuer must match, the
 * audience must contain the configured value and {@code exp} is required. Keys are fetched through
 * a {@link UrlGuard}, cached, and refetched (rate limited) when a token names an unknown key id.
 */
public final class JwtAuthenticator implements AutoCloseable {
  /** Maximum JWKS document size. */
  static final int JWKS_SIZE_LIMIT = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
  private static final int HTTP_TIMEOUT_MILLIS = 5_000;
  private static final long MAX_TOKEN_CHARS = 16 * 1024;

  private final JwtSettings settings;
  private final JWKSource<SecurityContext> keys;
  private final DefaultJWTProcessor<SecurityContext> processor;
  private final RoleMapper roleMapper;

  /**
   * Creates the authenticator. Keys are fetched on first use; the JWKS host name is resolved and
   * checked at each fetch, so a provider that does not resolve yet does not fail construction.
   *
   * @param settings the settings
   * @param guard the guard for the JWKS URL
   * @throws IllegalArgumentException if the JWKS URL is refused
   */
  public JwtAuthenticator(JwtSettings settings, UrlGuard guard) {
    this(
        settings,
        guard,
        new GuardedResourceRetriever(
            guard, HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT));
  }

  /**
   * Creates the authenticator with a given retriever (tests, or a retriever with other TLS trust).
   *
   * @param settings the settings
   * @param guard the guard for the JWKS URL
   * @param retriever fetches the JWKS document; must check addresses itself
   */
  JwtAuthenticator(JwtSettings settings, UrlGuard guard, ResourceRetriever retriever) {
    this.settings = settings;
    URL jwksUrl;
    try {
      jwksUrl = guard.checkWithoutResolving(settings.jwksUrl()).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("JWKS URL refused: malformed URL", e);
    }
    long ttlMillis = settings.jwksCacheSeconds() * 1000;
    long refreshTimeoutMillis = Math.min(15_000, Math.max(1_000, ttlMillis / 2));
    long rateLimitMillis = Math.min(30_000, Math.max(1, ttlMillis / 2));
    this.keys =
        JWKSourceBuilder.<SecurityContext>create(jwksUrl, retriever)
            .cache(ttlMillis, refreshTimeoutMillis)
            .rateLimited(rateLimitMillis)
            .retrying(false)
            .outageTolerant(false)
            .refreshAheadCache(false)
            .build();

    Set<JWSAlgorithm> algorithms =
        settings.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            Set.of(settings.audience()),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("iss", "sub", "aud", "exp"),
            Set.of());
    claims.setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, settings.clockSkewSeconds()));

    this.processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            null,
            JOSEObjectType.JWT,
            new JOSEObjectType("at+jwt"),
            new JOSEObjectType("application/at+jwt")));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    processor.setJWTClaimsSetVerifier(claims);
    this.roleMapper = new RoleMapper(settings.roleMapping());
  }

  /**
   * Verifies a token.
   *
   * @param compactJwt the token in compact serialization (without {@code Bearer })
   * @return the identity
   * @throws AuthenticationException if the token is malformed, forged, expired, for someone else or
   *     lacks a tenant or role
   */
  public Identity authenticate(String compactJwt) throws AuthenticationException {
    if (compactJwt == null || compactJwt.isBlank()) {
      throw new AuthenticationException("missing token");
    }
    if (compactJwt.length() > MAX_TOKEN_CHARS) {
      throw new AuthenticationException("token too large");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(compactJwt.trim());
    } catch (ParseException | RuntimeException e) {
      throw new AuthenticationException("malformed token", e);
    }
    if (jwt instanceof PlainJWT) {
      throw new AuthenticationException("unsigned tokens are not accepted");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new AuthenticationException("encrypted tokens are not accepted");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(signed, null);
    } catch (BadJWTException e) {
      throw new AuthenticationException("token rejected: " + e.getMessage(), e);
    } catch (BadJOSEException e) {
      String why = e.getMessage() == null ? "" : e.getMessage();
      throw new AuthenticationException(
          "token signature rejected: " + why.replace("Signed JWT rejected: ", ""), e);
    } catch (RateLimitReachedException e) {
      throw new AuthenticationException(
          "token signed with an unknown key (key refresh rate limited)", e);
    } catch (KeySourceException e) {
      LOG.warn("Fetching the signing keys from {} failed: {}", settings.jwksUrl(), e.toString());
      throw new AuthenticationException("token signing keys unavailable", e);
    } catch (JOSEException e) {
      throw new AuthenticationException("token verification failed", e);
    } catch (RuntimeException e) {
      throw new AuthenticationException("malformed token", e);
    }

    long now = System.currentTimeMillis();
    long skewMillis = settings.clockSkewSeconds() * 1000;
    Date issuedAt = claims.getIssueTime();
    if (issuedAt != null && issuedAt.getTime() > now + skewMillis) {
      throw new AuthenticationException("token rejected: issued in the future");
    }
    Date expires = claims.getExpirationTime();
    if (issuedAt != null && expires != null && expires.before(issuedAt)) {
      throw new AuthenticationException("token rejected: expires before it was issued");
    }

    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new AuthenticationException("token rejected: no subject");
    }
    Object tenantClaim = claim(claims, settings.tenantClaim());
    if (tenantClaim instanceof List<?> list && list.size() == 1) {
      tenantClaim = list.get(0);
    }
    String tenant = tenantClaim == null ? settings.defaultTenant() : null;
    if (tenantClaim instanceof String s && !s.isBlank()) {
      tenant = s;
    }
    if (tenant == null) {
      throw new AuthenticationException(
          "token rejected: no usable " + settings.tenantClaim() + " claim");
    }
    Set<String> roles = roleMapper.roles(values(claim(claims, settings.rolesClaim())));
    if (roles.isEmpty()) {
      throw new AuthenticationException("token rejected: it grants no role");
    }
    return new Identity(subject, tenant.trim(), roles, Set.of(), "jwt");
  }

  /** The claim at a name, or at a dotted path through JSON objects if no claim has the name. */
  static Object claim(JWTClaimsSet claims, String name) {
    Map<String, Object> all = claims.getClaims();
    if (all.containsKey(name)) {
      return all.get(name);
    }
    Object current = all;
    for (String part : name.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  /** A claim value as strings: a list's elements, or a string split at spaces and commas. */
  static List<String> values(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      for (Object o : collection) {
        if (o instanceof String || o instanceof Number || o instanceof Boolean) {
          out.add(o.toString());
        }
      }
    } else if (value instanceof String s) {
      for (String part : s.split("[\\s,]+")) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
    } else if (value instanceof Number) {
      out.add(value.toString());
    }
    return out;
  }

  @Override
  public void close() {
    if (keys instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // nothing to release that matters
      }
    }
  }
}
