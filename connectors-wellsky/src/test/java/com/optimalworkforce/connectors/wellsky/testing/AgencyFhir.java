package com.optimalworkforce.connectors.wellsky.testing;

import com.optimalworkforce.connectors.wellsky.internal.FhirExtensions;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import java.math.BigDecimal;
import java.util.Date;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/**
 * Writes a synthetic agency's records as the R4 resources a standards-compliant scheduling server
 * would hold: the inverse of the connector's mapping, for the in-process HAPI FHIR server.
 */
public final class AgencyFhir {
  /** Code system of the synthetic agency's skills and services (fixture data, not a real system). */
  public static final String SKILLS = "https://synthetic-agency.example/fhir/CodeSystem/skill";
  public static final String SERVICES = "https://synthetic-agency.example/fhir/CodeSystem/service";

  private AgencyFhir() {}

  public static Organization organization(Region region) {
    Organization o = new Organization();
    o.setId(region.id());
    o.setActive(true);
    o.setName(region.name());
    o.addType().addCoding().setSystem(FhirExtensions.ORGANIZATION_TYPE).setCode("prov").setDisplay("Healthcare Provider");
    o.addExtension(new Extension(FhirExtensions.TIMEZONE, new CodeType(region.zone().getId())));
    return o;
  }

  /** An office of the branch, managed by its Organization and carrying the branch's time zone. */
  public static Location location(Region region) {
    Location l = new Location();
    l.setId(locationId(region.id()));
    l.setStatus(Location.LocationStatus.ACTIVE);
    l.setName(region.name() + " office");
    l.setManagingOrganization(new Reference("Organization/" + region.id()));
    l.addExtension(new Extension(FhirExtensions.TIMEZONE, new CodeType(region.zone().getId())));
    return l;
  }

  public static String locationId(String regionId) {
    return "L-" + regionId;
  }

  public static Patient patient(Client c) {
    Patient p = new Patient();
    p.setId(c.id());
    p.setActive(c.active());
    p.addName(name(c.name()));
    Address home = address(c.address(), c.postalCode(), c.location());
    if (home != null) {
      p.addAddress(home);
    }
    p.setManagingOrganization(new Reference("Organization/" + c.regionId()));
    return p;
  }

  public static Practitioner practitioner(Caregiver c) {
    Practitioner p = new Practitioner();
    p.setId(c.id());
    p.setActive(c.active());
    p.addName(name(c.name()));
    Address home = address(null, c.postalCode(), c.home());
    if (home != null) {
      p.addAddress(home);
    }
    c.skills().stream().sorted().forEach(s -> p.addQualification().setCode(concept(SKILLS, s)));
    return p;
  }

  /** The role tying a caregiver to the branch (Organization) they work for. */
  public static PractitionerRole role(Caregiver c) {
    PractitionerRole r = new PractitionerRole();
    r.setId(roleId(c.id()));
    r.setActive(true);
    r.setPractitioner(new Reference("Practitioner/" + c.id()));
    r.setOrganization(new Reference("Organization/" + c.regionId()));
    return r;
  }

  public static String roleId(String caregiverId) {
    return "R" + caregiverId;
  }

  public static Schedule schedule(Caregiver c) {
    Schedule s = new Schedule();
    s.setId(scheduleId(c.id()));
    s.setActive(true);
    s.addActor(new Reference("Practitioner/" + c.id()));
    s.addActor(new Reference("PractitionerRole/" + roleId(c.id())));
    return s;
  }

  public static String scheduleId(String caregiverId) {
    return "S" + caregiverId;
  }

  public static Slot slot(Unavailability u) {
    Slot s = new Slot();
    s.setId(u.id());
    s.setSchedule(new Reference("Schedule/" + scheduleId(u.caregiverId())));
    s.setStatus(Slot.SlotStatus.BUSYUNAVAILABLE);
    s.setStart(Date.from(u.start()));
    s.setEnd(Date.from(u.end()));
    if (u.reason() != null) {
      s.setComment(u.reason());
    }
    return s;
  }

  public static Appointment appointment(Visit v) {
    Appointment a = new Appointment();
    a.setId(v.id());
    AppointmentStatus status = switch (v.status()) {
      case SCHEDULED -> AppointmentStatus.BOOKED;
      case OPEN -> AppointmentStatus.PROPOSED;
      case OFFERED -> AppointmentStatus.PENDING;
      case ON_HOLD -> AppointmentStatus.WAITLIST;
      case IN_PROGRESS -> AppointmentStatus.ARRIVED;
      case COMPLETED -> AppointmentStatus.FULFILLED;
      case CANCELLED -> AppointmentStatus.CANCELLED;
      case MISSED -> AppointmentStatus.NOSHOW;
    };
    a.setStatus(status);
    if (v.serviceCode() != null) {
      a.addServiceType(concept(SERVICES, v.serviceCode()));
    }
    v.requiredSkills().stream().sorted().forEach(s -> a.addSpecialty(concept(SKILLS, s)));
    if (v.cancelReason() != null) {
      a.setCancelationReason(new CodeableConcept().setText(v.cancelReason()));
    }
    a.setStart(Date.from(v.start()));
    a.setEnd(Date.from(v.end()));
    a.addParticipant().setActor(new Reference("Patient/" + v.clientId())).setStatus(ParticipationStatus.ACCEPTED);
    if (v.caregiverId() != null) {
      a.addParticipant().setActor(new Reference("Practitioner/" + v.caregiverId())).setStatus(ParticipationStatus.ACCEPTED);
    }
    return a;
  }

  private static HumanName name(PersonName n) {
    HumanName h = new HumanName().setUse(HumanName.NameUse.OFFICIAL);
    if (n.family() != null) {
      h.setFamily(n.family());
    }
    if (n.given() != null) {
      h.addGiven(n.given());
    }
    if (n.prefix() != null) {
      h.addPrefix(n.prefix());
    }
    return h;
  }

  private static Address address(String street, String postalCode, GeoPoint point) {
    if (street == null && postalCode == null && point == null) {
      return null;
    }
    Address a = new Address().setUse(Address.AddressUse.HOME);
    if (street != null) {
      a.addLine(street);
    }
    if (postalCode != null) {
      a.setPostalCode(postalCode);
    }
    if (point != null) {
      Extension geo = a.addExtension().setUrl(FhirExtensions.GEOLOCATION);
      geo.addExtension(new Extension("latitude", new DecimalType(BigDecimal.valueOf(point.latitude()))));
      geo.addExtension(new Extension("longitude", new DecimalType(BigDecimal.valueOf(point.longitude()))));
    }
    return a;
  }

  private static CodeableConcept concept(String system, String code) {
    return new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding().setSystem(system).setCode(code));
  }
}
