package com.optimalworkforce.testkit.alayacare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.ReferenceSpecs;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator serves the agency through the documented endpoints, in the documented shapes. */
class AlayaCareSimulatorTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.small();
  static final AlayaCareSimulator SIM = AlayaCareSimulator.builder(AGENCY).recordExchanges(true).start();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @AfterAll
  static void stop() {
    SIM.close();
  }

  @BeforeEach
  void reset() {
    SIM.reset();
  }

  private static HttpResponse<String> get(String pathAndQuery, String user, String password) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/ext/api/v2/" + pathAndQuery))
        .timeout(Duration.ofSeconds(10));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode getJson(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery, SIM.publicKey(), SIM.privateKey().reveal());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void checksBasicAuthAndPermissions() throws Exception {
    assertThat(get("patients/clients?page=1&count=1", null, null).statusCode()).isEqualTo(401);
    assertThat(get("patients/clients?page=1&count=1", SIM.publicKey(), "wrong").body()).contains("Authorization required.");
    assertThat(get("patients/clients?page=1&count=1", SIM.forbiddenPublicKey(), SIM.forbiddenPrivateKey().reveal())
        .statusCode()).isEqualTo(403);
    assertThat(get("patients/clients?page=1&count=1", SIM.publicKey(), SIM.privateKey().reveal()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void pagesThroughABranchsVisitsInIdOrder() throws Exception {
    long branch = SIM.branchId(AGENCY.regions().get(0).id());
    String range = "&start_date_from=2026-11-09T00:00:00Z&start_date_to=2026-11-22T23:59:59Z";
    JsonNode first = getJson("scheduler/visits?branch_id=" + branch + "&page=1&count=10" + range);
    int pages = first.get("total_pages").asInt();
    long expected = AGENCY.visits().filter(v -> v.regionId().equals(AGENCY.regions().get(0).id()))
        .filter(v -> !v.start().isBefore(java.time.Instant.parse("2026-11-09T00:00:00Z"))
            && !v.start().isAfter(java.time.Instant.parse("2026-11-22T23:59:59Z"))).count();
    assertThat(pages).isEqualTo((int) ((expected + 9) / 10));
    long previous = -1;
    long seen = 0;
    for (int p = 1; p <= pages; p++) {
      JsonNode page = getJson("scheduler/visits?branch_id=" + branch + "&page=" + p + "&count=10" + range);
      assertThat(page.get("count").asInt()).isEqualTo(page.get("items").size());
      for (JsonNode item : page.get("items")) {
        assertThat(item.get("alayacare_visit_id").asLong()).isGreaterThan(previous);
        previous = item.get("alayacare_visit_id").asLong();
        seen++;
      }
    }
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void refusesBothExternalAndInternalIds() throws Exception {
    HttpResponse<String> r = get("scheduler/visits?client_id=C10001&alayacare_client_id=10001",
        SIM.publicKey(), SIM.privateKey().reveal());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("mutually exclusive");
  }

  @Test
  void injectsFaultsInOrderAndOnlyOnMatchingPaths() throws Exception {
    SIM.inject(SimulatedFault.status(503).times(2).onPath("scheduler/visits"));
    SIM.inject(SimulatedFault.tooManyRequests(Duration.ofSeconds(2)).onPath("patients/branches"));
    assertThat(get("patients/clients?count=1", SIM.publicKey(), SIM.privateKey().reveal()).statusCode()).isEqualTo(200);
    assertThat(get("scheduler/visits", SIM.publicKey(), SIM.privateKey().reveal()).statusCode()).isEqualTo(503);
    assertThat(get("scheduler/visits", SIM.publicKey(), SIM.privateKey().reveal()).statusCode()).isEqualTo(503);
    assertThat(get("scheduler/visits", SIM.publicKey(), SIM.privateKey().reveal()).statusCode()).isEqualTo(200);
    HttpResponse<String> throttled = get("patients/branches", SIM.publicKey(), SIM.privateKey().reveal());
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(SIM.responses(503)).isEqualTo(2);
  }

  @Test
  void writesVisitUpdatesBackToTheAgency() throws Exception {
    Visit open = AGENCY.visits().filter(Visit::isUnfilled).filter(v -> v.start().isAfter(AGENCY.now())).findFirst()
        .orElseThrow();
    String caregiver = AGENCY.caregivers().stream().filter(c -> c.regionId().equals(open.regionId())).findFirst()
        .orElseThrow().id();
    HttpRequest put = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + "/ext/api/v2/scheduler/visits/"
            + SIM.visitId(open.id())))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (SIM.publicKey() + ":" + SIM.privateKey().reveal()).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"alayacare_employee_id\": " + SIM.employeeId(caregiver) + "}"))
        .build();
    HttpResponse<String> r = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(AGENCY.visit(open.id()).orElseThrow().caregiverId()).isEqualTo(caregiver);
    AGENCY.put(open); // leave the shared agency as it was
  }

  @Test
  void servesBadDataAndTenantVariationsOnRequest() throws Exception {
    Visit visit = AGENCY.visits().filter(v -> v.start().isAfter(AGENCY.now())).findFirst().orElseThrow();
    long visitId = SIM.visitId(visit.id());
    SIM.corruptVisit(visit.id(), VisitCorruption.NO_CLIENT_ID);
    JsonNode detail = getJson("scheduler/visits/" + visitId);
    assertThat(detail.has("alayacare_client_id")).isFalse();
    SIM.corruptVisit(visit.id(), VisitCorruption.END_BEFORE_START);
    detail = getJson("scheduler/visits/" + visitId);
    assertThat(java.time.OffsetDateTime.parse(detail.get("end_at").asText()))
        .isBefore(java.time.OffsetDateTime.parse(detail.get("start_at").asText()));
    SIM.corruptVisit(visit.id(), VisitCorruption.UNKNOWN_STATUS);
    assertThat(getJson("scheduler/visits/" + visitId).get("status").asText()).isEqualTo("rescheduled");

    SIM.postalCodeOutsideZip(visit.clientId());
    JsonNode client = getJson("patients/clients/" + SIM.clientId(visit.clientId())).get("demographics");
    assertThat(client.has("zip")).isFalse();
    assertThat(client.path("location").has("zip")).isFalse();
    assertThat(client.get("postal_code").asText()).isEqualTo(visit.postalCode());
    assertThat(getJson("scheduler/visits/" + visitId).get("route").get(0).get("zip_code").asText())
        .isEqualTo(visit.postalCode());

    SIM.reset();
    assertThat(getJson("scheduler/visits/" + visitId).get("status").asText()).isNotEqualTo("rescheduled");
  }

  @Test
  void listsClientsByNameWhenAskedAndShowsLateAndApprovedVisits() throws Exception {
    try (AlayaCareSimulator byName = AlayaCareSimulator.builder(AGENCY).listsByName(true).start()) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(byName.baseUrl()
              + "/ext/api/v2/patients/clients?count=1000"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (byName.publicKey() + ":" + byName.privateKey().reveal()).getBytes(StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      List<String> names = new java.util.ArrayList<>();
      JSON.readTree(r.body()).get("items").forEach(i -> names.add(i.get("last_name").asText()));
      assertThat(names).hasSize(AGENCY.clients().size()).isSorted();
    }
    Visit past = AGENCY.visits().filter(v -> v.status() == com.optimalworkforce.core.model.VisitStatus.COMPLETED)
        .filter(v -> v.end().isBefore(AGENCY.now().minus(Duration.ofDays(4)))).findFirst().orElseThrow();
    assertThat(getJson("scheduler/visits/" + SIM.visitId(past.id())).get("status").asText()).isEqualTo("approved");
    AGENCY.put(past.toBuilder().status(com.optimalworkforce.core.model.VisitStatus.SCHEDULED).build());
    try {
      assertThat(getJson("scheduler/visits/" + SIM.visitId(past.id())).get("status").asText()).isEqualTo("late");
    } finally {
      AGENCY.put(past);
    }
  }

  @Test
  void responsesConformToThePublishedSpecs() throws Exception {
    AlayaCareSpecValidator validator = AlayaCareSpecValidator.fromDirectory(
        ReferenceSpecs.requireFile("alayacare/scheduler.yml").getParent());
    long branch = SIM.branchId(AGENCY.regions().get(1).id());
    JsonNode clients = getJson("patients/clients?branch=" + branch + "&page=1&count=5");
    getJson("patients/clients/" + clients.get("items").get(0).get("id").asLong());
    getJson("patients/branches?page=1&count=10");
    JsonNode employees = getJson("employees/employees?branch=" + branch + "&page=1&count=5");
    getJson("employees/employees/" + employees.get("items").get(0).get("id").asLong());
    getJson("employees/employee/" + employees.get("items").get(0).get("id").asLong()
        + "/unavailabilities?start_date_to=2026-12-01&end_date_from=2026-11-01&page=1&count=50");
    JsonNode visits = getJson("scheduler/visits?branch_id=" + branch
        + "&start_date_from=2026-11-01T00:00:00Z&start_date_to=2026-11-21T00:00:00Z&page=1&count=200");
    getJson("scheduler/visits/" + visits.get("items").get(0).get("alayacare_visit_id").asLong());
    get("scheduler/visits?page=x", SIM.publicKey(), SIM.privateKey().reveal());
    List<Exchange> exchanges = SIM.exchanges();
    List<String> problems = validator.validate(exchanges.subList(0, exchanges.size() - 1));
    assertThat(problems).isEmpty();
    // The validator does catch what the spec forbids: a non-integer page.
    assertThat(validator.validate(exchanges.get(exchanges.size() - 1))).isNotEmpty();
  }
}
