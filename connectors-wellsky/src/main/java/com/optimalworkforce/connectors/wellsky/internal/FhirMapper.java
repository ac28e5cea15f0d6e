package com.optimalworkforce.connectors.wellsky.internal;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;

/**
 * Maps HAPI FHIR R4 resources into the core model; both dialects go through it (Home Connect's
 * JSON is first turned into R4 resources). Facts a resource does not carry itself (a caregiver's
 * region, a visit's zone) are resolved by the transport and passed in. Every problem becomes an
 * {@link InvalidRecordException} naming the field, so the record is quarantined. Not API.
 *
 * <p>Appointment status table (R4 → core):
 * <pre>
 * proposed                 → OPEN (no caregiver)
 * pending                  → OFFERED when a Practitioner participant is needs-action or tentative, else OPEN
 * booked                   → SCHEDULED with the accepted Practitioner, OPEN when there is none
 * arrived, checked-in      → IN_PROGRESS
 * fulfilled                → COMPLETED
 * cancelled                → CANCELLED (cancelationReason → cancelReason)
 * noshow                   → MISSED
 * waitlist                 → ON_HOLD
 * entered-in-error         → rejected (the source says the appointment is a mistake)
 * </pre>
 */
public final class FhirMapper {

  /** What a visit takes from its client: region, zone and the place of care. */
  public record ClientFacts(String regionId, ZoneId zone, String postalCode, GeoPoint location) {}

  private FhirMapper() {}

  // ------------------------------------------------------------------ regions

  /** A region from a branch resource (an Organization or a Location) and its resolved zone. */
  public static Region region(String id, String name, ZoneId zone) {
    return Region.of(id, name == null || name.isBlank() ? id : name, zone);
  }

