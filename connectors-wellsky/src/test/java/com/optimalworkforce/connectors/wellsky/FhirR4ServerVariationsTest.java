package com.optimalworkforce.connectors.wellsky;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.test.utilities.server.RestfulServerExtension;
import com.optimalworkforce.connectors.wellsky.testing.AgencyFhir;
import com.optimalworkforce.connectors.wellsky.testing.FhirTestServer;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.RejectedRecord;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyTokenSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Standards-compliant servers differ where R4 leaves room: against the in-process HAPI FHIR
 * server, branch time zones kept on Locations rather than Organizations, a server that ignores
 * {@code _include}, and resources that are valid R4 but unusable as records (a Patient without a
 * name, an entered-in-error Appointment), which are quarantined while the rest of the page arrives.
 */
class FhirR4ServerVariationsTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(61).regions(2).clients(24).caregivers(22)
      .weeksOfHistory(1).weeksAhead(1).build();
  static final WellSkyTokenSimulator TOKENS = WellSkyTokenSimulator.start(AGENCY.clock(), "fhir-client", AGENCY.apiKey(),
      Duration.ofHours(1));
  static final FhirTestServer FHIR = new FhirTestServer(AGENCY, AGENCY.clock(), TOKENS);
  @RegisterExtension
  static final RestfulServerExtension SERVER = FHIR.extension();
  static final TimeWindow WINDOW = TimeWindow.around(AGENCY.now(), Duration.ofDays(7), Duration.ofDays(7));
  static final Set<String> REGIONS = AGENCY.regions().stream().map(Region::id).collect(Collectors.toSet());

  @AfterAll
  static void stop() {
    TOKENS.close();
  }

  static WellSkyConnector connector() {
    return WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
        .baseUrl(URI.create(SERVER.getBaseUrl())).tokenUrl(URI.create(TOKENS.tokenUrl()))
        .clientId(TOKENS.clientId()).clientSecret(AGENCY.apiKey()).clock(AGENCY.clock())
        .rateLimit(RateLimitPolicy.unlimited()).build());
  }

  record Read(List<SourceRecord> records, List<RejectedRecord> rejected) {
    Set<RecordKey> keys() {
      return records.stream().map(SourceRecord::key).collect(Collectors.toSet());
    }
  }

  static Read readAll(WellSkyConnector c, EntityType type) {
    Read out = new Read(new ArrayList<>(), new ArrayList<>());
    ReadRequest next = ReadRequest.builder(type).regions(REGIONS).window(WINDOW).pageSize(25).build();
    while (next != null) {
      Page page = c.read(next);
      out.records().addAll(page.records());
      out.rejected().addAll(page.rejected());
      next = page.next().map(next::withCursor).orElse(null);
    }
    return out;
  }

  static Set<RecordKey> expected(EntityType type) {
    return AGENCY.select(type, REGIONS, WINDOW).map(SourceRecord::key).collect(Collectors.toSet());
  }

  @Test
  void branchTimeZonesMayLiveOnTheLocationsTheyManage() {
    FHIR.zonesOnLocations(true);
    try (WellSkyConnector c = connector()) {
      List<Region> regions = c.listRegions();
      assertThat(regions).extracting(Region::id).containsExactlyInAnyOrderElementsOf(REGIONS);
      for (Region r : regions) {
        Region agencyRegion = AGENCY.regions().stream().filter(a -> a.id().equals(r.id())).findFirst().orElseThrow();
        assertThat(r.zone()).isEqualTo(agencyRegion.zone());
      }
      assertThat(FHIR.organizations.getStoredResources()).allSatisfy(o -> assertThat(o.getExtension()).isEmpty());
    } finally {
      FHIR.zonesOnLocations(false);
    }
  }

  @Test
  void aServerThatIgnoresIncludeIsAskedForTheMissingResources() {
    int patientSearches = FHIR.patients.searches();
    int scheduleSearches = FHIR.schedules.searches();
    FHIR.appointments.includes(false);
    FHIR.slots.includes(false);
    try (WellSkyConnector c = connector()) {
      Read visits = readAll(c, EntityType.VISIT);
      Read unavailability = readAll(c, EntityType.UNAVAILABILITY);
      assertThat(visits.rejected()).isEmpty();
      assertThat(visits.keys()).isEqualTo(expected(EntityType.VISIT));
      assertThat(unavailability.rejected()).isEmpty();
      assertThat(unavailability.keys()).isEqualTo(expected(EntityType.UNAVAILABILITY));
    } finally {
      FHIR.appointments.includes(true);
      FHIR.slots.includes(true);
    }
    assertThat(FHIR.patients.searches()).isGreaterThan(patientSearches);
    assertThat(FHIR.schedules.searches()).isGreaterThan(scheduleSearches);
  }

  @Test
  void unusableResourcesAreQuarantinedWithTheReasonAndTheRestArrives() {
    Client client = AGENCY.clients().get(2);
    Visit visit = AGENCY.select(EntityType.VISIT, REGIONS, WINDOW).map(r -> (Visit) r).findFirst().orElseThrow();
    Patient nameless = AgencyFhir.patient(client);
    nameless.getName().clear();
    FHIR.patients.put(nameless);
    Appointment mistake = AgencyFhir.appointment(visit);
    mistake.setStatus(Appointment.AppointmentStatus.ENTEREDINERROR);
    FHIR.appointments.put(mistake);
    try (WellSkyConnector c = connector()) {
      Read clients = readAll(c, EntityType.CLIENT);
      assertThat(clients.rejected()).singleElement().satisfies(r -> {
        assertThat(r.sourceId()).isEqualTo(client.id());
        assertThat(r.reason()).isEqualTo("Client '" + client.id() + "': name is missing");
      });
      Set<RecordKey> otherClients = expected(EntityType.CLIENT);
      otherClients.remove(client.key());
      assertThat(clients.keys()).isEqualTo(otherClients);

      Read visits = readAll(c, EntityType.VISIT);
      assertThat(visits.rejected()).singleElement().satisfies(r -> {
        assertThat(r.sourceId()).isEqualTo(visit.id());
        assertThat(r.reason()).contains("entered-in-error");
      });
      Set<RecordKey> otherVisits = expected(EntityType.VISIT);
      otherVisits.remove(visit.key());
      assertThat(visits.keys()).isEqualTo(otherVisits);
    } finally {
      FHIR.patients.put(AgencyFhir.patient(client));
      FHIR.appointments.put(AgencyFhir.appointment(visit));
    }
  }
}
