package com.optimalworkforce.testkit.wellsky.internal;

import com.optimalworkforce.core.security.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OAuth 2.0 client-credentials bookkeeping for the WellSky simulators: which client may get a
 * token, which tokens were issued and when they expire (by the injected clock), how many token
 * requests came in. Thread-safe. Not API.
 */
public final class TokenIssuer {
  /** What a presented bearer token is. */
  public enum Check { VALID, EXPIRED, UNKNOWN, DENIED }

  /** A token and its lifetime in seconds. */
  public record Issued(String token, long expiresInSeconds) {}

  /** The client id and secret a token request carried, from a form, JSON body or Basic header. */
  public record Credentials(String clientId, String clientSecret) {}

  private final Clock clock;
  private final String clientId;
  private final String deniedClientId;
  private final Secret clientSecret;
  private volatile Duration lifetime;
  private volatile String prefix = "hc-token-";
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
  private final Set<String> deniedTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong counter = new AtomicLong();

  public TokenIssuer(Clock clock, String clientId, String deniedClientId, Secret clientSecret, Duration lifetime) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.deniedClientId = Objects.requireNonNull(deniedClientId, "deniedClientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    lifetime(lifetime);
  }

  public void lifetime(Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("token lifetime must be positive but was " + lifetime);
    }
    this.lifetime = lifetime;
  }

  /** What issued tokens start with (default {@code hc-token-}); a number follows. */
  public void prefix(String prefix) {
    if (prefix == null || prefix.isBlank() || !prefix.matches("[A-Za-z0-9._~+/-]+")) {
      throw new IllegalArgumentException("token prefix must be non-blank token characters (letters, digits, -._~+/)"
          + " but was '" + prefix + "'");
    }
    this.prefix = prefix;
  }

  /** A token for valid credentials (counted either way), or empty when they are wrong. */
  public Optional<Issued> issue(Credentials credentials) {
    requests.incrementAndGet();
    boolean known = clientId.equals(credentials.clientId()) || deniedClientId.equals(credentials.clientId());
    if (!known || credentials.clientSecret() == null || !clientSecret.matches(credentials.clientSecret())) {
      return Optional.empty();
    }
    String token = prefix + counter.incrementAndGet();
    Duration life = lifetime;
    expiries.put(token, clock.instant().plus(life));
    if (deniedClientId.equals(credentials.clientId())) {
      deniedTokens.add(token);
    }
    return Optional.of(new Issued(token, Math.max(1, life.toSeconds())));
  }

  public Check check(String token) {
    Instant expiry = token == null ? null : expiries.get(token);
    if (expiry == null) {
      return Check.UNKNOWN;
    }
    if (!clock.instant().isBefore(expiry)) {
      return Check.EXPIRED;
    }
    return deniedTokens.contains(token) ? Check.DENIED : Check.VALID;
  }

  /** Counts a token request answered without looking at its credentials (an injected fault). */
  public void countRequest() {
    requests.incrementAndGet();
  }

  /** Every token request so far, granted or not. */
  public int requests() {
    return requests.get();
  }

  /** Tokens granted so far. */
  public long issued() {
    return counter.get();
  }

  /** Makes every token issued so far invalid, as a revocation on the server would. */
  public void revokeAll() {
    expiries.clear();
    deniedTokens.clear();
  }

  /** Client credentials from an HTTP Basic {@code Authorization} header, if it is one. */
  public static Optional<Credentials> fromBasicHeader(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return Optional.of(new Credentials(urlDecode(decoded.substring(0, colon)), urlDecode(decoded.substring(colon + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String urlDecode(String s) {
    return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
