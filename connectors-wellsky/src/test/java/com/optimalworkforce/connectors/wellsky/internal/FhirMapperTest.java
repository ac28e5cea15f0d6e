package com.optimalworkforce.connectors.wellsky.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.connectors.wellsky.internal.FhirMapper.ClientFacts;
import com.optimalworkforce.connectors.wellsky.testing.AgencyFhir;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FhirMapperTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.small();

  @Test
  void clientsCaregiversVisitsAndUnavailabilityRoundTripThroughR4() {
    Map<String, Client> clients = new HashMap<>();
    for (Client c : AGENCY.clients()) {
      Patient p = AgencyFhir.patient(c);
      String region = FhirMapper.referenceId(p.getManagingOrganization(), "Organization");
      Client mapped = FhirMapper.client(p, region, p.getActive());
      // R4 has no element for clients' blocked caregivers; everything else survives.
      assertThat(mapped).isEqualTo(c.toBuilder().blockedCaregiverIds(Set.of()).build());
      assertThat(mapped.contentHash()).isEqualTo(c.toBuilder().blockedCaregiverIds(Set.of()).build().contentHash());
      clients.put(c.id(), c);
    }
    Map<String, Caregiver> caregivers = new HashMap<>();
    for (Caregiver c : AGENCY.caregivers()) {
      var p = AgencyFhir.practitioner(c);
      String region = FhirMapper.referenceId(AgencyFhir.role(c).getOrganization(), "Organization");
      assertThat(FhirMapper.caregiver(p, region, p.getActive(), FhirMapper.qualificationCodes(p))).isEqualTo(c);
      caregivers.put(c.id(), c);
    }
    long[] visits = {0};
    AGENCY.visits().forEach(v -> {
      Client c = clients.get(v.clientId());
      ClientFacts facts = FhirMapper.clientFacts(AgencyFhir.patient(c), c.regionId(), AGENCY.region(c.regionId()).zone());
      assertThat(FhirMapper.visit(AgencyFhir.appointment(v), v.id(), facts)).isEqualTo(v);
      visits[0]++;
    });
    assertThat(visits[0]).isGreaterThan(500);
    for (Unavailability u : AGENCY.unavailabilities()) {
      Region r = AGENCY.region(caregivers.get(u.caregiverId()).regionId());
      assertThat(FhirMapper.unavailability(AgencyFhir.slot(u), u.caregiverId(), r.zone())).isEqualTo(u);
    }
  }

  @ParameterizedTest(name = "{0} with practitioner {1} -> {2}")
  @CsvSource({
      "proposed, accepted, OPEN, false",
      "pending, needs-action, OFFERED, false",
      "pending, declined, OPEN, false",
      "booked, accepted, SCHEDULED, true",
      "booked, declined, OPEN, false",
      "arrived, accepted, IN_PROGRESS, true",
      "checked-in, accepted, IN_PROGRESS, true",
      "fulfilled, accepted, COMPLETED, true",
      "cancelled, accepted, CANCELLED, true",
      "noshow, accepted, MISSED, true",
      "waitlist, accepted, ON_HOLD, true",
  })
  void appointmentStatusTable(String fhirStatus, String participantStatus, VisitStatus expected, boolean keepsCaregiver) {
    Appointment a = appointment(AppointmentStatus.fromCode(fhirStatus));
    a.addParticipant().setActor(new Reference("Practitioner/E1")).setStatus(ParticipationStatus.fromCode(participantStatus));
    Visit v = FhirMapper.visit(a, "A1", facts());
    assertThat(v.status()).isEqualTo(expected);
    assertThat(v.caregiverId()).isEqualTo(keepsCaregiver ? "E1" : null);
    assertThat(v.clientId()).isEqualTo("P1");
  }

  @Test
  void enteredInErrorIsRejectedWithTheReason() {
    assertThatThrownBy(() -> FhirMapper.visit(appointment(AppointmentStatus.ENTEREDINERROR), "A1", facts()))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("Visit 'A1'").hasMessageContaining("entered-in-error");
  }

  @Test
  void anAppointmentWithoutTimesIsRejectedNamingTheField() {
    Appointment a = appointment(AppointmentStatus.BOOKED);
    a.setEnd(null);
    assertThatThrownBy(() -> FhirMapper.visit(a, "A1", facts()))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("Visit 'A1'").hasMessageContaining("end");
  }

  @Test
  void aPatientWithoutANameIsRejected() {
    Patient p = new Patient();
    p.setId("P9");
    assertThatThrownBy(() -> FhirMapper.client(p, "r1", true))
        .isInstanceOf(InvalidRecordException.class).hasMessage("Client 'P9': name is missing");
  }

  @Test
  void aGeolocationOutOfRangeIsRejected() {
    Client c = AGENCY.clients().get(0);
    Patient p = AgencyFhir.patient(c);
    Extension geo = p.getAddressFirstRep().getExtensionByUrl(FhirExtensions.GEOLOCATION);
    geo.getExtensionByUrl("latitude").setValue(new org.hl7.fhir.r4.model.DecimalType(123.0));
    assertThatThrownBy(() -> FhirMapper.client(p, c.regionId(), true))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("address.geolocation");
  }

  @Test
  void zonesAreReadFromEitherExtensionAndBadOnesNamed() {
    Organization o = new Organization();
    o.setId("east");
    assertThat(FhirMapper.declaredZone(o)).isEmpty();
    o.addExtension(new Extension(FhirExtensions.TZ_CODE, new CodeType("America/Halifax")));
    assertThat(FhirMapper.declaredZone(o)).contains(ZoneId.of("America/Halifax"));
    o.getExtension().clear();
    o.addExtension(new Extension(FhirExtensions.TIMEZONE, new CodeType("Mars/Olympus")));
    assertThatThrownBy(() -> FhirMapper.declaredZone(o)).hasMessageContaining("Organization 'east'")
        .hasMessageContaining("'Mars/Olympus'");
  }

  private static ClientFacts facts() {
    return new ClientFacts("r1", ZoneId.of("America/Toronto"), null, null);
  }

  private static Appointment appointment(AppointmentStatus status) {
    Appointment a = new Appointment();
    a.setId("A1");
    a.setStatus(status);
    a.setStart(Date.from(AGENCY.now()));
    a.setEnd(Date.from(AGENCY.now().plusSeconds(3600)));
    a.addParticipant().setActor(new Reference("Patient/P1")).setStatus(ParticipationStatus.ACCEPTED);
    return a;
  }
}
