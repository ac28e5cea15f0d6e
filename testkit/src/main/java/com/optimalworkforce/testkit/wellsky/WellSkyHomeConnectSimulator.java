package com.optimalworkforce.testkit.wellsky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.internal.Faults;
import com.optimalworkforce.testkit.wellsky.internal.HomeConnectData;
import com.optimalworkforce.testkit.wellsky.internal.HomeConnectHandler;
import com.optimalworkforce.testkit.wellsky.internal.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A WireMock server that serves a {@link SyntheticAgency} the way WellSky Personal Care's Home
 * Connect API does: OAuth 2.0 client credentials at {@code /oauth/accesstoken} on the host root
 * (a string {@code expires_in}, tokens that expire by the injected clock), a gateway that answers
 * an unknown route or an unparsable {@code Authorization} header with its 403 message,
 * {@code POST /v1/<resource>/_search/} with {@code _page}/{@code _count} paging by
 * {@code totalRecords}, wrapped and bare entries, agency data in {@code meta.tag}, the non-FHIR
 * shift JSON searched per client and week, {@code updated} filters, and
 * {@code PUT /v1/appointment/{id}/}. Faults can be injected like on the AlayaCare simulator.
 *
 * <pre>{@code
 * try (WellSkyHomeConnectSimulator sim = WellSkyHomeConnectSimulator.builder(agency)
 *     .clock(clock).tokenLifetime(Duration.ofSeconds(2)).build()) {
 *   // configure a connector with sim.baseUrl(), sim.tokenUrl(), sim.clientId(), sim.clientSecret()
 *   sim.rateLimitNext(2, Duration.ofSeconds(1));
 *   agency.delete(RecordKey.of(EntityType.VISIT, "V12")); // gone at the next sync
 * }
 * }</pre>
 *
 * <p>It reads the agency live, so changing or deleting agency records between two syncs is how a
 * test simulates the source moving. A Patient or Practitioner changed since the simulator started
 * reports the clock's time as its update time, so {@code "updated": "ge..."} filters find it.
 * Every search also returns a few prospects (Patients that are not clients) and applicants
 * (Practitioners not hired), which a connector must leave out.
 */
public final class WellSkyHomeConnectSimulator implements AutoCloseable {
  private final WireMockServer server;
  private final HomeConnectHandler handler;
  private final HomeConnectData data;
  private final TokenIssuer tokens;
  private final Faults faults = new Faults();
  private final Faults tokenFaults = new Faults();
  private final String clientId;
  private final String deniedClientId;
  private final Secret clientSecret;

