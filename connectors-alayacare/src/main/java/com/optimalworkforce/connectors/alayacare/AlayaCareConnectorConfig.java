package com.optimalworkforce.connectors.alayacare;

import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.http.TlsPolicy;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Immutable settings of an {@link AlayaCareConnector}: where the tenant is, the API key pair, and
 * how hard to push the API. Each setter checks its value and names it when it is wrong;
 * {@link Builder#build()} checks that the tenant and the keys are there.
 *
 * <pre>{@code
 * AlayaCareConnectorConfig config = AlayaCareConnectorConfig.builder()
 *     .tenant("example").environment("uat").domain("ca")       // https://example.uat.alayacare.ca
 *     .publicKey(Secret.of(publicKey)).privateKey(Secret.of(privateKey))
 *     .rateLimit(10).concurrency(4)
 *     .build();
 * }</pre>
 *
 * <p>The same values can come from a generic {@link ConnectorConfig} ({@link #from(ConnectorConfig)}),
 * under the names {@link AlayaCareConnectorProvider#fields()} lists.
 */
public final class AlayaCareConnectorConfig {
  /** Items asked per list request when none is set (AlayaCare's own default). */
  public static final int DEFAULT_PAGE_SIZE = 100;
  /** Largest page size accepted; AlayaCare publishes no maximum, and larger pages risk server timeouts. */
  public static final int MAX_PAGE_SIZE = 1000;
  /** Client-side request rate when none is set: AlayaCare publishes no limit, so stay polite. */
  public static final double DEFAULT_RATE_LIMIT = 10;
  /** Parallel per-record requests (client details, employee unavailabilities) when none is set. */
  public static final int DEFAULT_CONCURRENCY = 4;
  /** Cancel codes that mean the caregiver cancelled (a call-out) when none are set: codes starting with EMP. */
  public static final List<String> DEFAULT_CALL_OUT_CODES = List.of("EMP*");

  private static final Pattern TENANT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final List<String> ENVIRONMENTS = List.of("uat", "staging");

  private final URI baseUrl;
  private final String tenant;
  private final String environment;
  private final String domain;
  private final Secret publicKey;
  private final Secret privateKey;
  private final Duration timeout;
  private final int pageSize;
  private final int concurrency;
  private final double rateLimit;
  private final ZoneId defaultZone;
  private final List<String> callOutCodes;
  private final TlsPolicy tlsPolicy;
  private final RetryPolicy retryPolicy;
  private final Clock clock;

  private AlayaCareConnectorConfig(Builder b) {
    this.baseUrl = b.baseUrl != null ? b.baseUrl
        : URI.create("https://" + b.tenant + (b.environment == null ? "" : "." + b.environment) + ".alayacare."
            + b.domain + "/ext/api/v2/");
    this.tenant = b.tenant;
    this.environment = b.tenant == null ? null : b.environment;
    this.domain = b.tenant == null ? null : b.domain;
    this.publicKey = b.publicKey;
    this.privateKey = b.privateKey;
    this.timeout = b.timeout;
    this.pageSize = b.pageSize;
    this.concurrency = b.concurrency;
    this.rateLimit = b.rateLimit;
    this.defaultZone = b.defaultZone;
    this.callOutCodes = b.callOutCodes;
    this.tlsPolicy = b.tlsPolicy;
    this.retryPolicy = b.retryPolicy;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the settings and credentials {@link AlayaCareConnectorProvider#fields()} names from a
   * generic configuration; its timeout and clock carry over.
   *
   * @throws IllegalArgumentException naming the missing or bad value
   */
  public static AlayaCareConnectorConfig from(ConnectorConfig config) {
    Objects.requireNonNull(config, "config");
    Builder b = builder().timeout(config.timeout()).clock(config.clock());
    config.setting(AlayaCareConnectorProvider.BASE_URL).ifPresent(b::baseUrl);
    config.setting(AlayaCareConnectorProvider.TENANT).ifPresent(b::tenant);
    config.setting(AlayaCareConnectorProvider.ENVIRONMENT).filter(s -> !s.isBlank()).ifPresent(b::environment);
    config.setting(AlayaCareConnectorProvider.DOMAIN).filter(s -> !s.isBlank()).ifPresent(b::domain);
    config.setting(AlayaCareConnectorProvider.PAGE_SIZE).ifPresent(s -> b.pageSize(integer(AlayaCareConnectorProvider.PAGE_SIZE, s)));
    config.setting(AlayaCareConnectorProvider.CONCURRENCY).ifPresent(s -> b.concurrency(integer(AlayaCareConnectorProvider.CONCURRENCY, s)));
    config.setting(AlayaCareConnectorProvider.RATE_LIMIT).ifPresent(s -> b.rateLimit(number(AlayaCareConnectorProvider.RATE_LIMIT, s)));
    config.setting(AlayaCareConnectorProvider.DEFAULT_ZONE).ifPresent(b::defaultZone);
    config.setting(AlayaCareConnectorProvider.CALL_OUT_CODES)
        .ifPresent(s -> b.callOutCodes(Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList()));
    b.publicKey(config.requireSecret(AlayaCareConnectorProvider.PUBLIC_KEY));
    b.privateKey(config.requireSecret(AlayaCareConnectorProvider.PRIVATE_KEY));
    return b.build();
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("AlayaCare setting '" + name + "' must be a whole number but was '" + value + "'", e);
    }
  }

  private static double number(String name, String value) {
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("AlayaCare setting '" + name + "' must be a number but was '" + value + "'", e);
    }
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    if (tenant != null) {
      b.tenant = tenant;
      b.environment = environment;
      b.domain = domain;
    } else {
      b.baseUrl = baseUrl;
    }
    b.publicKey = publicKey;
    b.privateKey = privateKey;
    b.timeout = timeout;
    b.pageSize = pageSize;
    b.concurrency = concurrency;
    b.rateLimit = rateLimit;
    b.defaultZone = defaultZone;
    b.callOutCodes = callOutCodes;
    b.tlsPolicy = tlsPolicy;
    b.retryPolicy = retryPolicy;
    b.clock = clock;
    return b;
  }

  /** The External API root, ending in {@code /ext/api/v2/}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The host (and port, when not the default) that messages name, e.g. {@code example.alayacare.ca}. */
  public String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  /** The tenant subdomain, when the base URL was built from one. */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenant);
  }

  public Secret publicKey() {
    return publicKey;
  }

  public Secret privateKey() {
    return privateKey;
  }

  /** Connect, read and write timeout of each request. */
  public Duration timeout() {
    return timeout;
  }

  /** Items asked per list request ({@code count}). */
  public int pageSize() {
    return pageSize;
  }

  /** Per-record requests in flight at once. */
  public int concurrency() {
    return concurrency;
  }

  /** Client-side limit in requests a second. */
  public double rateLimit() {
    return rateLimit;
  }

  /** The zone of a branch none of whose clients or employees has a time zone. */
  public ZoneId defaultZone() {
    return defaultZone;
  }

  /** Cancel codes that mark a caregiver's cancellation (a call-out); {@code CODE*} matches a prefix. */
  public List<String> callOutCodes() {
    return callOutCodes;
  }

  /** True when the cancel code marks a call-out. */
  public boolean isCallOutCode(String code) {
    if (code == null) {
      return false;
    }
    String c = code.strip().toUpperCase(Locale.ROOT);
    for (String pattern : callOutCodes) {
      String p = pattern.toUpperCase(Locale.ROOT);
      if (p.endsWith("*") ? c.startsWith(p.substring(0, p.length() - 1)) : c.equals(p)) {
        return true;
      }
    }
    return false;
  }

  /** TLS versions and CAs accepted (default: TLS 1.2 and 1.3, plain http to loopback only). */
  public TlsPolicy tlsPolicy() {
    return tlsPolicy;
  }

  /**
   * Retries of idempotent calls on 429, 502, 503, 504 and timeouts (default: AlayaCare's partner
   * guidance, 1 s doubling to 60 s, 5 attempts, {@code Retry-After} honoured).
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "AlayaCareConnectorConfig[baseUrl=" + baseUrl + ", keys=(redacted), timeout=" + timeout + ", pageSize="
        + pageSize + ", concurrency=" + concurrency + ", rateLimit=" + rateLimit + "/s, defaultZone=" + defaultZone
        + ", callOutCodes=" + callOutCodes + "]";
  }

  /** Builds an {@link AlayaCareConnectorConfig}. */
  public static final class Builder {
    private URI baseUrl;
    private String tenant;
    private String environment;
    private String domain = "ca";
    private boolean domainSet;
    private Secret publicKey;
    private Secret privateKey;
    private Duration timeout = ConnectorConfig.DEFAULT_TIMEOUT;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int concurrency = DEFAULT_CONCURRENCY;
    private double rateLimit = DEFAULT_RATE_LIMIT;
    private ZoneId defaultZone = ZoneId.of("America/Toronto");
    private List<String> callOutCodes = DEFAULT_CALL_OUT_CODES;
    private TlsPolicy tlsPolicy = TlsPolicy.ofDefaults();
    private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The tenant subdomain, e.g. {@code example} for {@code example.alayacare.ca}. */
    public Builder tenant(String tenant) {
      Objects.requireNonNull(tenant, "tenant");
      String t = tenant.strip().toLowerCase(Locale.ROOT);
      if (!TENANT.matcher(t).matches()) {
        throw new IllegalArgumentException("tenant must be the subdomain of the agency's AlayaCare address (letters,"
            + " digits and hyphens, e.g. 'example' for example.alayacare.ca) but was '" + tenant + "'");
      }
      this.tenant = t;
      return this;
    }

    /** {@code uat} or {@code staging}; production has none (the default). */
    public Builder environment(String environment) {
      Objects.requireNonNull(environment, "environment");
      String e = environment.strip().toLowerCase(Locale.ROOT);
      if (!ENVIRONMENTS.contains(e)) {
        throw new IllegalArgumentException("environment must be one of " + ENVIRONMENTS
            + " (leave it out for production) but was '" + environment + "'");
      }
      this.environment = e;
      return this;
    }

    /** {@code ca} (default) or {@code com}: the AlayaCare domain the tenant is on. */
    public Builder domain(String domain) {
      Objects.requireNonNull(domain, "domain");
      String d = domain.strip().toLowerCase(Locale.ROOT);
      if (d.startsWith(".")) {
        d = d.substring(1);
      }
      if (!d.equals("ca") && !d.equals("com")) {
        throw new IllegalArgumentException("domain must be 'ca' or 'com' but was '" + domain + "'");
      }
      this.domain = d;
      this.domainSet = true;
      return this;
    }

    /**
     * The full address instead of a tenant, e.g. {@code https://example.alayacare.ca}; the API path
     * {@code /ext/api/v2/} is added when missing. Plain {@code http} only where the TLS policy allows
     * it (by default to loopback, for simulators).
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      URI uri;
      try {
        uri = new URI(baseUrl.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URL: '" + baseUrl + "'", e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new IllegalArgumentException("baseUrl must be an https URL such as https://example.alayacare.ca but was '"
            + baseUrl + "'");
      }
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must not hold credentials (set the publicKey and privateKey"
            + " instead) but was '" + baseUrl.replace(uri.getRawUserInfo() + "@", "***@") + "'");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl must be the tenant's address without a query or fragment, such as"
            + " https://example.alayacare.ca, but was '" + baseUrl + "'");
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      if (!path.endsWith("/")) {
        path = path + "/";
      }
      if (!path.endsWith("/ext/api/v2/")) {
        path = path + "ext/api/v2/";
      }
      this.baseUrl = URI.create(scheme + "://" + uri.getRawAuthority() + path);
      return this;
    }

    /** The API public key (the Basic user name). */
    public Builder publicKey(Secret publicKey) {
      this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
      return this;
    }

    /** The API private key (the Basic password). */
    public Builder privateKey(Secret privateKey) {
      this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
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

    /** Items per list request, 1 to {@value #MAX_PAGE_SIZE} (default {@value #DEFAULT_PAGE_SIZE}). */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + " but was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Per-record requests in flight at once, 1 to 32 (default {@value #DEFAULT_CONCURRENCY}). */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 32) {
        throw new IllegalArgumentException("concurrency must be between 1 and 32 but was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /** Requests a second the connector sends at most, above 0 and up to 10,000 (default 10). */
    public Builder rateLimit(double perSecond) {
      if (!(perSecond > 0 && perSecond <= 10_000)) {
        throw new IllegalArgumentException("rateLimit must be above 0 and at most 10000 requests a second but was "
            + perSecond);
      }
      this.rateLimit = perSecond;
      return this;
    }

    public Builder defaultZone(ZoneId zone) {
      this.defaultZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** An IANA zone name, e.g. {@code America/Vancouver}. */
    public Builder defaultZone(String zone) {
      Objects.requireNonNull(zone, "zone");
      try {
        this.defaultZone = ZoneId.of(zone.strip());
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("defaultZone must be an IANA time zone such as America/Toronto but was '"
            + zone + "'", e);
      }
      return this;
    }

    /** Cancel codes that mark a call-out; {@code EMP*} matches every code starting with EMP. */
    public Builder callOutCodes(List<String> codes) {
      Objects.requireNonNull(codes, "codes");
      for (String c : codes) {
        if (c == null || c.isBlank() || c.indexOf('*') >= 0 && c.indexOf('*') != c.length() - 1) {
          throw new IllegalArgumentException("callOutCodes entries must be codes, or prefixes ending in '*', but got '"
              + c + "' in " + codes);
        }
      }
      this.callOutCodes = List.copyOf(codes);
      return this;
    }

    public Builder tlsPolicy(TlsPolicy tlsPolicy) {
      this.tlsPolicy = Objects.requireNonNull(tlsPolicy, "tlsPolicy");
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @throws IllegalStateException naming what is missing: a tenant or base URL, or a key
     */
    public AlayaCareConnectorConfig build() {
      if (baseUrl == null && tenant == null) {
        throw new IllegalStateException("AlayaCare connector: set the tenant (e.g. 'example' for example.alayacare.ca)"
            + " or the full baseUrl");
      }
      if (baseUrl != null && tenant != null) {
        throw new IllegalStateException("AlayaCare connector: set either the tenant or the baseUrl, not both (tenant '"
            + tenant + "', baseUrl " + baseUrl + ")");
      }
      if (baseUrl != null && (environment != null || domainSet)) {
        throw new IllegalStateException("AlayaCare connector: the environment and domain complete a tenant, not a"
            + " baseUrl; put them in the baseUrl instead (baseUrl " + baseUrl
            + (environment == null ? "" : ", environment '" + environment + "'")
            + (domainSet ? ", domain '" + domain + "'" : "") + ")");
      }
      if (publicKey == null || privateKey == null) {
        throw new IllegalStateException("AlayaCare connector: both the public key and the private key of the API key"
            + " pair are required");
      }
      AlayaCareConnectorConfig config = new AlayaCareConnectorConfig(this);
      if (!tlsPolicy.permits(config.baseUrl)) {
        throw new IllegalStateException("AlayaCare connector: baseUrl must use https (the API key pair travels in every"
            + " request) but was " + config.baseUrl + "; the TLS policy allows plain http to " + tlsPolicy.cleartext());
      }
      return config;
    }
  }
}