  /**
   * The IANA zone a resource declares with the {@code timezone} (or older {@code tz-code})
   * extension; empty when it declares none.
   *
   * @throws IllegalArgumentException when the declared zone is not a valid zone id
   */
  public static Optional<ZoneId> declaredZone(DomainResource resource) {
    for (String url : List.of(FhirExtensions.TIMEZONE, FhirExtensions.TZ_CODE)) {
      Extension ext = resource.getExtensionByUrl(url);
      if (ext != null && ext.getValue() != null && ext.getValue().isPrimitive()) {
        String code = ext.getValue().primitiveValue();
        try {
          return Optional.of(ZoneId.of(code.strip()));
        } catch (DateTimeException e) {
          throw new IllegalArgumentException(resource.fhirType() + " '" + idOf(resource) + "' declares time zone '" + code
              + "', which is not an IANA zone id such as America/Toronto", e);
        }
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ people

  /** A client from a Patient whose region and active state the dialect has resolved. */
  public static Client client(Patient patient, String regionId, boolean active) {
    String id = idOf(patient);
    Address home = homeAddress(patient.getAddress());
    return build(EntityType.CLIENT, id, () -> Client.builder()
        .id(id)
        .regionId(regionId)
        .name(name(patient.getName(), EntityType.CLIENT, id))
        .postalCode(home == null ? null : home.getPostalCode())
        .address(home == null ? null : street(home))
        .location(geolocation(home, EntityType.CLIENT, id))
        .active(active)
        .build());
  }

  /** A caregiver from a Practitioner whose region, active state and skills the dialect resolved. */
  public static Caregiver caregiver(Practitioner practitioner, String regionId, boolean active, Set<String> skills) {
    String id = idOf(practitioner);
    Address home = homeAddress(practitioner.getAddress());
    return build(EntityType.CAREGIVER, id, () -> Caregiver.builder()
        .id(id)
        .regionId(regionId)
        .name(name(practitioner.getName(), EntityType.CAREGIVER, id))
        .postalCode(home == null ? null : home.getPostalCode())
        .home(geolocation(home, EntityType.CAREGIVER, id))
        .active(active)
        .skills(skills)
        .build());
  }

  /** Skill codes from {@code Practitioner.qualification.code} (any coding system). */
  public static Set<String> qualificationCodes(Practitioner practitioner) {
    Set<String> codes = new LinkedHashSet<>();
    for (Practitioner.PractitionerQualificationComponent q : practitioner.getQualification()) {
      codes.addAll(codes(q.getCode()));
    }
    return codes;
  }

  /** What the client of a Patient gives its visits. */
  public static ClientFacts clientFacts(Patient patient, String regionId, ZoneId zone) {
    Address home = homeAddress(patient.getAddress());
    GeoPoint location;
    try {
      location = geolocation(home, EntityType.CLIENT, idOf(patient));
    } catch (InvalidRecordException e) {
      location = null; // the client record itself is quarantined for it; the visit need not be
    }
    return new ClientFacts(regionId, zone, home == null ? null : home.getPostalCode(), location);
  }

  // ------------------------------------------------------------------ visits

  /**
   * A visit from an Appointment.
   *
   * @param visitId the id to give the visit (the Appointment's own, or a dialect's occurrence id)
   * @param client the facts of the Appointment's Patient participant
   */
  public static Visit visit(Appointment appointment, String visitId, ClientFacts client) {
    Appointment.AppointmentStatus fhirStatus = appointment.getStatus();
    if (fhirStatus == null || fhirStatus == Appointment.AppointmentStatus.NULL) {
      throw new InvalidRecordException(EntityType.VISIT, visitId, "status", "is missing");
    }
    String accepted = null;
    boolean offered = false;
    for (AppointmentParticipantComponent p : appointment.getParticipant()) {
      if (!"Practitioner".equals(p.getActor().getReferenceElement().getResourceType())) {
        continue;
      }
      ParticipationStatus ps = p.getStatus();
      if (ps == ParticipationStatus.ACCEPTED && accepted == null) {
        accepted = p.getActor().getReferenceElement().getIdPart();
      } else if (ps == ParticipationStatus.NEEDSACTION || ps == ParticipationStatus.TENTATIVE) {
        offered = true;
      }
    }
    VisitStatus status;
    String caregiver = accepted;
    switch (fhirStatus) {
      case PROPOSED -> {
        status = VisitStatus.OPEN;
        caregiver = null;
      }
      case PENDING -> {
        status = offered ? VisitStatus.OFFERED : VisitStatus.OPEN;
        caregiver = null;
      }
      case BOOKED -> status = accepted != null ? VisitStatus.SCHEDULED : VisitStatus.OPEN;
      case ARRIVED, CHECKEDIN -> status = VisitStatus.IN_PROGRESS;
      case FULFILLED -> status = VisitStatus.COMPLETED;
      case CANCELLED -> status = VisitStatus.CANCELLED;
      case NOSHOW -> status = VisitStatus.MISSED;
      case WAITLIST -> status = VisitStatus.ON_HOLD;
      case ENTEREDINERROR -> throw new InvalidRecordException(EntityType.VISIT, visitId, "status",
          "is entered-in-error: the source marks this appointment as a mistake, so it is not a visit");
      default -> throw new InvalidRecordException(EntityType.VISIT, visitId, "status",
          "'" + fhirStatus.toCode() + "' is not an R4 appointment status");
    }
    String finalCaregiver = caregiver;
    VisitStatus finalStatus = status;
    String cancelReason = appointment.hasCancelationReason() ? text(appointment.getCancelationReason()) : null;
    return build(EntityType.VISIT, visitId, () -> Visit.builder()
        .id(visitId)
        .clientId(patientId(appointment))
        .caregiverId(finalCaregiver)
        .regionId(client.regionId())
        .zone(client.zone())
        .start(instant(appointment.getStart()))
        .end(instant(appointment.getEnd()))
        .status(finalStatus)
        .serviceCode(appointment.getServiceType().isEmpty() ? null : first(codes(appointment.getServiceTypeFirstRep())))
        .cancelReason(cancelReason)
        .requiredSkills(codes(appointment.getSpecialty()))
        .postalCode(client.postalCode())
        .location(client.location())
        .build());
  }

  /** The id of the Appointment's Patient participant, or null when it has none. */
  public static String patientId(Appointment appointment) {
    for (AppointmentParticipantComponent p : appointment.getParticipant()) {
      if ("Patient".equals(p.getActor().getReferenceElement().getResourceType())) {
        return p.getActor().getReferenceElement().getIdPart();
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ availability

  /** Unavailability from a busy-unavailable Slot of a caregiver's Schedule. */
  public static Unavailability unavailability(Slot slot, String caregiverId, ZoneId zone) {
    String id = idOf(slot);
    return build(EntityType.UNAVAILABILITY, id, () -> new Unavailability(id, caregiverId, zone,
        instant(slot.getStart()), instant(slot.getEnd()), slot.getComment()));
  }

  // ------------------------------------------------------------------ helpers

  /** The logical id of a resource (no type, no version, no base URL). */
  public static String idOf(Resource resource) {
    return resource.getIdElement().getIdPart();
  }

  /** The id a reference points to when it points to {@code type}, else null. */
  public static String referenceId(Reference reference, String type) {
    if (reference == null || !reference.hasReference()) {
      return null;
    }
    var element = reference.getReferenceElement();
    return type.equals(element.getResourceType()) ? element.getIdPart() : null;
  }

  private interface Construction<T> {
    T get();
  }

  /** Runs a model builder, turning the model's own argument errors into record errors. */
  private static <T> T build(EntityType type, String id, Construction<T> construction) {
    try {
      return construction.get();
    } catch (InvalidRecordException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidRecordException(type, id, "record", "is invalid: " + e.getMessage());
    }
  }

  private static PersonName name(List<HumanName> names, EntityType type, String id) {
    HumanName chosen = null;
    for (HumanName n : names) {
      if (n.getUse() == HumanName.NameUse.OFFICIAL) {
        chosen = n;
        break;
      }
      if (chosen == null || (n.getUse() == HumanName.NameUse.USUAL && chosen.getUse() != HumanName.NameUse.USUAL)) {
        chosen = n;
      }
    }
    if (chosen == null) {
      throw new InvalidRecordException(type, id, "name", "is missing");
    }
    String given = chosen.getGiven().isEmpty() ? null : chosen.getGiven().get(0).getValue();
    String prefix = chosen.getPrefix().isEmpty() ? null : chosen.getPrefix().get(0).getValue();
    String family = chosen.getFamily();
    if (blank(given) && blank(family)) {
      throw new InvalidRecordException(type, id, "name", "has neither a given nor a family name");
    }
    return PersonName.of(given, family, prefix);
  }

  private static Address homeAddress(List<Address> addresses) {
    for (Address a : addresses) {
      if (a.getUse() == Address.AddressUse.HOME) {
        return a;
      }
    }
    return addresses.isEmpty() ? null : addresses.get(0);
  }

  private static String street(Address address) {
    List<String> lines = new ArrayList<>();
    for (StringType line : address.getLine()) {
      if (!blank(line.getValue())) {
        lines.add(line.getValue().strip());
      }
    }
    return lines.isEmpty() ? null : String.join(", ", lines);
  }

  private static GeoPoint geolocation(Address address, EntityType type, String id) {
    if (address == null) {
      return null;
    }
    Extension geo = address.getExtensionByUrl(FhirExtensions.GEOLOCATION);
    if (geo == null) {
      return null;
    }
    Double lat = decimal(geo, "latitude");
    Double lon = decimal(geo, "longitude");
    if (lat == null || lon == null) {
      throw new InvalidRecordException(type, id, "address.geolocation", "needs both a latitude and a longitude");
    }
    try {
      return GeoPoint.of(lat, lon);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException(type, id, "address.geolocation", "is out of range: " + e.getMessage());
    }
  }

  private static Double decimal(Element parent, String url) {
    Extension e = parent.getExtensionByUrl(url);
    if (e == null || !(e.getValue() instanceof DecimalType d) || d.getValue() == null) {
      return null;
    }
    return d.getValue().doubleValue();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** Codes of every coding, in order, without duplicates. */
  private static Set<String> codes(CodeableConcept concept) {
    Set<String> out = new LinkedHashSet<>();
    for (Coding c : concept.getCoding()) {
      if (!blank(c.getCode())) {
        out.add(c.getCode().strip());
      }
    }
    return out;
  }

  private static Set<String> codes(List<CodeableConcept> concepts) {
    Set<String> out = new LinkedHashSet<>();
    for (CodeableConcept c : concepts) {
      out.addAll(codes(c));
    }
    return out;
  }

  private static String first(Set<String> values) {
    return values.isEmpty() ? null : values.iterator().next();
  }

  private static String text(CodeableConcept concept) {
    if (!blank(concept.getText())) {
      return concept.getText();
    }
    for (Coding c : concept.getCoding()) {
      if (!blank(c.getDisplay())) {
        return c.getDisplay();
      }
    }
    return first(codes(concept));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
