package com.optimalworkforce.testkit.wellsky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator speaks the Home Connect dialect described in the WellSky notes. */
class WellSkyHomeConnectSimulatorTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final SyntheticAgency AGENCY = SyntheticAgency.small();
  static final MutableClock CLOCK = MutableClock.at(AGENCY.now());
  static WellSkyHomeConnectSimulator sim;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sim = WellSkyHomeConnectSimulator.builder(AGENCY).clock(CLOCK).tokenLifetime(Duration.ofSeconds(60)).build();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void reset() {
    sim.resetFaults();
  }

  @Test
  void issuesTokensWithAStringLifetimeAndRejectsWrongSecrets() throws Exception {
    HttpResponse<String> ok = post(sim.tokenUrl(), null, "application/x-www-form-urlencoded",
        "grant_type=client_credentials&client_id=" + sim.clientId() + "&client_secret=" + sim.clientSecret().reveal());
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode token = JSON.readTree(ok.body());
    assertThat(token.get("expires_in").isTextual()).isTrue();
    assertThat(token.get("expires_in").asText()).isEqualTo("60");
    assertThat(token.get("token_type").asText()).isEqualTo("BearerToken");

    HttpResponse<String> wrong = post(sim.tokenUrl(), null, "application/json",
        "{\"grant_type\":\"client_credentials\",\"client_id\":\"" + sim.clientId() + "\",\"client_secret\":\"nope\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("\"error\"");
  }

  @Test
  void tokenErrorsCanBeInjectedAndAWrongTokenPathGetsTheGatewaysAnswer() throws Exception {
    String form = "grant_type=client_credentials&client_id=" + sim.clientId() + "&client_secret="
        + sim.clientSecret().reveal();
    int before = sim.tokenRequests();
    sim.tokenErrorNext(1, 403, "application/json", "{\"error\":\"access_denied\"}");
    assertThat(sim.pendingFaults()).isEqualTo(1);
    HttpResponse<String> refused = post(sim.tokenUrl(), null, "application/x-www-form-urlencoded", form);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).isEqualTo("{\"error\":\"access_denied\"}");
    assertThat(post(sim.tokenUrl(), null, "application/x-www-form-urlencoded", form).statusCode()).isEqualTo(200);
    assertThat(sim.tokenRequests() - before).isEqualTo(2);

    sim.tokenPrefix("CANARYTOKEN-0b1d-");
    HttpResponse<String> prefixed = post(sim.tokenUrl(), null, "application/x-www-form-urlencoded", form);
    assertThat(JSON.readTree(prefixed.body()).get("access_token").asText()).startsWith("CANARYTOKEN-0b1d-");
    sim.tokenPrefix("hc-token-");

    HttpResponse<String> wrongPath = post(sim.tokenUrl().replace("/oauth/accesstoken", "/oauth/token"), null,
        "application/x-www-form-urlencoded", form);
    assertThat(wrongPath.statusCode()).isEqualTo(403);
    assertThat(wrongPath.body()).contains("Invalid key=value pair (missing equal-sign) in Authorization header");
  }

  @Test
  void tokensExpireByTheClock() throws Exception {
    String token = token();
    assertThat(search("patients/_search/?_page=0&_count=5", "Bearer " + token, "{}").statusCode()).isEqualTo(200);
    CLOCK.advance(Duration.ofSeconds(61));
    HttpResponse<String> expired = search("patients/_search/?_page=0&_count=5", "Bearer " + token, "{}");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("expired");
  }

  @Test
  void theGatewayRefusesAnUnknownRouteAndABearerTokenHeader() throws Exception {
    String token = token();
    HttpResponse<String> noSlash = search("patients/_search?_page=0&_count=5", "Bearer " + token, "{}");
    assertThat(noSlash.statusCode()).isEqualTo(403);
    assertThat(noSlash.body()).contains("Invalid key=value pair (missing equal-sign) in Authorization header");
    HttpResponse<String> wrongScheme = search("patients/_search/?_page=0&_count=5", "BearerToken " + token, "{}");
    assertThat(wrongScheme.statusCode()).isEqualTo(403);
    assertThat(wrongScheme.body()).contains("Invalid key=value pair");
  }

  @Test
  void pagesByTotalRecordsWithWrappedAndBareEntries() throws Exception {
    String auth = "Bearer " + token();
    List<String> ids = new ArrayList<>();
    long total = -1;
    for (int page = 0; total < 0 || (long) page * 25 < total; page++) {
      JsonNode bundle = JSON.readTree(search("patients/_search/?_page=" + page + "&_count=25", auth, "{}").body());
      assertThat(bundle.has("link")).isFalse();
      total = bundle.get("totalRecords").asLong();
      for (JsonNode entry : bundle.get("entry")) {
        JsonNode resource = entry.has("resource") ? entry.get("resource") : entry;
        ids.add(resource.get("id").asText());
      }
    }
    assertThat(ids).hasSize((int) total).doesNotHaveDuplicates();
    assertThat(ids).containsAll(AGENCY.clients().stream().map(Client::id).toList());
    assertThat(ids).contains("P90001"); // a prospect, not a client
    JsonNode first = JSON.readTree(search("patients/_search/?_page=0&_count=2", auth, "{}").body()).get("entry");
    assertThat(first.get(0).has("resource")).isTrue();
    assertThat(first.get(1).has("resource")).isFalse();
    assertThat(search("patients/_search/?_page=0&_count=101", auth, "{}").statusCode()).isEqualTo(422);
  }

  @Test
  void servesShiftsPerClientAndWeekInItsOwnJson() throws Exception {
    String auth = "Bearer " + token();
    Visit visit = AGENCY.visits().filter(v -> v.caregiverId() != null).findFirst().orElseThrow();
    String day = visit.localStart().toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE);
    JsonNode bundle = JSON.readTree(search("appointment/_search/?_page=0&_count=100", auth,
        "{\"clientId\":\"" + visit.clientId() + "\",\"startDate\":\"" + day + "\",\"additionalDays\":6}").body());
    JsonNode shift = null;
    for (JsonNode e : bundle.get("entry")) {
      JsonNode r = e.has("resource") ? e.get("resource") : e;
      if (r.get("id").asText().equals(visit.id())) {
        shift = r;
      }
    }
    assertThat(shift).isNotNull();
    assertThat(shift.get("caregiver").get("id").asText()).isEqualTo(visit.caregiverId());
    assertThat(shift.get("client").get("id").asText()).isEqualTo(visit.clientId());
    assertThat(java.time.LocalDateTime.parse(shift.get("start").asText()).toInstant(ZoneOffset.UTC)).isEqualTo(visit.start());
    assertThat(shift.has("resourceType")).isFalse();
    HttpResponse<String> tooLong = search("appointment/_search/?_page=0&_count=100", auth,
        "{\"clientId\":\"" + visit.clientId() + "\",\"startDate\":\"" + day + "\",\"additionalDays\":7}");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("additionalDays");
    assertThat(search("appointment/_search/?_page=0&_count=100", auth, "{\"startDate\":\"" + day + "\"}").statusCode())
        .isEqualTo(422);
  }

  @Test
  void theUpdatedFilterFindsPeopleChangedSinceADate() throws Exception {
    String auth = "Bearer " + token();
    String today = CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    assertThat(JSON.readTree(search("patients/_search/?_page=0&_count=100", auth, "{\"updated\":\"ge" + today + "\"}")
        .body()).get("totalRecords").asLong()).isZero();
    Client changed = AGENCY.clients().get(3);
    AGENCY.put(changed.toBuilder().postalCode("M4A 9Z9").build());
    JsonNode bundle = JSON.readTree(search("patients/_search/?_page=0&_count=100", auth,
        "{\"updated\":\"ge" + today + "\"}").body());
    assertThat(bundle.get("totalRecords").asLong()).isEqualTo(1);
    AGENCY.put(changed);
  }

  @Test
  void injectsFaults() throws Exception {
    String auth = "Bearer " + token();
    sim.rateLimitNext(1, Duration.ofSeconds(2)).htmlServerErrorNext(1).malformedJsonNext(1).serverErrorNext(1);
    HttpResponse<String> limited = search("patients/_search/?_page=0&_count=5", auth, "{}");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("2");
    HttpResponse<String> html = search("patients/_search/?_page=0&_count=5", auth, "{}");
    assertThat(html.statusCode()).isEqualTo(500);
    assertThat(html.body()).startsWith("<html>");
    HttpResponse<String> malformed = search("patients/_search/?_page=0&_count=5", auth, "{}");
    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThat(readable(malformed.body())).isFalse();
    assertThat(search("patients/_search/?_page=0&_count=5", auth, "{}").statusCode()).isEqualTo(503);
    assertThat(search("patients/_search/?_page=0&_count=5", auth, "{}").statusCode()).isEqualTo(200);

    sim.errorNext(1, 422, "text/plain", "startDate must be YYYYMMDD").errorNext(1, 403, "application/json",
        "{\"error\":\"Not licensed\"}");
    HttpResponse<String> text = search("patients/_search/?_page=0&_count=5", auth, "{}");
    assertThat(text.statusCode()).isEqualTo(422);
    assertThat(text.headers().firstValue("Content-Type")).contains("text/plain");
    assertThat(text.body()).isEqualTo("startDate must be YYYYMMDD");
    HttpResponse<String> error = search("patients/_search/?_page=0&_count=5", auth, "{}");
    assertThat(error.statusCode()).isEqualTo(403);
    assertThat(error.body()).isEqualTo("{\"error\":\"Not licensed\"}");
    assertThat(search("patients/_search/?_page=0&_count=5", auth, "{}").statusCode()).isEqualTo(200);

    sim.errorAfter(2, 409, "text/plain", "third");
    assertThat(search("patients/_search/?_page=0&_count=5", auth, "{}").statusCode()).isEqualTo(200);
    assertThat(search("patients/_search/?_page=0&_count=5", auth, "{}").statusCode()).isEqualTo(200);
    HttpResponse<String> third = search("patients/_search/?_page=0&_count=5", auth, "{}");
    assertThat(third.statusCode()).isEqualTo(409);
    assertThat(third.body()).isEqualTo("third");
    assertThat(sim.pendingFaults()).isZero();

    sim.badData(EntityType.CLIENT, AGENCY.clients().get(0).id());
    JsonNode first = JSON.readTree(search("patients/_search/?_page=0&_count=1", auth, "{}").body()).get("entry").get(0);
    assertThat(first.get("resource").has("name")).isFalse();
  }

  @Test
  void anUnlicensedClientGetsATokenButNoData() throws Exception {
    HttpResponse<String> token = post(sim.tokenUrl(), null, "application/x-www-form-urlencoded",
        "grant_type=client_credentials&client_id=" + sim.unlicensedClientId() + "&client_secret=" + sim.clientSecret().reveal());
    String value = JSON.readTree(token.body()).get("access_token").asText();
    HttpResponse<String> denied = search("patients/_search/?_page=0&_count=5", "Bearer " + value, "{}");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("\"error\"");
  }

  @Test
  void assigningACaregiverUpdatesTheAgency() throws Exception {
    String auth = "Bearer " + token();
    Visit open = AGENCY.visits().filter(v -> v.status() == VisitStatus.OPEN).findFirst().orElseThrow();
    String caregiver = AGENCY.caregivers().get(5).id();
    HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "appointment/" + open.id() + "/"))
        .header("Authorization", auth).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + open.id() + "\",\"caregiver\":{\"id\":\"" + caregiver
            + "\"},\"client\":{\"id\":\"" + open.clientId() + "\"},\"status\":\"SCHEDULED\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(AGENCY.visit(open.id()).orElseThrow().caregiverId()).isEqualTo(caregiver);
    assertThat(AGENCY.visit(open.id()).orElseThrow().status()).isEqualTo(VisitStatus.SCHEDULED);
    assertThat(sim.shiftUpdates()).hasSize(1);
    AGENCY.put(open);
  }

  private static boolean readable(String body) {
    try {
      JSON.readTree(body);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String token() throws Exception {
    HttpResponse<String> r = post(sim.tokenUrl(), null, "application/x-www-form-urlencoded",
        "grant_type=client_credentials&client_id=" + sim.clientId() + "&client_secret=" + sim.clientSecret().reveal());
    return JSON.readTree(r.body()).get("access_token").asText();
  }

  private static HttpResponse<String> search(String relative, String authorization, String body) throws Exception {
    return post(sim.baseUrl() + relative, authorization, "application/json", body);
  }

  private static HttpResponse<String> post(String url, String authorization, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
