package com.optimalworkforce.connectors.wellsky.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.connectors.wellsky.internal.Fhir;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resources the fhir-r4 tests load into the HAPI server are valid R4, by HAPI's validator. */
class FhirResourcesConformTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.small();
  static FhirValidation validation;

  @BeforeAll
  static void validator() {
    validation = new FhirValidation(Fhir.context());
  }

  @Test
  void everyKindOfResourceValidates() {
    List<Resource> sample = new ArrayList<>();
    AGENCY.regions().forEach(r -> sample.add(AgencyFhir.organization(r)));
    AGENCY.regions().forEach(r -> sample.add(AgencyFhir.location(r)));
    AGENCY.clients().stream().limit(5).forEach(c -> sample.add(AgencyFhir.patient(c)));
    for (Caregiver c : AGENCY.caregivers().subList(0, 3)) {
      sample.add(AgencyFhir.practitioner(c));
      sample.add(AgencyFhir.role(c));
      sample.add(AgencyFhir.schedule(c));
    }
    AGENCY.unavailabilities().stream().limit(3).forEach(u -> sample.add(AgencyFhir.slot(u)));
    // One appointment of every visit status the agency has, with and without a caregiver.
    Map<VisitStatus, Visit> byStatus = new EnumMap<>(VisitStatus.class);
    AGENCY.visits().forEach(v -> byStatus.putIfAbsent(v.status(), v));
    byStatus.values().forEach(v -> sample.add(AgencyFhir.appointment(v)));
    assertThat(byStatus).containsKeys(VisitStatus.SCHEDULED, VisitStatus.OPEN, VisitStatus.COMPLETED,
        VisitStatus.CANCELLED);
    // The unusable-but-valid variants FhirR4ServerVariationsTest loads.
    Patient nameless = AgencyFhir.patient(AGENCY.clients().get(0));
    nameless.getName().clear();
    sample.add(nameless);
    Appointment mistake = AgencyFhir.appointment(AGENCY.visits().findFirst().orElseThrow());
    mistake.setStatus(Appointment.AppointmentStatus.ENTEREDINERROR);
    sample.add(mistake);

    for (Resource r : sample) {
      assertThat(validation.errors(r)).as("validation errors of %s/%s", r.fhirType(), r.getIdElement().getIdPart())
          .isEmpty();
    }
  }

  @Test
  void theValidatorCatchesAnInvalidAppointment() {
    // So the check above is known to be able to fail: R4 requires an end with a start (app-2).
    Appointment broken = AgencyFhir.appointment(AGENCY.visits().findFirst().orElseThrow());
    broken.setEnd(null);
    assertThat(validation.errors(broken)).anySatisfy(e -> assertThat(e).contains("app-2"));
  }
}
