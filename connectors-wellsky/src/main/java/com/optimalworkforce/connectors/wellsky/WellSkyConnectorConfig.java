package com.optimalworkforce.connectors.wellsky;

import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of a {@link WellSkyConnector}. Each setter checks its value; {@link
 * Builder#build()} checks that the required ones are present and that the TLS policy allows the
 * URLs.
 *
 * <pre>{@code
 * WellSkyConnectorConfig config = WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
 *     .clientId("agency-42-client")
 *     .clientSecret(Secret.of(System.getenv("WELLSKY_CLIENT_SECRET")))
 *     .defaultZone(ZoneId.of("America/Toronto"))
 *     .build();
 * Connector connector = WellSkyConnector.create(config);
 * }</pre>
 *
 * <p>Home Connect needs only the client id and secret: the base URL defaults to
 * {@value #HOME_CONNECT_BASE_URL} and the token endpoint to {@code /oauth/accesstoken} on the
 * same host. FHIR R4 needs the server's base URL and its token endpoint. Defaults: 30 s timeout,
 * pages of 100 (Home Connect's maximum) or 200 (FHIR), at most {@value #HOME_CONNECT_REQUESTS_PER_SECOND}
 * requests a second to Home Connect (WellSky asks integrators to stay under 100) and 50 to a FHIR
 * server, the core default retries, TLS 1.2+.
 */
public final class WellSkyConnectorConfig {
  /** The Home Connect API's base URL. */
  public static final String HOME_CONNECT_BASE_URL = "https://connect.clearcareonline.com/v1/";
  /** Home Connect's largest page ({@code _count}). */
  public static final int HOME_CONNECT_MAX_PAGE_SIZE = 100;
  /** Default client-side rate limit towards Home Connect: under WellSky's 100 requests a second. */
  public static final int HOME_CONNECT_REQUESTS_PER_SECOND = 80;
  /** Default client-side rate limit towards a FHIR server. */
  public static final int FHIR_REQUESTS_PER_SECOND = 50;
  /** Default code of {@code Organization.type} that marks a branch (region) on a FHIR server. */
  public static final String DEFAULT_BRANCH_TYPE = "prov";

  private final WellSkyDialect dialect;
  private final URI baseUrl;
  private final URI tokenUrl;
  private final String clientId;
  private final Secret clientSecret;
  private final String scope;
  private final Duration timeout;
  private final int pageSize;
  private final RateLimitPolicy rateLimit;
  private final RetryPolicy retryPolicy;
  private final TlsPolicy tlsPolicy;
  private final Clock clock;
  private final ZoneId defaultZone;
  private final Map<String, ZoneId> regionZones;
  private final String branchType;
  private final Duration unavailabilityLookback;
  private final boolean validateServer;

  private WellSkyConnectorConfig(Builder b) {
    this.dialect = b.dialect;
    this.baseUrl = b.baseUrl;
    this.tokenUrl = b.tokenUrl;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.scope = b.scope;
    this.timeout = b.timeout;
    this.pageSize = b.pageSize;
    this.rateLimit = b.rateLimit;
    this.retryPolicy = b.retryPolicy;
    this.tlsPolicy = b.tlsPolicy;
    this.clock = b.clock;
    this.defaultZone = b.defaultZone;
    this.regionZones = Map.copyOf(b.regionZones);
    this.branchType = b.branchType;
    this.unavailabilityLookback = b.unavailabilityLookback;
    this.validateServer = b.validateServer;
  }

  public static Builder builder(WellSkyDialect dialect) {
    return new Builder(Objects.requireNonNull(dialect, "dialect"));
  }

  /**
   * Reads a generic configuration (as a setup wizard stores it): settings {@code dialect},
   * {@code baseUrl}, {@code tokenUrl}, {@code clientId}, {@code scope}, {@code zone},
   * {@code regionZones} ({@code id=Zone/Id;...}), {@code pageSize}, {@code requestsPerSecond},
   * {@code tls} ({@code default} or {@code tls1.3}), {@code branchType},
   * {@code unavailabilityLookbackDays}, {@code validateServer}; the credential
   * {@code clientSecret}; and the configuration's timeout and clock.
   *
   * @throws IllegalArgumentException naming the missing or bad setting
   */
  public static WellSkyConnectorConfig from(ConnectorConfig config) {
    Objects.requireNonNull(config, "config");
    Builder b = builder(WellSkyDialect.fromSetting(config.requireSetting(WellSkyConnectorProvider.DIALECT)))
        .clientId(config.requireSetting(WellSkyConnectorProvider.CLIENT_ID))
        .clientSecret(config.requireSecret(WellSkyConnectorProvider.CLIENT_SECRET))
        .timeout(config.timeout())
        .clock(config.clock());
    config.setting("baseUrl").ifPresent(v -> b.baseUrl(uri("baseUrl", v)));
    config.setting("tokenUrl").ifPresent(v -> b.tokenUrl(uri("tokenUrl", v)));
    config.setting("scope").ifPresent(b::scope);
    config.setting("zone").ifPresent(v -> b.defaultZone(zone("zone", v)));
    config.setting("regionZones").ifPresent(v -> parseRegionZones(v).forEach(b::regionZone));
    config.setting("pageSize").ifPresent(v -> b.pageSize(number("pageSize", v)));
    config.setting("requestsPerSecond").ifPresent(v -> b.rateLimit(RateLimitPolicy.perSecond(number("requestsPerSecond", v))));
    config.setting("tls").ifPresent(v -> b.tlsPolicy(tls(v)));
    config.setting("branchType").ifPresent(b::branchType);
    config.setting("unavailabilityLookbackDays")
        .ifPresent(v -> b.unavailabilityLookback(Duration.ofDays(number("unavailabilityLookbackDays", v))));
    config.setting("validateServer").ifPresent(v -> b.validateServer(bool("validateServer", v)));
    return b.build();
  }

  public Builder toBuilder() {
    Builder b = new Builder(dialect);
    b.baseUrl = baseUrl;
    b.tokenUrl = tokenUrl;
    b.clientId = clientId;
    b.clientSecret = clientSecret;
    b.scope = scope;
    b.timeout = timeout;
    b.pageSize = pageSize;
    b.rateLimit = rateLimit;
    b.retryPolicy = retryPolicy;
    b.tlsPolicy = tlsPolicy;
    b.clock = clock;
    b.defaultZone = defaultZone;
    b.regionZones.putAll(regionZones);
    b.branchType = branchType;
    b.unavailabilityLookback = unavailabilityLookback;
    b.validateServer = validateServer;
    return b;
  }

  public WellSkyDialect dialect() {
    return dialect;
  }

  /** The API base: Home Connect's ends with {@code /}; a FHIR base has no trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  public URI tokenUrl() {
    return tokenUrl;
  }

  public String clientId() {
    return clientId;
  }

  public Secret clientSecret() {
    return clientSecret;
  }

  /** The OAuth scope to ask for, if any. */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  public Duration timeout() {
    return timeout;
  }

  /** The most records asked of the source per request ({@code _count}). */
  public int pageSize() {
    return pageSize;
  }

  public RateLimitPolicy rateLimit() {
    return rateLimit;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public TlsPolicy tlsPolicy() {
    return tlsPolicy;
  }

  public Clock clock() {
    return clock;
  }

  /** The zone of regions whose resource declares none, if set. */
  public Optional<ZoneId> defaultZone() {
    return Optional.ofNullable(defaultZone);
  }

  /** Zones set per region id; they win over what the source declares. */
  public Map<String, ZoneId> regionZones() {
    return regionZones;
  }

  /** FHIR: the {@code Organization.type} code of branches (regions), default {@code prov}. */
  public String branchType() {
    return branchType;
  }

  /** FHIR: how long before a window unavailability may start and still overlap it (default 31 days). */
  public Duration unavailabilityLookback() {
    return unavailabilityLookback;
  }

  /** FHIR: whether to read {@code /metadata} before the first request (default false). */
  public boolean validateServer() {
    return validateServer;
  }

  @Override
  public String toString() {
    return "WellSkyConnectorConfig[dialect=" + dialect.setting() + ", baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl
        + ", clientId=" + clientId + ", clientSecret=" + clientSecret + ", timeout=" + timeout + ", pageSize=" + pageSize
        + ", rateLimit=" + rateLimit + "]";
  }

  private static URI uri(String name, String value) {
    try {
      return new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Connector 'wellsky': setting '" + name + "' is not a URL: '" + value + "'", e);
    }
  }

  private static ZoneId zone(String name, String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("Connector 'wellsky': setting '" + name + "' must be an IANA time zone such as"
          + " America/Toronto but was '" + value + "'", e);
    }
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Connector 'wellsky': setting '" + name + "' must be a whole number but was '"
          + value + "'", e);
    }
  }

  private static boolean bool(String name, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException("Connector 'wellsky': setting '" + name + "' must be true or false but was '"
        + value + "'");
  }

  private static TlsPolicy tls(String value) {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "default":
      case "tls1.2":
        return TlsPolicy.ofDefaults();
      case "tls1.3":
        return TlsPolicy.tls13Only();
      default:
        throw new IllegalArgumentException("Connector 'wellsky': setting 'tls' must be 'default' or 'tls1.3' but was '"
            + value + "'");
    }
  }

  private static Map<String, ZoneId> parseRegionZones(String value) {
    Map<String, ZoneId> out = new LinkedHashMap<>();
    for (String pair : value.split("[;,]")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Connector 'wellsky': setting 'regionZones' must look like"
            + " 'toronto-east=America/Toronto;vancouver=America/Vancouver' but has '" + pair.strip() + "'");
      }
      out.put(pair.substring(0, eq).strip(), zone("regionZones", pair.substring(eq + 1)));
    }
    return out;
  }

  /** Builds a {@link WellSkyConnectorConfig}. */
  public static final class Builder {
    private final WellSkyDialect dialect;
    private URI baseUrl;
    private URI tokenUrl;
    private String clientId;
    private Secret clientSecret;
    private String scope;
    private Duration timeout = ConnectorConfig.DEFAULT_TIMEOUT;
    private int pageSize;
    private RateLimitPolicy rateLimit;
    private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
    private TlsPolicy tlsPolicy = TlsPolicy.ofDefaults();
    private Clock clock = Clock.systemUTC();
    private ZoneId defaultZone;
    private final Map<String, ZoneId> regionZones = new LinkedHashMap<>();
    private String branchType = DEFAULT_BRANCH_TYPE;
    private Duration unavailabilityLookback = Duration.ofDays(31);
    private boolean validateServer;

    private Builder(WellSkyDialect dialect) {
      this.dialect = dialect;
      boolean hc = dialect == WellSkyDialect.HOME_CONNECT;
      this.pageSize = hc ? HOME_CONNECT_MAX_PAGE_SIZE : 200;
      this.rateLimit = RateLimitPolicy.perSecond(hc ? HOME_CONNECT_REQUESTS_PER_SECOND : FHIR_REQUESTS_PER_SECOND);
      if (hc) {
        this.baseUrl = URI.create(HOME_CONNECT_BASE_URL);
      }
    }

    /** The API base URL: a FHIR server's base, or Home Connect's {@code .../v1/}. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = checkHttpUrl("baseUrl", baseUrl);
      return this;
    }

    /** The OAuth 2.0 token endpoint (Home Connect default: {@code /oauth/accesstoken} on the base URL's host). */
    public Builder tokenUrl(URI tokenUrl) {
      this.tokenUrl = checkHttpUrl("tokenUrl", tokenUrl);
      return this;
    }

    public Builder clientId(String clientId) {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank but was '" + clientId + "'");
      }
      this.clientId = clientId.strip();
      return this;
    }

    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /** The OAuth scope to ask for (e.g. {@code system/*.read}); none by default. */
    public Builder scope(String scope) {
      if (scope == null || scope.isBlank()) {
        throw new IllegalArgumentException("scope must not be blank but was '" + scope + "'");
      }
      this.scope = scope.strip();
      return this;
    }

    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The most records to ask for per request; Home Connect allows at most 100. */
    public Builder pageSize(int pageSize) {
      int max = dialect == WellSkyDialect.HOME_CONNECT ? HOME_CONNECT_MAX_PAGE_SIZE : 1000;
      if (pageSize < 1 || pageSize > max) {
        throw new IllegalArgumentException("pageSize must be between 1 and " + max + " for " + dialect.displayName()
            + " but was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** The client-side rate limit (every attempt counts, retries included). */
    public Builder rateLimit(RateLimitPolicy rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    public Builder tlsPolicy(TlsPolicy tlsPolicy) {
      this.tlsPolicy = Objects.requireNonNull(tlsPolicy, "tlsPolicy");
      return this;
    }

    /** The clock token expiry is judged by. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The zone of regions whose resource declares none. */
    public Builder defaultZone(ZoneId zone) {
      this.defaultZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** The zone of one region, winning over what the source declares. */
    public Builder regionZone(String regionId, ZoneId zone) {
      if (regionId == null || regionId.isBlank()) {
        throw new IllegalArgumentException("regionId must not be blank but was '" + regionId + "'");
      }
      regionZones.put(regionId, Objects.requireNonNull(zone, "zone"));
      return this;
    }

    /** FHIR: the {@code Organization.type} code that marks branches (default {@code prov}). */
    public Builder branchType(String code) {
      if (code == null || code.isBlank()) {
        throw new IllegalArgumentException("branchType must not be blank but was '" + code + "'");
      }
      this.branchType = code.strip();
      return this;
    }

    /** FHIR: how long before a read window a Slot may start and still overlap it (default 31 days). */
    public Builder unavailabilityLookback(Duration lookback) {
      Objects.requireNonNull(lookback, "lookback");
      if (lookback.isNegative() || lookback.compareTo(Duration.ofDays(366)) > 0) {
        throw new IllegalArgumentException("unavailabilityLookback must be between 0 and 366 days but was " + lookback);
      }
      this.unavailabilityLookback = lookback;
      return this;
    }

    /** FHIR: read the server's {@code /metadata} once before the first request (default false). */
    public Builder validateServer(boolean validateServer) {
      this.validateServer = validateServer;
      return this;
    }

    /**
     * @throws IllegalStateException when the client id, secret, or (FHIR) base or token URL is
     *     missing, or the TLS policy refuses a URL
     */
    public WellSkyConnectorConfig build() {
      if (clientId == null) {
        throw new IllegalStateException("WellSky " + dialect.displayName() + ": clientId is required");
      }
      if (clientSecret == null) {
        throw new IllegalStateException("WellSky " + dialect.displayName() + ": clientSecret is required");
      }
      if (baseUrl == null) {
        throw new IllegalStateException("WellSky FHIR R4: baseUrl is required (the FHIR server's base, e.g."
            + " https://fhir.example.com/r4)");
      }
      if (dialect == WellSkyDialect.HOME_CONNECT) {
        if (!baseUrl.getPath().endsWith("/")) {
          baseUrl = URI.create(baseUrl + "/"); // Home Connect paths are relative to .../v1/
        }
        if (tokenUrl == null) {
          tokenUrl = baseUrl.resolve("/oauth/accesstoken");
        }
      } else {
        String s = baseUrl.toString();
        while (s.endsWith("/")) {
          s = s.substring(0, s.length() - 1);
        }
        baseUrl = URI.create(s);
        if (tokenUrl == null) {
          throw new IllegalStateException("WellSky FHIR R4: tokenUrl is required (the OAuth 2.0 token endpoint that"
              + " issues client-credentials tokens for " + baseUrl.getHost() + ")");
        }
      }
      try {
        tlsPolicy.check(baseUrl);
        tlsPolicy.check(tokenUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("WellSky " + dialect.displayName() + ": " + e.getMessage(), e);
      }
      return new WellSkyConnectorConfig(this);
    }

    private static URI checkHttpUrl(String name, URI uri) {
      Objects.requireNonNull(uri, name);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // Messages leave out what might be a credential: the user info and the query.
      String shown = uri.getHost() == null ? uri.toString() : scheme + "://"
          + (uri.getRawUserInfo() == null ? "" : "[user info hidden]@") + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath())
          + (uri.getRawQuery() == null ? "" : "?[query hidden]") + (uri.getRawFragment() == null ? "" : "#...");
      if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new IllegalArgumentException(name + " must be an absolute https:// URL but was '" + shown + "'");
      }
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(name + " must not carry a user name or password (set clientId and"
            + " clientSecret instead) but was '" + shown + "'");
      }
      if (uri.getQuery() != null || uri.getFragment() != null) {
        throw new IllegalArgumentException(name + " must not have a query or fragment but was '" + shown + "'");
      }
      return uri;
    }
  }
}
