package com.optimalworkforce.core.http.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.testkit.InMemoryConnector;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small JSON-over-HTTP scheduling API served by WireMock from a {@link SyntheticAgency}, with
 * OAuth client-credentials tokens and programmable faults. Endpoints:
 * {@code POST /oauth/token}, {@code GET /api/regions},
 * {@code GET /api/records/{TYPE}?regions=a,b&from=..&to=..&pageSize=n[&cursor=c]}.
 */
public final class AgencyApi implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "agency-api";
  public static final String CLIENT_ID = "fault-suite";

  private final SyntheticAgency agency;
  private final InMemoryConnector pages;
  private final String clientSecret;
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final AtomicInteger pagesServed = new AtomicInteger();
  private final List<Injection> injections = new CopyOnWriteArrayList<>();
  private final Map<String, SourceRecord> lastRecordBefore = new ConcurrentHashMap<>();
  private volatile boolean repeatLastRecordOfPreviousPage;
  private volatile int revokeTokensAfterPages = -1;
  private volatile String tokenPrefix = "tok-";

  public AgencyApi(SyntheticAgency agency, String clientSecret) {
    this.agency = agency;
    this.pages = InMemoryConnector.builder(agency).apiKey(agency.apiKey()).build();
    this.clientSecret = clientSecret;
  }

  /** A fault: the next {@code responses.size()} requests matching {@code when} get these answers instead. */
  private static final class Injection {
    final Predicate<Request> when;
    final List<ResponseDefinition> responses;

    Injection(Predicate<Request> when, List<ResponseDefinition> responses) {
      this.when = when;
      this.responses = new ArrayList<>(responses);
    }
  }

  /** The next requests matching {@code when} get {@code responses}, one each, then normal service resumes. */
  public void inject(Predicate<Request> when, ResponseDefinition... responses) {
    injections.add(new Injection(when, Arrays.asList(responses)));
  }

  /** Every page after the first of a stream starts again with the last record of the page before. */
  public void repeatLastRecordOfPreviousPage() {
    repeatLastRecordOfPreviousPage = true;
  }

  /** Issued tokens are {@code prefix + n} (default {@code tok-}). */
  public void tokenPrefix(String prefix) {
    tokenPrefix = prefix;
  }

  /** After this many pages, every token issued so far stops working (a 401 mid-sync). */
  public void revokeTokensAfterPages(int pages) {
    revokeTokensAfterPages = pages;
  }

  public int tokensIssued() {
    return tokensIssued.get();
  }

  public int pagesServed() {
    return pagesServed.get();
  }

  public void reset() {
    injections.clear();
    repeatLastRecordOfPreviousPage = false;
    revokeTokensAfterPages = -1;
    tokenPrefix = "tok-";
    pagesServed.set(0);
  }

  /** Matches record requests of a stream resuming from a cursor (so never the first page). */
  public static Predicate<Request> laterPageOf(EntityType type) {
    return r -> r.getUrl().startsWith("/api/records/" + type.name() + "?") && r.getUrl().contains("cursor=");
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    for (Injection i : injections) {
      synchronized (i) {
        if (!i.responses.isEmpty() && i.when.test(request)) {
          return i.responses.remove(0);
        }
      }
    }
    String path = URI.create(request.getUrl()).getPath();
    try {
      if (path.equals("/oauth/token")) {
        return token(request);
      }
      String auth = request.getHeader("Authorization");
      if (auth == null || !auth.startsWith("Bearer ") || !validTokens.contains(auth.substring("Bearer ".length()))) {
        // Like some real servers, it echoes what it rejected.
        return json(401, "{\"error\":\"invalid_token\",\"detail\":\"rejected Authorization: " + auth + "\"}");
      }
      if (path.equals("/api/regions")) {
        return json(200, RecordJson.MAPPER.writeValueAsString(new RecordJson.RegionsBody(agency.regions())));
      }
      if (path.startsWith("/api/records/")) {
        return page(request, EntityType.valueOf(path.substring("/api/records/".length())));
      }
      return json(404, "{\"error\":\"not_found\"}");
    } catch (Exception e) {
      return json(500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
    }
  }

  private ResponseDefinition token(Request request) {
    Map<String, String> form = form(request.getBodyAsString());
    if (!CLIENT_ID.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
      // Like some real servers, it echoes what it rejected.
      return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"client secret "
          + form.get("client_secret") + " is not valid for " + form.get("client_id") + "\"}");
    }
    String token = tokenPrefix + tokensIssued.incrementAndGet();
    validTokens.add(token);
    return json(200, "{\"token_type\":\"Bearer\",\"access_token\":\"" + token + "\",\"expires_in\":\"3599\"}");
  }

  private ResponseDefinition page(Request request, EntityType type) throws Exception {
    Set<String> regions = new HashSet<>(Arrays.asList(param(request, "regions").split(",")));
    TimeWindow window = TimeWindow.of(Instant.parse(param(request, "from")), Instant.parse(param(request, "to")));
    ReadRequest.Builder read = ReadRequest.builder(type).regions(regions).window(window)
        .pageSize(Integer.parseInt(param(request, "pageSize")));
    QueryParameter cursor = request.queryParameter("cursor");
    String cursorToken = cursor.isPresent() ? cursor.firstValue() : null;
    if (cursorToken != null) {
      read.cursor(SyncCursor.of(cursorToken));
    }
    Page page = pages.read(read.build());
    List<SourceRecord> records = new ArrayList<>(page.records());
    if (page.hasNext() && !page.records().isEmpty()) {
      lastRecordBefore.put(page.nextCursor().token(), page.records().get(page.records().size() - 1));
    }
    if (repeatLastRecordOfPreviousPage && cursorToken != null && lastRecordBefore.containsKey(cursorToken)) {
      records.add(0, lastRecordBefore.get(cursorToken));
    }
    int served = pagesServed.incrementAndGet();
    if (served == revokeTokensAfterPages) {
      validTokens.clear();
    }
    return json(200, RecordJson.MAPPER.writeValueAsString(new RecordJson.PageBody(records,
        page.hasNext() ? page.nextCursor().token() : null, page.totalRecords())));
  }

  private static String param(Request request, String name) {
    QueryParameter p = request.queryParameter(name);
    if (!p.isPresent()) {
      throw new IllegalArgumentException("missing " + name);
    }
    return p.firstValue();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  public static ResponseDefinition json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
  }
}
