package com.optimalworkforce.testkit.wellsky.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers every request of the Home Connect simulator: token issuance at the host root, the
 * gateway's checks, the injected faults, and the {@code /v1/} searches and shift updates over the
 * agency. Not API.
 */
public final class HomeConnectHandler implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "wellsky-home-connect";
  /** What the API gateway answers for an unknown route or an Authorization header it cannot parse. */
  public static final String GATEWAY_MESSAGE = "Invalid key=value pair (missing equal-sign) in Authorization header"
      + " (hashed with SHA-256 and encoded with Base64): '%s'.";
  public static final int MAX_COUNT = 100;
  private static final Pattern UPDATED = Pattern.compile("(lt|gt|le|ge|eq)(\\d{4}-\\d{2}-\\d{2})(T.+)?");
  private static final Pattern APPOINTMENT = Pattern.compile("/v1/appointment/([^/]+)/");
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private final HomeConnectData data;
  private final TokenIssuer tokens;
  private final Faults faults;
  private final Faults tokenFaults;
  private final String agencyId;
  private final boolean locationTimezones;
  private final int leads;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicInteger unauthorized = new AtomicInteger();
  private final List<String> shiftUpdates = new CopyOnWriteArrayList<>();

  public HomeConnectHandler(HomeConnectData data, TokenIssuer tokens, Faults faults, Faults tokenFaults,
      String agencyId, boolean locationTimezones, int leads) {
    this.data = data;
    this.tokens = tokens;
    this.faults = faults;
    this.tokenFaults = tokenFaults;
    this.agencyId = agencyId;
    this.locationTimezones = locationTimezones;
    this.leads = leads;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** Requests by {@code "METHOD /path"} with ids replaced by {@code {id}}. */
  public int count(String methodAndPath) {
    AtomicInteger c = counts.get(methodAndPath);
    return c == null ? 0 : c.get();
  }

  /** Every request to {@code /v1/}. */
  public int apiRequests() {
    return counts.entrySet().stream().filter(e -> e.getKey().contains(" /v1/")).mapToInt(e -> e.getValue().get()).sum();
  }

  /** API requests answered 401 (no, unknown or expired token). */
  public int unauthorized() {
    return unauthorized.get();
  }

  /** Bodies of the shift updates ({@code PUT appointment/{id}/}) received, in order. */
  public List<String> shiftUpdates() {
    return List.copyOf(shiftUpdates);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    URI uri = URI.create(request.getUrl());
    String path = uri.getRawPath();
    String method = request.getMethod().getName();
    counts.computeIfAbsent(method + " " + APPOINTMENT.matcher(path).replaceAll("/v1/appointment/{id}/"),
        k -> new AtomicInteger()).incrementAndGet();
    if ("/oauth/accesstoken".equals(path)) {
      return "POST".equals(method) ? token(request) : gateway(request);
    }
    if (!path.startsWith("/v1/")) {
      return gateway(request);
    }
    Faults.Fault fault = faults.poll();
    if (fault != null && fault.kind() != Faults.Kind.PASS) {
      return fault(fault);
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null || authorization.isBlank()) {
      unauthorized.incrementAndGet();
      return json(401, "{\"message\":\"Unauthorized\"}");
    }
    if (!authorization.startsWith("Bearer ")) {
      return gateway(request);
    }
    switch (tokens.check(authorization.substring(7).strip())) {
      case UNKNOWN -> {
        unauthorized.incrementAndGet();
        return json(401, "{\"error\":\"Invalid access token\"}");
      }
      case EXPIRED -> {
        unauthorized.incrementAndGet();
        return json(401, "{\"error\":\"Access token expired\"}");
      }
      case DENIED -> {
        return json(403, "{\"error\":\"This client is not licensed for the Home Connect API of this agency\"}");
      }
      default -> { }
    }
    Map<String, String> query = query(uri.getRawQuery());
    try {
      if ("POST".equals(method)) {
        switch (path) {
          case "/v1/patients/_search/" -> {
            return page(people(EntityType.CLIENT, body(request)), query);
          }
          case "/v1/practitioners/_search/" -> {
            return page(people(EntityType.CAREGIVER, body(request)), query);
          }
          case "/v1/locations/_search" -> {
            List<ObjectNode> locations = new ArrayList<>();
            for (Region r : data.agency().regions()) {
              locations.add(HomeConnectJson.location(r, locationTimezones));
            }
            return page(locations, query);
          }
          case "/v1/appointment/_search/" -> {
            return page(shifts(body(request)), query);
          }
          default -> {
            return gateway(request);
          }
        }
      }
      Matcher m = APPOINTMENT.matcher(path);
      if ("PUT".equals(method) && m.matches()) {
        return updateShift(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), request.getBodyAsString());
      }
      return gateway(request);
    } catch (Unprocessable e) {
      return delayed(ResponseDefinitionBuilder.responseDefinition().withStatus(422)
          .withHeader("Content-Type", "text/plain").withBody(e.getMessage()));
    }
  }

  // ---------------------------------------------------------------- token

  private ResponseDefinition token(Request request) {
    Faults.Fault fault = tokenFaults.poll();
    if (fault != null && fault.kind() != Faults.Kind.PASS) {
      tokens.countRequest();
      return fault(fault);
    }
    Optional<TokenIssuer.Credentials> credentials = TokenIssuer.fromBasicHeader(request.getHeader("Authorization"));
    if (credentials.isEmpty()) {
      String contentType = request.getHeader("Content-Type");
      if (contentType != null && contentType.contains("json")) {
        try {
          JsonNode body = HomeConnectJson.MAPPER.readTree(request.getBodyAsString());
          credentials = Optional.of(new TokenIssuer.Credentials(body.path("client_id").asText(null),
              body.path("client_secret").asText(null)));
        } catch (JsonProcessingException e) {
          return json(400, "{\"error\":\"invalid_request\"}");
        }
      } else {
        Map<String, String> form = query(request.getBodyAsString());
        credentials = Optional.of(new TokenIssuer.Credentials(form.get("client_id"), form.get("client_secret")));
      }
    }
    Optional<TokenIssuer.Issued> issued = tokens.issue(credentials.get());
    if (issued.isEmpty()) {
      return json(401, "{\"error\":\"invalid_client\"}");
    }
    ObjectNode body = HomeConnectJson.MAPPER.createObjectNode();
    body.put("token_type", "BearerToken");
    body.put("access_token", issued.get().token());
    body.put("expires_in", Long.toString(issued.get().expiresInSeconds())); // a string, as WellSky sends it
    body.put("refresh_token_expires_in", "0");
    body.put("issued_at", 1_700_000_000_000L);
    body.put("scope", "");
    body.put("status", "approved");
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }

  // ---------------------------------------------------------------- searches

  private List<ObjectNode> people(EntityType type, JsonNode body) throws Unprocessable {
    Function<Instant, Boolean> updated = updatedFilter(body.path("updated").asText(null));
    List<ObjectNode> out = new ArrayList<>();
    List<? extends SourceRecord> records = type == EntityType.CLIENT ? data.clients() : data.caregivers();
    for (SourceRecord r : records) {
      if (!updated.apply(data.lastUpdated(r))) {
        continue;
      }
      ObjectNode json = r instanceof Client c ? HomeConnectJson.patient(c, agencyId)
          : HomeConnectJson.practitioner((Caregiver) r, agencyId);
      if (data.isCorrupt(type, r.id())) {
        json.remove("name");
      }
      out.add(json);
    }
    List<Region> regions = data.agency().regions();
    for (int i = 0; i < leads && updated.apply(Instant.EPOCH); i++) {
      String region = regions.get(i % regions.size()).id();
      out.add(type == EntityType.CLIENT ? HomeConnectJson.prospect("P" + (90001 + i), agencyId, region)
          : HomeConnectJson.applicant("A" + (90001 + i), agencyId, region));
    }
    return out;
  }

  private static Function<Instant, Boolean> updatedFilter(String filter) throws Unprocessable {
    if (filter == null || filter.isBlank()) {
      return i -> true;
    }
    Matcher m = UPDATED.matcher(filter.strip());
    if (!m.matches()) {
      throw new Unprocessable("Invalid value for updated: '" + filter + "'. Use a prefix (lt, gt, le, ge, eq) and a date.");
    }
    String op = m.group(1);
    if (m.group(3) == null) {
      LocalDate date = LocalDate.parse(m.group(2));
      return i -> compare(i.atZone(ZoneOffset.UTC).toLocalDate().compareTo(date), op);
    }
    Instant at;
    try {
      at = Instant.parse(m.group(2) + m.group(3));
    } catch (DateTimeParseException e) {
      throw new Unprocessable("Invalid value for updated: '" + filter + "'.");
    }
    return i -> compare(i.compareTo(at), op);
  }

  private static boolean compare(int c, String op) {
    return switch (op) {
      case "lt" -> c < 0;
      case "gt" -> c > 0;
      case "le" -> c <= 0;
      case "ge" -> c >= 0;
      default -> c == 0;
    };
  }

  private List<ObjectNode> shifts(JsonNode body) throws Unprocessable {
    String clientId = body.path("clientId").asText(null);
    String caregiverId = body.path("caregiverId").asText(null);
    if (clientId == null && caregiverId == null) {
      throw new Unprocessable("clientId or caregiverId is required");
    }
    String startDate = body.path("startDate").asText(null);
    if (startDate == null) {
      throw new Unprocessable("startDate is required (weekNo and monthNo are not simulated)");
    }
    LocalDate from;
    try {
      from = LocalDate.parse(startDate, YYYYMMDD);
    } catch (DateTimeParseException e) {
      throw new Unprocessable("startDate must be YYYYMMDD but was '" + startDate + "'");
    }
    int additionalDays = body.path("additionalDays").asInt(0);
    if (additionalDays < 0 || additionalDays > 6) {
      throw new Unprocessable("additionalDays must be between 0 and 6 but was " + additionalDays);
    }
    List<ObjectNode> out = new ArrayList<>();
    for (Visit v : data.shifts(clientId, caregiverId, from, from.plusDays(additionalDays))) {
      ObjectNode json = HomeConnectJson.appointment(v);
      if (data.isCorrupt(EntityType.VISIT, v.id())) {
        json.put("end", HomeConnectJson.utc(v.start().minus(Duration.ofHours(1))));
      }
      out.add(json);
    }
    return out;
  }

  private ResponseDefinition page(List<ObjectNode> all, Map<String, String> query) throws Unprocessable {
    int page = intParam(query, "_page", 0);
    int count = intParam(query, "_count", 10);
    if (page < 0) {
      throw new Unprocessable("_page must not be negative");
    }
    if (count < 1 || count > MAX_COUNT) {
      throw new Unprocessable("_count must be between 1 and " + MAX_COUNT);
    }
    long from = (long) page * count;
    List<ObjectNode> slice = from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + count));
    return delayed(ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(HomeConnectJson.bundle(slice, all.size(), (int) from).toString()));
  }

  // ---------------------------------------------------------------- writes

  private ResponseDefinition updateShift(String id, String bodyText) throws Unprocessable {
    JsonNode body = parse(bodyText);
    Optional<Visit> found = data.agency().visit(id);
    if (found.isEmpty()) {
      return json(404, "{\"error\":\"Appointment " + id + " not found\"}");
    }
    Visit v = found.get();
    String clientId = body.path("client").path("id").asText(null);
    if (clientId != null && !clientId.equals(v.clientId())) {
      throw new Unprocessable("client.id cannot be changed");
    }
    JsonNode caregiver = body.path("caregiver");
    String caregiverId = caregiver.isObject() ? caregiver.path("id").asText(null) : null;
    if (caregiverId != null && data.agency().caregivers().stream().noneMatch(c -> c.id().equals(caregiverId))) {
      throw new Unprocessable("caregiver " + caregiverId + " does not exist");
    }
    VisitStatus status = v.status();
    if (caregiverId != null && (status == VisitStatus.OPEN || status == VisitStatus.OFFERED)) {
      status = VisitStatus.SCHEDULED;
    } else if (caregiverId == null && status == VisitStatus.SCHEDULED) {
      status = VisitStatus.OPEN;
    }
    Visit updated = v.toBuilder().caregiverId(caregiverId).status(status).build();
    shiftUpdates.add(bodyText);
    data.agency().put(updated);
    return delayed(ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(HomeConnectJson.appointment(updated).toString()));
  }

  // ---------------------------------------------------------------- responses

  private ResponseDefinition fault(Faults.Fault fault) {
    ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition();
    switch (fault.kind()) {
      case RATE_LIMIT -> b.withStatus(429).withHeader("Content-Type", "application/json")
          .withHeader("Retry-After", Long.toString(Math.max(0, fault.retryAfter().toSeconds())))
          .withBody("{\"message\":\"Too Many Requests\"}");
      case SERVER_ERROR -> b.withStatus(503).withHeader("Content-Type", "application/json")
          .withBody("{\"message\":\"Service Unavailable\"}");
      case HTML_SERVER_ERROR -> b.withStatus(500).withHeader("Content-Type", "text/html")
          .withBody("<html><head><title>500 Internal Server Error</title></head>"
              + "<body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>");
      case MALFORMED_JSON -> b.withStatus(200).withHeader("Content-Type", "application/json")
          .withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"totalRecords\":12,\"entry\":[{\"resource\":{\"id");
      case ERROR -> b.withStatus(fault.status()).withHeader("Content-Type", fault.contentType()).withBody(fault.body());
      case PASS -> throw new IllegalStateException("a PASS entry is answered normally, not as a fault");
    }
    return delayed(b);
  }

  private ResponseDefinition gateway(Request request) {
    String auth = request.getHeader("Authorization");
    String shown = auth == null ? "" : Integer.toHexString(auth.hashCode()) + "=";
    ObjectNode body = HomeConnectJson.MAPPER.createObjectNode().put("message", String.format(GATEWAY_MESSAGE, shown));
    return json(403, body.toString());
  }

  private ResponseDefinition json(int status, String body) {
    return delayed(ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body));
  }

  private ResponseDefinition delayed(ResponseDefinitionBuilder b) {
    Duration delay = faults.delay();
    if (!delay.isZero()) {
      b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, delay.toMillis()));
    }
    return b.build();
  }

  private static JsonNode body(Request request) throws Unprocessable {
    String text = request.getBodyAsString();
    return text == null || text.isBlank() ? HomeConnectJson.MAPPER.createObjectNode() : parse(text);
  }

  private static JsonNode parse(String text) throws Unprocessable {
    try {
      JsonNode node = HomeConnectJson.MAPPER.readTree(text);
      if (node == null || !node.isObject()) {
        throw new Unprocessable("Request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new Unprocessable("Request body is not valid JSON");
    }
  }

  private static int intParam(Map<String, String> query, String name, int fallback) throws Unprocessable {
    String raw = query.get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new Unprocessable(name + " must be a whole number but was '" + raw + "'");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }

  /** A request the API refuses with 422 and a plain-text reason. */
  private static final class Unprocessable extends Exception {
    private static final long serialVersionUID = 1L;

    Unprocessable(String message) {
      super(message);
    }
  }
}
