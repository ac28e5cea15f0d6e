package com.optimalworkforce.connectors.alayacare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.WriteBack;
import com.optimalworkforce.core.connector.WriteConflictException;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.ReferenceSpecs;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import com.optimalworkforce.testkit.alayacare.AlayaCareSpecValidator;
import com.optimalworkforce.testkit.alayacare.Exchange;
import com.optimalworkforce.testkit.alayacare.SimulatedFault;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the connector reads and writes, checked against the agency and the published specs. */
class AlayaCareConnectorTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(9).regions(2).clients(40).caregivers(24)
      .weeksOfHistory(2).weeksAhead(1).build();
  static final AlayaCareSimulator SIM = AlayaCareSimulator.builder(AGENCY).recordExchanges(true).start();
  static final TimeWindow WINDOW = AGENCY.window();
  static final ObjectMapper JSON = new ObjectMapper();

  @AfterAll
  static void stop() {
    SIM.close();
  }

  @BeforeEach
  void reset() {
    SIM.reset();
  }

  private static List<SourceRecord> readAll(AlayaCareConnector connector, EntityType type) {
    Set<String> branches = AGENCY.regions().stream().map(r -> Long.toString(SIM.branchId(r.id())))
        .collect(Collectors.toSet());
    ReadRequest request = ReadRequest.builder(type).regions(branches).window(WINDOW).pageSize(200).build();
    List<SourceRecord> out = new ArrayList<>();
    while (request != null) {
      Page page = connector.read(request);
      assertThat(page.rejected()).isEmpty();
      out.addAll(page.records());
      request = page.next().map(request::withCursor).orElse(null);
    }
    return out;
  }

  @Test
  void clientsCarryTheirPostalCodeFromZipOrLocationZip() {
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      Map<String, Client> read = readAll(connector, EntityType.CLIENT).stream().map(Client.class::cast)
          .collect(Collectors.toMap(Client::id, Function.identity()));
      assertThat(read).hasSize(AGENCY.clients().size());
      for (Client c : AGENCY.clients()) {
        Client got = read.get(Long.toString(SIM.clientId(c.id())));
        assertThat(got.postalCode()).as("postal code of %s", c.id()).isEqualTo(c.postalCode());
        assertThat(got.name()).isEqualTo(c.name());
        assertThat(got.regionId()).isEqualTo(Long.toString(SIM.branchId(c.regionId())));
      }
      // The simulator puts one client in five's code only under demographics.location.zip.
      assertThat(AGENCY.clients()).anyMatch(c -> SIM.clientId(c.id()) % 5 == 0 && c.postalCode() != null);
    }
  }

  @Test
  void visitsMatchTheAgencyAndInheritTheClientsHome() {
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      Map<String, Visit> read = readAll(connector, EntityType.VISIT).stream().map(Visit.class::cast)
          .collect(Collectors.toMap(Visit::id, Function.identity()));
      List<Visit> expected = AGENCY.visits().filter(v -> WINDOW.contains(v.start())).toList();
      assertThat(read).hasSize(expected.size());
      for (Visit v : expected) {
        Visit got = read.get(Long.toString(SIM.visitId(v.id())));
        assertThat(got.start()).isEqualTo(v.start());
        assertThat(got.end()).isEqualTo(v.end());
        assertThat(got.status()).as("status of %s", v.id()).isEqualTo(v.status());
        assertThat(got.zone()).isEqualTo(v.zone());
        assertThat(got.postalCode()).isEqualTo(v.postalCode());
        assertThat(got.caregiverId()).isEqualTo(v.caregiverId() == null ? null
            : Long.toString(SIM.employeeId(v.caregiverId())));
        assertThat(got.cancelReason()).isEqualTo(v.cancelReason());
      }
    }
  }

  @Test
  void allTenAlayaCareStatusesAreServedAndMapped() throws Exception {
    List<Visit> inWindow = AGENCY.visits().filter(v -> WINDOW.contains(v.start())).toList();
    List<Visit> future = inWindow.stream().filter(v -> v.start().isAfter(AGENCY.now().plus(Duration.ofDays(1))))
        .toList();
    List<Visit> past = inWindow.stream().filter(v -> v.end().isBefore(AGENCY.now().minus(Duration.ofDays(4))))
        .filter(v -> v.status() == VisitStatus.COMPLETED).toList();
    // The agency has no offered, late or (at its "now") clocked visits; make one of each, and of the rarer ones.
    List<Visit> originals = List.of(future.stream().filter(v -> v.status() == VisitStatus.OPEN).findFirst().orElseThrow(),
        future.stream().filter(v -> v.status() == VisitStatus.SCHEDULED).findFirst().orElseThrow(),
        past.get(0), past.get(1), past.get(2), past.get(3));
    List<Visit> changed = List.of(
        originals.get(0).toBuilder().status(VisitStatus.OFFERED).build(),
        originals.get(1).toBuilder().status(VisitStatus.ON_HOLD).build(),
        originals.get(2).toBuilder().status(VisitStatus.SCHEDULED).build(), // start passed, not clocked in: late
        originals.get(3).toBuilder().status(VisitStatus.IN_PROGRESS).build(),
        originals.get(4).toBuilder().status(VisitStatus.MISSED).build(),
        originals.get(5).toBuilder().status(VisitStatus.CANCELLED).cancelReason("Client cancelled: moved").build());
    changed.forEach(AGENCY::put);
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      Map<String, Visit> read = readAll(connector, EntityType.VISIT).stream().map(Visit.class::cast)
          .collect(Collectors.toMap(Visit::id, Function.identity()));
      for (Visit v : AGENCY.visits().filter(v -> WINDOW.contains(v.start())).toList()) {
        Visit got = read.get(Long.toString(SIM.visitId(v.id())));
        assertThat(got.status()).as("status of %s", v.id()).isEqualTo(v.status());
        assertThat(got.cancelReason()).as("cancel reason of %s", v.id()).isEqualTo(v.cancelReason());
      }
    } finally {
      originals.forEach(AGENCY::put);
    }
    Set<String> served = new TreeSet<>();
    for (Exchange e : SIM.exchanges()) {
      if (e.path().endsWith("/scheduler/visits") && e.status() == 200) {
        JSON.readTree(e.responseBody()).get("items").forEach(item -> served.add(item.get("status").asText()));
      }
    }
    assertThat(served).containsExactlyInAnyOrder("scheduled", "late", "vacant", "offered", "on_hold", "clocked",
        "completed", "approved", "cancelled", "missed");
  }

  @Test
  void visitsOfAClientWithoutAZipTakeThePostalCodeOfTheirRoute() {
    Map<String, Long> visitsPerClient = AGENCY.visits().filter(v -> WINDOW.contains(v.start()))
        .collect(Collectors.groupingBy(Visit::clientId, Collectors.counting()));
    Client client = AGENCY.clients().stream().filter(c -> c.postalCode() != null && c.location() != null)
        .filter(c -> visitsPerClient.getOrDefault(c.id(), 0L) >= 3).findFirst().orElseThrow();
    SIM.postalCodeOutsideZip(client.id());
    String clientId = Long.toString(SIM.clientId(client.id()));
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      List<Visit> visits = readAll(connector, EntityType.VISIT).stream().map(Visit.class::cast)
          .filter(v -> v.clientId().equals(clientId)).toList();
      assertThat(visits).hasSize(visitsPerClient.get(client.id()).intValue())
          .allSatisfy(v -> assertThat(v.postalCode()).isEqualTo(client.postalCode()))
          .allSatisfy(v -> assertThat(v.location()).isEqualTo(client.location()));
      // One visit's route is read; its home stop serves the client's other visits.
      assertThat(SIM.exchanges()).filteredOn(e -> e.path().matches(".*/scheduler/visits/\\d+")).hasSize(1);
      // The client itself has no postal code the connector can read: its demographics keep it elsewhere.
      Client read = readAll(connector, EntityType.CLIENT).stream().map(Client.class::cast)
          .filter(c -> c.id().equals(clientId)).findFirst().orElseThrow();
      assertThat(read.postalCode()).isNull();
    }
  }

  @Test
  void recurringDaysOffExpandIntoEveryOccurrence() {
    BehaviourProfiles profiles = AGENCY.profiles().orElseThrow();
    String daniel = Long.toString(SIM.employeeId(profiles.dayOffPattern()));
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      List<Unavailability> read = readAll(connector, EntityType.UNAVAILABILITY).stream()
          .map(Unavailability.class::cast).toList();
      assertThat(read).hasSize(AGENCY.unavailabilities().size());
      List<Unavailability> danielsDays = read.stream().filter(u -> u.caregiverId().equals(daniel)).toList();
      assertThat(danielsDays).hasSizeGreaterThanOrEqualTo(3)
          .allSatisfy(u -> assertThat(u.start().atZone(u.zone()).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY))
          .extracting(u -> u.id().substring(0, u.id().indexOf('@'))).containsOnly(danielsDays.get(0).id()
              .substring(0, danielsDays.get(0).id().indexOf('@'))); // one recurring entry
    }
  }

  @Test
  void callOutsComeFromVisitsCancelledWithAnEmployeeCode() {
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      List<CallOut> read = readAll(connector, EntityType.CALL_OUT).stream().map(CallOut.class::cast).toList();
      List<CallOut> expected = AGENCY.callOuts().filter(c -> WINDOW.contains(c.shiftStart()))
          .filter(c -> AGENCY.visit(c.visitId()).map(Visit::isCancelled).orElse(false)).toList();
      assertThat(read).hasSize(expected.size()).isNotEmpty();
      Map<String, CallOut> byVisit = read.stream().collect(Collectors.toMap(CallOut::visitId, Function.identity()));
      for (CallOut c : expected) {
        CallOut got = byVisit.get(Long.toString(SIM.visitId(c.visitId())));
        assertThat(got.caregiverId()).isEqualTo(Long.toString(SIM.employeeId(c.caregiverId())));
        assertThat(got.reportedAt()).as("reported from the visit note").isEqualTo(c.reportedAt());
        assertThat(got.shiftStart()).isEqualTo(c.shiftStart());
      }
    }
  }

  @Test
  void writeBackAssignsAVacantVisitAndRefusesATakenOne() {
    Visit open = AGENCY.visits().filter(Visit::isUnfilled).filter(v -> v.start().isAfter(AGENCY.now())).findFirst()
        .orElseThrow();
    String caregiver = AGENCY.caregivers().stream().filter(c -> c.regionId().equals(open.regionId())).findFirst()
        .orElseThrow().id();
    String other = AGENCY.caregivers().stream().filter(c -> c.regionId().equals(open.regionId())).skip(1).findFirst()
        .orElseThrow().id();
    String visitId = Long.toString(SIM.visitId(open.id()));
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      WriteBack writeBack = connector.writeBack().orElseThrow();
      writeBack.assignCaregiver(visitId, Long.toString(SIM.employeeId(caregiver)));
      assertThat(AGENCY.visit(open.id()).orElseThrow().caregiverId()).isEqualTo(caregiver);
      writeBack.assignCaregiver(visitId, Long.toString(SIM.employeeId(caregiver))); // idempotent
      assertThatThrownBy(() -> writeBack.assignCaregiver(visitId, Long.toString(SIM.employeeId(other))))
          .isInstanceOf(WriteConflictException.class).hasMessageContaining("no longer vacant");
      assertThatThrownBy(() -> writeBack.assignCaregiver("999999999", "1"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not known");
      assertThatThrownBy(() -> writeBack.assignCaregiver("V-1", "1")).hasMessageContaining("'V-1'");
    } finally {
      AGENCY.put(open);
    }
    List<Exchange> puts = SIM.exchanges().stream().filter(e -> e.method().equals("PUT")).toList();
    assertThat(puts).singleElement().satisfies(e -> assertThat(e.requestBody())
        .contains("alayacare_employee_id").doesNotContain("\"employee_id\""));
  }

  @Test
  void writeBackRefusesAVisitThatIsNotVacantOrOfferedAndReportsAConflictingAnswer() {
    Visit open = AGENCY.visits().filter(Visit::isUnfilled).filter(v -> v.start().isAfter(AGENCY.now())).findFirst()
        .orElseThrow();
    String caregiver = Long.toString(SIM.employeeId(AGENCY.caregivers().stream()
        .filter(c -> c.regionId().equals(open.regionId())).findFirst().orElseThrow().id()));
    String visitId = Long.toString(SIM.visitId(open.id()));
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      WriteBack writeBack = connector.writeBack().orElseThrow();
      AGENCY.put(open.toBuilder().status(VisitStatus.ON_HOLD).build()); // no employee, but held
      assertThatThrownBy(() -> writeBack.assignCaregiver(visitId, caregiver))
          .isInstanceOf(WriteConflictException.class).hasMessageContaining("is on_hold");
      AGENCY.put(open);
      SIM.inject(SimulatedFault.status(409, "{\"code\": 409, \"message\": \"Employee is already booked\"}",
          "application/json").onPath("scheduler/visits/").after(1)); // the read passes, the write is refused
      assertThatThrownBy(() -> writeBack.assignCaregiver(visitId, caregiver))
          .isInstanceOf(WriteConflictException.class).hasMessageContaining("409: Employee is already booked");
    } finally {
      AGENCY.put(open);
    }
    assertThat(SIM.exchanges()).noneMatch(e -> e.method().equals("PUT") && e.status() == 200);
  }

  @Test
  void requestsAndResponsesConformToThePublishedSpecs() {
    AlayaCareSpecValidator validator = AlayaCareSpecValidator.fromDirectory(
        ReferenceSpecs.requireFile("alayacare/scheduler.yml").getParent());
    SIM.postalCodeOutsideZip(AGENCY.clients().get(0).id()); // so that visit details (routes) are read too
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      assertThat(connector.testConnection().ok()).isTrue();
      connector.listRegions();
      for (EntityType type : connector.capabilities().entityTypes()) {
        readAll(connector, type);
      }
    }
    List<Exchange> exchanges = SIM.exchanges();
    assertThat(exchanges).extracting(Exchange::path).anyMatch(p -> p.contains("/unavailabilities"))
        .anyMatch(p -> p.endsWith("/scheduler/visits")).anyMatch(p -> p.matches(".*/patients/clients/\\d+"))
        .anyMatch(p -> p.matches(".*/scheduler/visits/\\d+")).anyMatch(p -> p.matches(".*/employees/employees/\\d+"));
    assertThat(validator.validate(exchanges)).isEmpty();
  }

  @Test
  void connectionFailuresAreClassifiedWithTheHostAndANextStep() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    RetryPolicy once = RetryPolicy.none();
    ConnectionCheck refused = AlayaCareConnector.create(Simulators.config(SIM).retryPolicy(once)
        .baseUrl("http://127.0.0.1:" + closedPort).build()).testConnection();
    assertThat(refused.failure()).isEqualTo(ConnectionFailure.UNREACHABLE);
    assertThat(refused.message()).contains("127.0.0.1:" + closedPort).contains("Check the base URL");

    ConnectionCheck unknownHost = AlayaCareConnector.create(Simulators.config(SIM).retryPolicy(once)
        .baseUrl("https://no-such-tenant.invalid").timeout(Duration.ofSeconds(5)).build()).testConnection();
    assertThat(unknownHost.failure()).isEqualTo(ConnectionFailure.UNREACHABLE);
    assertThat(unknownHost.message()).contains("no-such-tenant.invalid").contains("could not be found");

    ConnectionCheck wrongKey = AlayaCareConnector.create(Simulators.config(SIM).privateKey(Secret.of("nope")).build())
        .testConnection();
    assertThat(wrongKey.message()).startsWith("Invalid credentials: ").contains("127.0.0.1:" + SIM.port())
        .contains("Authorization required.").contains("new key pair").doesNotContain("nope");

    ConnectionCheck notTheApi = AlayaCareConnector.create(Simulators.config(SIM).retryPolicy(once)
        .baseUrl(SIM.baseUrl() + "/elsewhere").build()).testConnection();
    assertThat(notTheApi.failure()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE);
    assertThat(notTheApi.message()).contains("404").contains("Not Found").contains("base URL");
  }
}
