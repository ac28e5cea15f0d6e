package com.optimalworkforce.testkit.alayacare;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.internal.AgencyView;
import com.optimalworkforce.testkit.alayacare.internal.Routes;
import com.optimalworkforce.testkit.alayacare.internal.TokenBucket;
import com.optimalworkforce.testkit.alayacare.internal.Tweaks;
import com.optimalworkforce.testkit.alayacare.internal.UnavailabilityRules;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A WireMock server on loopback that serves a {@link SyntheticAgency} through AlayaCare's External
 * API ({@code /ext/api/v2/patients|employees|scheduler/...}): branches, clients, employees,
 * unavailabilities (recurring entries as RFC 5545 rules), visits with real {@code page}/{@code count}
 * paging and branch and date filters, visit updates, HTTP Basic auth, and faults on demand.
 *
 * <pre>{@code
 * SyntheticAgency agency = SyntheticAgency.small();
 * try (AlayaCareSimulator sim = AlayaCareSimulator.start(agency)) {
 *   // connector config: baseUrl(sim.baseUrl()), publicKey(sim.publicKey()), privateKey(sim.privateKey())
 *   sim.inject(SimulatedFault.status(503).times(2).onPath("scheduler/visits"));
 * }
 * }</pre>
 *
 * <p>Ids: AlayaCare ids are integers, so branches are numbered from 101 in the agency's region
 * order, clients and employees keep the digits of their agency id ({@code C10001} is client
 * 10001, external id {@code C10001}) and visits are 1,000,000 + their agency number. The agency's
 * ids are the records' external ids. {@link #connectorKey(SourceRecord)} says which key the AlayaCare
 * connector gives an agency record.
 *
 * <p>Faults on demand: {@link #inject(SimulatedFault)} (error statuses with any of AlayaCare's
 * error-body shapes, 429 with {@code Retry-After}, 5xx bursts, slow answers, malformed JSON),
 * {@link #corruptVisit(String, VisitCorruption)} (a record with bad data), a server-side
 * {@link #rateLimit(double)}. The simulator serves the agency as it is at each request, so a record
 * changed or deleted between two syncs is one changed in the agency
 * ({@link SyntheticAgency#put}, {@link SyntheticAgency#delete}, {@link SyntheticAgency#changeVisits},
 * {@link SyntheticAgency#deleteVisits}).
 */
public final class AlayaCareSimulator implements AutoCloseable {
  /** Path prefix of the External API. */
  public static final String API_PREFIX = "/ext/api/v2/";
  private static final String SLOW_PREFIX = "/slow";
  private static final String TRANSFORMER = "alayacare-simulator";

  private final SyntheticAgency agency;
  private final Routes routes;
  private final WireMockServer server;
  private final String publicKey;
  private final Secret privateKey;
  private final String forbiddenPublicKey;
  private final Secret forbiddenPrivateKey;
  private final Duration slowDelay;
  private final Clock clock;
  private final boolean record;
  private final List<Armed> faults = new CopyOnWriteArrayList<>();
  private final Tweaks tweaks;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final LongAdder requests = new LongAdder();
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private volatile TokenBucket rateLimit;

  private AlayaCareSimulator(Builder b) {
    this.agency = b.agency;
    this.publicKey = b.publicKey != null ? b.publicKey : "ac-public-" + b.agency.seed();
    this.privateKey = b.agency.apiKey();
    this.forbiddenPublicKey = "ac-public-readonly-" + b.agency.seed();
    this.forbiddenPrivateKey = Secret.of("readonly-" + b.agency.apiKey().reveal());
    this.slowDelay = b.slowDelay;
    this.clock = b.clock != null ? b.clock : b.agency.clock();
    this.record = b.record;
    this.rateLimit = b.rateLimit > 0 ? new TokenBucket(b.rateLimit, b.rateLimit) : null;
    this.tweaks = new Tweaks(b.listsByName);
    WireMockConfiguration options = WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .containerThreads(b.threads).disableRequestJournal().notifier(new Slf4jNotifier(false))
        .extensions(new Transformer());
    this.server = new WireMockServer(options);
    server.start();
    this.routes = new Routes(agency, "127.0.0.1:" + server.port(), tweaks);
    server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withTransformers(TRANSFORMER)));
  }

  /** Starts a simulator of the agency with default settings. */
  public static AlayaCareSimulator start(SyntheticAgency agency) {
    return builder(agency).start();
  }

  public static Builder builder(SyntheticAgency agency) {
    return new Builder(agency);
  }

  public SyntheticAgency agency() {
    return agency;
  }

  /** {@code http://127.0.0.1:<port>}: the tenant's address; the API is under {@link #API_PREFIX}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A base URL whose every answer comes after the slow delay (default 5 s), for timeout tests. */
  public String slowBaseUrl() {
    return baseUrl() + SLOW_PREFIX;
  }

  public int port() {
    return server.port();
  }

  /** The API key pair's public key (the Basic user name). */
  public String publicKey() {
    return publicKey;
  }

  /** The API key pair's private key (the Basic password): the agency's {@link SyntheticAgency#apiKey()}. */
  public Secret privateKey() {
    return privateKey;
  }

  /** A key pair that authenticates but may read nothing: every call answers 403. */
  public String forbiddenPublicKey() {
    return forbiddenPublicKey;
  }

  public Secret forbiddenPrivateKey() {
    return forbiddenPrivateKey;
  }

  /** The AlayaCare branch id of an agency region. */
  public long branchId(String regionId) {
    return routes.view().branchId(regionId);
  }

  /** The AlayaCare client id of an agency client id. */
  public long clientId(String agencyClientId) {
    return routes.view().ids().clients().id(agencyClientId);
  }

  /** The AlayaCare employee id of an agency caregiver id. */
  public long employeeId(String agencyCaregiverId) {
    return routes.view().ids().employees().id(agencyCaregiverId);
  }

  /** The AlayaCare visit id of an agency visit id. */
  public long visitId(String agencyVisitId) {
    return routes.view().ids().visits().id(agencyVisitId);
  }

  /** The agency visit id of an AlayaCare visit id, or {@code null}. */
  public String agencyVisitId(long alayacareVisitId) {
    return routes.view().ids().visits().agencyId(alayacareVisitId);
  }

  /**
   * The key the AlayaCare connector gives an agency record: AlayaCare's own ids as text; an
   * unavailability occurrence is {@code <unavailability id>@<occurrence start>}; a call-out has its
   * visit's id.
   */
  public RecordKey connectorKey(SourceRecord agencyRecord) {
    Objects.requireNonNull(agencyRecord, "agencyRecord");
    AgencyView view = routes.view();
    String id = switch (agencyRecord.type()) {
      case CLIENT -> Long.toString(view.ids().clients().id(agencyRecord.key().sourceId()));
      case CAREGIVER -> Long.toString(view.ids().employees().id(agencyRecord.key().sourceId()));
      case VISIT -> Long.toString(view.ids().visits().id(agencyRecord.key().sourceId()));
      case CALL_OUT -> Long.toString(view.ids().visits().id(((CallOut) agencyRecord).visitId()));
      case UNAVAILABILITY -> {
        Unavailability u = (Unavailability) agencyRecord;
        UnavailabilityRules.Rule rule = view.ruleOf(u.id());
        if (rule == null) {
          throw new IllegalArgumentException("Unavailability '" + u.id() + "' is not in the simulator's view");
        }
        yield rule.id() + "@" + u.start();
      }
      case SHIFT_OFFER -> throw new IllegalArgumentException("AlayaCare's External API has no shift offers");
    };
    return RecordKey.of(agencyRecord.type(), id);
  }

  /** Arms a fault; faults are checked in the order armed. */
  public void inject(SimulatedFault fault) {
    faults.add(new Armed(Objects.requireNonNull(fault, "fault")));
  }

  /** Serves the visit (agency id) with its end before its start, as bad data to be quarantined. */
  public void corruptVisit(String agencyVisitId) {
    corruptVisit(agencyVisitId, VisitCorruption.END_BEFORE_START);
  }

  /** Serves the visit (agency id) with the bad data {@code how} says, until {@link #reset()}. */
  public void corruptVisit(String agencyVisitId, VisitCorruption how) {
    tweaks.corrupt(Objects.requireNonNull(agencyVisitId, "agencyVisitId"), Objects.requireNonNull(how, "how"));
  }

  /**
   * Serves the client's (agency id) postal code under a tenant-defined demographics key
   * ({@code postal_code}) instead of {@code zip} or {@code location.zip}, as a tenant may configure
   * its profile; the {@code zip_code} of its visits' routes still carries it. Until {@link #reset()}.
   */
  public void postalCodeOutsideZip(String agencyClientId) {
    tweaks.postalCodeOutsideZip(Objects.requireNonNull(agencyClientId, "agencyClientId"));
  }

  /** A server-side limit of {@code perSecond} requests a second (bursts up to one second's worth); 0 for none. */
  public void rateLimit(double perSecond) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("perSecond must not be negative but was " + perSecond);
    }
    rateLimit = perSecond == 0 ? null : new TokenBucket(perSecond, Math.max(1, perSecond));
  }

  /** Disarms every fault and corruption and clears the counters and recorded exchanges. */
  public void reset() {
    faults.clear();
    tweaks.clear();
    exchanges.clear();
    requests.reset();
    statuses.clear();
  }

  /** Requests answered since start or the last {@link #reset()}. */
  public long requestCount() {
    return requests.sum();
  }

  /** Responses with this status since start or the last {@link #reset()}. */
  public long responses(int status) {
    LongAdder a = statuses.get(status);
    return a == null ? 0 : a.sum();
  }

  /** Recorded exchanges, when built with {@code recordExchanges(true)}. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  @Override
  public void close() {
    server.stop();
  }

  // ------------------------------------------------------------------ serving

  private static final class Armed {
    final SimulatedFault fault;
    final AtomicInteger skip;
    final AtomicInteger left;

    Armed(SimulatedFault fault) {
      this.fault = fault;
      this.skip = new AtomicInteger(fault.after());
      this.left = new AtomicInteger(fault.times());
    }
  }

  private SimulatedFault fire(String path) {
    for (Armed a : faults) {
      if (!path.contains(a.fault.pathContains()) || a.left.get() <= 0) {
        continue;
      }
      if (a.skip.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        continue;
      }
      if (a.left.getAndDecrement() > 0) {
        return a.fault;
      }
    }
    return null;
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return TRANSFORMER;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String url = request.getUrl();
      int q = url.indexOf('?');
      String fullPath = q < 0 ? url : url.substring(0, q);
      Map<String, List<String>> query = parseQuery(q < 0 ? "" : url.substring(q + 1));
      long delay = 0;
      if (fullPath.startsWith(SLOW_PREFIX + "/")) {
        fullPath = fullPath.substring(SLOW_PREFIX.length());
        delay = slowDelay.toMillis();
      }
      String method = request.getMethod().getName();
      String auth = request.containsHeader("Authorization") ? request.getHeader("Authorization") : null;
      String contentType = request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : null;
      String body = request.getBodyAsString();
      requests.increment();

      int status;
      String responseBody;
      String responseType = "application/json";
      ResponseDefinitionBuilder out = ResponseDefinitionBuilder.responseDefinition();
      TokenBucket limit = rateLimit;
      long wait = limit == null ? 0 : limit.tryTake();
      SimulatedFault fault = wait > 0 ? null : fire(fullPath);
      if (wait > 0) {
        status = 429;
        responseBody = "{\"code\": 429, \"message\": \"Too many requests. Retry later.\"}";
        out.withHeader("Retry-After", Long.toString(wait));
      } else if (!fullPath.startsWith(API_PREFIX)) {
        status = 404;
        responseBody = "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>";
        responseType = "text/html";
      } else if (!authorized(auth)) {
        status = 401;
        responseBody = "{\"code\": 401, \"message\": \"Authorization required.\"}";
        out.withHeader("WWW-Authenticate", "Basic realm=\"AlayaCare External API\"");
      } else if (forbidden(auth)) {
        status = 403;
        responseBody = "{\"code\": 403, \"message\": \"You do not have the required permissions to perform this action.\"}";
      } else if (fault != null && fault.kind() == SimulatedFault.Kind.STATUS) {
        status = fault.statusCode();
        responseBody = fault.body();
        responseType = fault.contentType();
      } else if (fault != null && fault.kind() == SimulatedFault.Kind.TOO_MANY_REQUESTS) {
        status = 429;
        responseBody = fault.body();
        out.withHeader("Retry-After", Long.toString((fault.duration().toMillis() + 999) / 1000));
      } else if (fault != null && fault.kind() == SimulatedFault.Kind.MALFORMED_JSON) {
        status = 200;
        responseBody = fault.body();
      } else {
        if (fault != null && fault.kind() == SimulatedFault.Kind.DELAY) {
          delay += fault.duration().toMillis();
        }
        Routes.Answer answer = routes.handle(method, fullPath.substring(API_PREFIX.length()), query, body,
            clock.instant());
        status = answer.status();
        responseBody = answer.body();
      }
      statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
      if (record) {
        exchanges.add(new Exchange(method, fullPath, query, auth, contentType, body.isEmpty() ? null : body, status,
            responseType, responseBody));
      }
      out.withStatus(status).withHeader("Content-Type", responseType).withBody(responseBody);
      if (delay > 0) {
        out.withFixedDelay((int) delay);
      }
      return out.build();
    }
  }

  private boolean authorized(String header) {
    String[] pair = basic(header);
    return pair != null && ((pair[0].equals(publicKey) && privateKey.matches(pair[1]))
        || (pair[0].equals(forbiddenPublicKey) && forbiddenPrivateKey.matches(pair[1])));
  }

  private boolean forbidden(String header) {
    String[] pair = basic(header);
    return pair != null && pair[0].equals(forbiddenPublicKey);
  }

  private static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /** Builds and starts an {@link AlayaCareSimulator}. */
  public static final class Builder {
    private final SyntheticAgency agency;
    private String publicKey;
    private Duration slowDelay = Duration.ofSeconds(5);
    private double rateLimit;
    private boolean record;
    private int threads = 16;
    private Clock clock;
    private boolean listsByName;

    private Builder(SyntheticAgency agency) {
      this.agency = Objects.requireNonNull(agency, "agency");
    }

    /** How late answers under {@link #slowBaseUrl()} come (default 5 s). */
    public Builder slowDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("slowDelay must be positive but was " + delay);
      }
      this.slowDelay = delay;
      return this;
    }

    /**
     * The public key of the key pair (default {@code ac-public-<agency seed>}), e.g. a canary for a
     * secret-leak test; the private key is the agency's {@link SyntheticAgency#apiKey()}.
     */
    public Builder publicKey(String publicKey) {
      if (publicKey == null || publicKey.isBlank() || publicKey.contains(":")) {
        throw new IllegalArgumentException("publicKey must be non-blank and without ':' (the Basic user name) but was '"
            + publicKey + "'");
      }
      this.publicKey = publicKey;
      return this;
    }

    /** A server-side rate limit in requests a second (default none). */
    public Builder rateLimit(double perSecond) {
      if (perSecond < 0) {
        throw new IllegalArgumentException("rateLimit must not be negative but was " + perSecond);
      }
      this.rateLimit = perSecond;
      return this;
    }

    /** Whether to keep every exchange for {@link #exchanges()} (default false: large syncs would fill memory). */
    public Builder recordExchanges(boolean record) {
      this.record = record;
      return this;
    }

    /** Server threads (default 16). */
    public Builder threads(int threads) {
      if (threads < 4) {
        throw new IllegalArgumentException("threads must be at least 4 but was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Serves client and employee lists ordered by last name, first name (default: by id).
     * AlayaCare documents no order for them, so a connector must not depend on one.
     */
    public Builder listsByName(boolean byName) {
      this.listsByName = byName;
      return this;
    }

    /**
     * The server's "now" (default: the agency's clock): the default of {@code start_date_from}, and
     * what makes a booked visit {@code late} and an old completed one {@code approved}.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public AlayaCareSimulator start() {
      return new AlayaCareSimulator(this);
    }
  }

  /** The types of record the simulator serves (no shift offers: the External API has none). */
  public static Set<EntityType> servedTypes() {
    return Set.of(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT, EntityType.UNAVAILABILITY,
        EntityType.CALL_OUT);
  }
}
