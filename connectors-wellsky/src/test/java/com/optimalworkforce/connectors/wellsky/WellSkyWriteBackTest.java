package com.optimalworkforce.connectors.wellsky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.test.utilities.server.RestfulServerExtension;
import com.optimalworkforce.connectors.wellsky.testing.FhirTestServer;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.WriteBack;
import com.optimalworkforce.core.connector.WriteConflictException;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import com.optimalworkforce.testkit.wellsky.WellSkyTokenSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Assigning a caregiver to an open visit, and refusing when someone else changed it meanwhile. */
class WellSkyWriteBackTest {

  static Visit openVisit(SyntheticAgency agency, int skip) {
    return agency.visits().filter(v -> v.status() == VisitStatus.OPEN && v.start().isAfter(agency.now()))
        .skip(skip).findFirst().orElseThrow();
  }

  static Caregiver caregiverFor(SyntheticAgency agency, Visit v) {
    return agency.caregivers().stream().filter(c -> c.active() && c.regionId().equals(v.regionId()))
        .reduce((a, b) -> b).orElseThrow();
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class FhirR4 {
    final SyntheticAgency agency = SyntheticAgency.builder().seed(41).regions(1).clients(24).caregivers(12)
        .weeksOfHistory(0).weeksAhead(1).openShiftRate(0.2).build();
    final WellSkyTokenSimulator tokens = WellSkyTokenSimulator.start(agency.clock(), "fhir-client", agency.apiKey(),
        Duration.ofHours(1));
    final FhirTestServer fhir = new FhirTestServer(agency, agency.clock(), tokens);
    @RegisterExtension
    final RestfulServerExtension server = fhir.extension();

    @AfterAll
    void stop() {
      tokens.close();
    }

    @AfterEach
    void conflictsBack() {
      fhir.appointments.conflictAs409(false);
    }

    Connector connector() {
      return WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
          .baseUrl(URI.create(server.getBaseUrl())).tokenUrl(URI.create(tokens.tokenUrl()))
          .clientId(tokens.clientId()).clientSecret(agency.apiKey()).clock(agency.clock())
          .rateLimit(RateLimitPolicy.unlimited()).build());
    }

    Appointment stored(String id) {
      return fhir.appointments.getStoredResources().stream()
          .filter(a -> a != null && a.getIdElement().getIdPart().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void assignsWithAVersionAwareUpdateOfTheParticipants() {
      Visit open = openVisit(agency, 0);
      Caregiver caregiver = caregiverFor(agency, open);
      String versionBefore = stored(open.id()).getMeta().getVersionId();
      try (Connector c = connector()) {
        c.writeBack().orElseThrow().assignCaregiver(open.id(), caregiver.id());
        Appointment after = stored(open.id());
        assertThat(after.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(after.getParticipant()).anySatisfy(p -> {
          assertThat(p.getActor().getReference()).isEqualTo("Practitioner/" + caregiver.id());
          assertThat(p.getStatus()).isEqualTo(ParticipationStatus.ACCEPTED);
        });
        assertThat(after.getMeta().getVersionId()).isNotEqualTo(versionBefore);
        assertThat(server.getRequestHeaders()).anySatisfy(headers -> assertThat(headers)
            .anySatisfy(h -> assertThat(h).isEqualToIgnoringCase("If-Match: W/\"" + versionBefore + "\"")));
        // Read back through the connector: the visit is booked with the caregiver.
        Visit read = readVisit(c, open);
        assertThat(read.status()).isEqualTo(VisitStatus.SCHEDULED);
        assertThat(read.caregiverId()).isEqualTo(caregiver.id());
      }
    }

    @Test
    void aChangeBySomeoneElseBetweenReadAndUpdateIsAConflict412() {
      Visit open = openVisit(agency, 1);
      fhir.appointments.beforeNextUpdate(() -> {
        Appointment theirs = stored(open.id()).copy();
        theirs.setComment("Rescheduled by the office");
        fhir.appointments.put(theirs);
      });
      try (Connector c = connector()) {
        WriteBack writeBack = c.writeBack().orElseThrow();
        assertThatThrownBy(() -> writeBack.assignCaregiver(open.id(), caregiverFor(agency, open).id()))
            .isInstanceOf(WriteConflictException.class)
            .hasMessageContaining("Visit '" + open.id() + "' was changed by someone else")
            .hasMessageContaining("412");
      }
      assertThat(stored(open.id()).getComment()).isEqualTo("Rescheduled by the office");
    }

    @Test
    void aServerAnswering409IsAConflictToo() {
      Visit open = openVisit(agency, 2);
      fhir.appointments.conflictAs409(true);
      fhir.appointments.beforeNextUpdate(() -> fhir.appointments.put(stored(open.id()).copy()));
      try (Connector c = connector()) {
        WriteBack writeBack = c.writeBack().orElseThrow();
        assertThatThrownBy(() -> writeBack.assignCaregiver(open.id(), caregiverFor(agency, open).id()))
            .isInstanceOf(WriteConflictException.class).hasMessageContaining("409");
      }
    }

    @Test
    void aVisitAlreadyBookedBySomeoneElseIsAConflict() {
      Visit open = openVisit(agency, 3);
      Appointment booked = stored(open.id()).copy();
      booked.setStatus(Appointment.AppointmentStatus.BOOKED);
      booked.addParticipant().setActor(new Reference("Practitioner/" + agency.caregivers().get(0).id()))
          .setStatus(ParticipationStatus.ACCEPTED);
      fhir.appointments.put(booked);
      try (Connector c = connector()) {
        WriteBack writeBack = c.writeBack().orElseThrow();
        assertThatThrownBy(() -> writeBack.assignCaregiver(open.id(), caregiverFor(agency, open).id()))
            .isInstanceOf(WriteConflictException.class)
            .hasMessageContaining("already booked");
      }
    }

    @Test
    void unknownVisitsAndCaregiversAreNamed() {
      try (Connector c = connector()) {
        WriteBack writeBack = c.writeBack().orElseThrow();
        assertThatThrownBy(() -> writeBack.assignCaregiver("V-none", agency.caregivers().get(0).id()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Visit 'V-none'");
        Visit open = openVisit(agency, 4);
        assertThatThrownBy(() -> writeBack.assignCaregiver(open.id(), "E-none"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Caregiver 'E-none'");
      }
    }

    private Visit readVisit(Connector c, Visit v) {
      ReadRequest request = ReadRequest.builder(EntityType.VISIT).regions(Set.of(v.regionId()))
          .window(TimeWindow.of(v.start(), v.start().plusSeconds(1))).build();
      return (Visit) readAll(c, request).stream().filter(r -> r.id().equals(v.id())).findFirst().orElseThrow();
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class HomeConnect {
    final SyntheticAgency agency = SyntheticAgency.builder().seed(42).regions(1).clients(24).caregivers(12)
        .weeksOfHistory(0).weeksAhead(1).openShiftRate(0.2).build();
    final WellSkyHomeConnectSimulator sim = WellSkyHomeConnectSimulator.start(agency);

    @AfterAll
    void stop() {
      sim.close();
    }

    Connector connector() {
      return WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
          .baseUrl(URI.create(sim.baseUrl())).clientId(sim.clientId()).clientSecret(sim.clientSecret())
          .clock(agency.clock()).rateLimit(RateLimitPolicy.unlimited()).build());
    }

    String visitId(Visit v) {
      return v.id() + "@" + v.localStart().toLocalDate();
    }

    List<SourceRecord> readWeek(Connector c, Visit v) {
      return readAll(c, ReadRequest.builder(EntityType.VISIT).regions(Set.of(v.regionId()))
          .window(TimeWindow.of(v.start().minus(Duration.ofDays(1)), v.start().plus(Duration.ofDays(1)))).build());
    }

    @Test
    void assignsWithAPutOfTheShift() {
      Visit open = openVisit(agency, 0);
      Caregiver caregiver = caregiverFor(agency, open);
      try (Connector c = connector()) {
        assertThat(readWeek(c, open)).anySatisfy(r -> assertThat(r.id()).isEqualTo(visitId(open)));
        c.writeBack().orElseThrow().assignCaregiver(visitId(open), caregiver.id());
        assertThat(sim.shiftUpdates()).last().asString().contains("\"caregiver\":{\"id\":\"" + caregiver.id() + "\"}");
        Visit now = agency.visit(open.id()).orElseThrow();
        assertThat(now.caregiverId()).isEqualTo(caregiver.id());
        assertThat(now.status()).isEqualTo(VisitStatus.SCHEDULED);
        Visit read = (Visit) readWeek(c, open).stream().filter(r -> r.id().equals(visitId(open))).findFirst()
            .orElseThrow();
        assertThat(read.caregiverId()).isEqualTo(caregiver.id());
      }
    }

    @Test
    void aShiftChangedSinceItWasReadIsAConflict() {
      Visit open = openVisit(agency, 1);
      try (Connector c = connector()) {
        readWeek(c, open);
        agency.put(open.toBuilder().end(open.end().plus(Duration.ofMinutes(30))).build());
        int puts = sim.shiftUpdates().size();
        WriteBack writeBack = c.writeBack().orElseThrow();
        assertThatThrownBy(() -> writeBack.assignCaregiver(visitId(open), caregiverFor(agency, open).id()))
            .isInstanceOf(WriteConflictException.class)
            .hasMessageContaining("was changed by someone else since it was read");
        assertThat(sim.shiftUpdates()).hasSize(puts);
      }
    }

    @Test
    void aShiftDeletedSinceItWasReadIsAConflict() {
      Visit open = openVisit(agency, 3);
      try (Connector c = connector()) {
        readWeek(c, open);
        agency.delete(open.key());
        int puts = sim.shiftUpdates().size();
        WriteBack writeBack = c.writeBack().orElseThrow();
        assertThatThrownBy(() -> writeBack.assignCaregiver(visitId(open), caregiverFor(agency, open).id()))
            .isInstanceOf(WriteConflictException.class)
            .hasMessageContaining("was deleted or moved by someone else since it was read");
        assertThat(sim.shiftUpdates()).hasSize(puts);
      } finally {
        agency.put(open);
      }
    }

    @Test
    void aShiftNotReadByThisConnectorCannotBeFound() {
      Visit open = openVisit(agency, 2);
      try (Connector c = connector()) {
        WriteBack writeBack = c.writeBack().orElseThrow();
        assertThatThrownBy(() -> writeBack.assignCaregiver(visitId(open), caregiverFor(agency, open).id()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("was not read by this connector");
      }
    }
  }

  static List<SourceRecord> readAll(Connector c, ReadRequest request) {
    List<SourceRecord> out = new ArrayList<>();
    ReadRequest next = request;
    while (next != null) {
      Page page = c.read(next);
      out.addAll(page.records());
      next = page.next().map(next::withCursor).orElse(null);
    }
    return out;
  }
}