  private WellSkyHomeConnectSimulator(Builder b) {
    this.clientId = b.clientId;
    this.deniedClientId = b.clientId + "-unlicensed";
    this.clientSecret = b.agency.apiKey();
    this.tokens = new TokenIssuer(b.clock, clientId, deniedClientId, clientSecret, b.tokenLifetime);
    this.data = new HomeConnectData(b.agency, b.clock);
    this.handler = new HomeConnectHandler(data, tokens, faults, tokenFaults, b.agencyId, b.locationTimezones, b.leads);
    this.server = new WireMockServer(WireMockConfiguration.options()
        .dynamicPort()
        .bindAddress("127.0.0.1")
        .notifier(new Slf4jNotifier(false))
        .extensions(handler));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(HomeConnectHandler.NAME)));
  }

  public static Builder builder(SyntheticAgency agency) {
    return new Builder(agency);
  }

  /** A simulator with the defaults: the agency's fixed clock, one-hour tokens. */
  public static WellSkyHomeConnectSimulator start(SyntheticAgency agency) {
    return builder(agency).build();
  }

  /** The API base, like {@code https://connect.clearcareonline.com/v1/}. */
  public String baseUrl() {
    return server.baseUrl() + "/v1/";
  }

  /** The token endpoint on the host root. */
  public String tokenUrl() {
    return server.baseUrl() + "/oauth/accesstoken";
  }

  /** A client id that gets tokens for this agency. */
  public String clientId() {
    return clientId;
  }

  /** The client secret: the agency's {@link SyntheticAgency#apiKey()}. */
  public Secret clientSecret() {
    return clientSecret;
  }

  /** A client id that gets tokens (with {@link #clientSecret()}) but whose requests are refused with 403. */
  public String unlicensedClientId() {
    return deniedClientId;
  }

  public SyntheticAgency agency() {
    return data.agency();
  }

  // ---------------------------------------------------------------- counters

  /** Token requests received, granted or not. */
  public int tokenRequests() {
    return tokens.requests();
  }

  /** Tokens granted. */
  public long tokensIssued() {
    return tokens.issued();
  }

  /** Requests to {@code /v1/}. */
  public int apiRequests() {
    return handler.apiRequests();
  }

  /** API requests refused with 401 (missing, unknown or expired token). */
  public int unauthorizedResponses() {
    return handler.unauthorized();
  }

  /** Requests by method and path, ids as {@code {id}}: e.g. {@code "POST /v1/appointment/_search/"}. */
  public int requests(String methodAndPath) {
    return handler.count(methodAndPath);
  }

  /** Bodies of the {@code PUT appointment/{id}/} requests received, in order. */
  public List<String> shiftUpdates() {
    return handler.shiftUpdates();
  }

  // ---------------------------------------------------------------- tokens

  /** Lifetime of tokens issued from now on. */
  public WellSkyHomeConnectSimulator tokenLifetime(Duration lifetime) {
    tokens.lifetime(lifetime);
    return this;
  }

  /**
   * What tokens issued from now on start with (default {@code hc-token-}), e.g. a canary for a
   * secret-leak test; a number follows.
   */
  public WellSkyHomeConnectSimulator tokenPrefix(String prefix) {
    tokens.prefix(prefix);
    return this;
  }

  /** Invalidates every token issued so far (the next API call answers 401). */
  public WellSkyHomeConnectSimulator revokeTokens() {
    tokens.revokeAll();
    return this;
  }

  // ---------------------------------------------------------------- faults

  /** The next {@code times} API requests answer 429 with {@code Retry-After}. */
  public WellSkyHomeConnectSimulator rateLimitNext(int times, Duration retryAfter) {
    faults.add(Faults.Kind.RATE_LIMIT, times, Objects.requireNonNull(retryAfter, "retryAfter"));
    return this;
  }

  /** The next {@code times} API requests answer 503 with the gateway's JSON message. */
  public WellSkyHomeConnectSimulator serverErrorNext(int times) {
    faults.add(Faults.Kind.SERVER_ERROR, times, Duration.ZERO);
    return this;
  }

  /** The next {@code times} API requests answer 500 with an HTML page. */
  public WellSkyHomeConnectSimulator htmlServerErrorNext(int times) {
    faults.add(Faults.Kind.HTML_SERVER_ERROR, times, Duration.ZERO);
    return this;
  }

  /**
   * The next {@code times} API requests answer this error, in any of the shapes Home Connect uses:
   * {@code {"error": "..."}}, the gateway's {@code {"message": "..."}}, 422 with plain text, an HTML
   * page.
   *
   * <pre>{@code
   * sim.errorNext(1, 422, "text/plain", "startDate must be YYYYMMDD");
   * }</pre>
   */
  public WellSkyHomeConnectSimulator errorNext(int times, int status, String contentType, String body) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an error status (400-599) but was " + status);
    }
    faults.addError(times, status, Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(body, "body"));
    return this;
  }

  /**
   * The next {@code times} token requests ({@code POST /oauth/accesstoken}) answer this error instead
   * of a token, whatever their credentials: a licence refusal, an identity provider's outage, or an
   * error body that echoes what the request sent.
   *
   * <pre>{@code
   * sim.tokenErrorNext(1, 403, "application/json", "{\"error\":\"access_denied\"}");
   * }</pre>
   */
  public WellSkyHomeConnectSimulator tokenErrorNext(int times, int status, String contentType, String body) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an error status (400-599) but was " + status);
    }
    tokenFaults.addError(times, status, Objects.requireNonNull(contentType, "contentType"),
        Objects.requireNonNull(body, "body"));
    return this;
  }

  /**
   * Lets the next {@code requests} API requests through, then the one after answers this error:
   * a fault for a later step, e.g. the {@code PUT} of a write-back after its search.
   *
   * <pre>{@code
   * sim.errorAfter(1, 422, "text/plain", "caregiver is not qualified");
   * }</pre>
   */
  public WellSkyHomeConnectSimulator errorAfter(int requests, int status, String contentType, String body) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an error status (400-599) but was " + status);
    }
    faults.pass(requests);
    faults.addError(1, status, Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(body, "body"));
    return this;
  }

  /** The next {@code times} API requests answer 200 with truncated JSON. */
  public WellSkyHomeConnectSimulator malformedJsonNext(int times) {
    faults.add(Faults.Kind.MALFORMED_JSON, times, Duration.ZERO);
    return this;
  }

  /** Every API answer waits this long first ({@link Duration#ZERO} to stop). */
  public WellSkyHomeConnectSimulator slowResponses(Duration delay) {
    faults.delay(delay);
    return this;
  }

  /**
   * Serves one record with bad data: a Patient or Practitioner without a name, a shift that ends
   * before it starts.
   */
  public WellSkyHomeConnectSimulator badData(EntityType type, String id) {
    if (type != EntityType.CLIENT && type != EntityType.CAREGIVER && type != EntityType.VISIT) {
      throw new IllegalArgumentException("Home Connect serves clients, caregivers and visits; cannot corrupt a " + type);
    }
    data.corrupt(type, Objects.requireNonNull(id, "id"));
    return this;
  }

  /** Clears queued faults (token faults too), the delay and bad data. */
  public WellSkyHomeConnectSimulator resetFaults() {
    faults.clear();
    tokenFaults.clear();
    data.clearCorruption();
    return this;
  }

  /** Faults still queued, token faults included. */
  public int pendingFaults() {
    return faults.pending() + tokenFaults.pending();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Builds and starts a {@link WellSkyHomeConnectSimulator}. */
  public static final class Builder {
    private final SyntheticAgency agency;
    private Clock clock;
    private Duration tokenLifetime = Duration.ofSeconds(3599);
    private String clientId = "home-connect-client";
    private String agencyId = "4242";
    private boolean locationTimezones = true;
    private int leads = 3;

    private Builder(SyntheticAgency agency) {
      this.agency = Objects.requireNonNull(agency, "agency");
      this.clock = agency.clock();
    }

    /** The clock tokens expire by and updates are stamped with (default: the agency's fixed clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Lifetime of issued tokens (default 3599 s, as WellSky issues them). */
    public Builder tokenLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive but was " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    public Builder clientId(String clientId) {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank but was '" + clientId + "'");
      }
      this.clientId = clientId;
      return this;
    }

    /** The agency id in every record's {@code meta.tag} (default 4242). */
    public Builder agencyId(String agencyId) {
      if (agencyId == null || agencyId.isBlank()) {
        throw new IllegalArgumentException("agencyId must not be blank but was '" + agencyId + "'");
      }
      this.agencyId = agencyId;
      return this;
    }

    /** Whether Locations carry the IANA {@code timezone} extension (default true). */
    public Builder locationTimezones(boolean locationTimezones) {
      this.locationTimezones = locationTimezones;
      return this;
    }

    /** Prospects and applicants served beside the agency's people (default 3 each). */
    public Builder leads(int leads) {
      if (leads < 0) {
        throw new IllegalArgumentException("leads must not be negative but was " + leads);
      }
      this.leads = leads;
      return this;
    }

    public WellSkyHomeConnectSimulator build() {
      return new WellSkyHomeConnectSimulator(this);
    }
  }
}
