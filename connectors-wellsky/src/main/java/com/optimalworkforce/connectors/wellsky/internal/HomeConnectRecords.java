package com.optimalworkforce.connectors.wellsky.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.optimalworkforce.connectors.wellsky.internal.FhirMapper.ClientFacts;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.Visit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads Home Connect's wire format into R4 resources and then, through {@link FhirMapper}, into
 * the core model. Agency data rides in {@code meta.tag} as {@code {code, display}} pairs:
 * {@code isClient}/{@code isHired} say whether a Patient is a client (not a prospect) and a
 * Practitioner a caregiver (not an applicant); {@code status} 80 (care started) makes a client
 * active and 100 (hired) a caregiver, any other status inactive; {@code locationId} is the
 * region; {@code profileTags} (comma-separated) are the caregiver's skills. Shifts
 * ({@code appointment}) are not FHIR: {@code {id, caregiver:{id}, client:{id}, start, end (UTC),
 * status: SCHEDULED|COMPLETED|CANCELLED, position:{latitude, longitude}}}. Not API.
 */
public final class HomeConnectRecords {
  public static final String CARE_STARTED = "80";
  public static final String HIRED = "100";

  private HomeConnectRecords() {}

  /** The entries of a search answer, unwrapped from {@code {"resource": ...}} where wrapped. */
  public static List<JsonNode> entries(JsonNode bundle) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : bundle.path("entry")) {
      JsonNode r = e.has("resource") && e.get("resource").isObject() ? e.get("resource") : e;
      if (r.isObject()) {
        out.add(r);
      }
    }
    return out;
  }

  /** The id of an entry, or null. */
  public static String id(JsonNode entry) {
    JsonNode id = entry.get("id");
    return id == null || id.isNull() ? null : id.asText();
  }

  /** Parses an entry as an R4 resource, tolerating unknown elements. */
  public static <T extends Resource> T parse(JsonNode entry, Class<T> type, EntityType as) {
    try {
      return Fhir.lenientJsonParser().parseResource(type, entry.toString());
    } catch (RuntimeException e) {
      throw new InvalidRecordException(as, id(entry), "resource", "is not a readable " + type.getSimpleName() + ": "
          + e.getMessage());
    }
  }

  /** The display of the {@code meta.tag} with this code, or null. */
  public static String tag(Resource r, String code) {
    for (Coding c : r.getMeta().getTag()) {
      if (code.equals(c.getCode())) {
        return c.hasDisplay() ? c.getDisplay().strip() : null;
      }
    }
    return null;
  }

  /** True unless the tag says {@code false} (a missing tag does not exclude the record). */
  public static boolean flag(Resource r, String code) {
    String v = tag(r, code);
    return v == null || !v.equalsIgnoreCase("false");
  }

  /** The region ({@code locationId} tag), or a record error naming the tag. */
  public static String region(Resource r, EntityType type) {
    String location = tag(r, "locationId");
    if (location == null || location.isBlank()) {
      throw new InvalidRecordException(type, r.getIdElement().getIdPart(), "meta.tag locationId",
          "is missing: the record is not linked to a location (branch)");
    }
    return location;
  }

  public static Client client(Patient p, String regionId) {
    boolean active = p.hasActive() ? p.getActive() : CARE_STARTED.equals(tag(p, "status"));
    return FhirMapper.client(p, regionId, active);
  }

  public static Caregiver caregiver(Practitioner p, String regionId) {
    boolean active = p.hasActive() ? p.getActive() : HIRED.equals(tag(p, "status"));
    Set<String> skills = new LinkedHashSet<>(FhirMapper.qualificationCodes(p));
    String profileTags = tag(p, "profileTags");
    if (profileTags != null) {
      for (String t : profileTags.split(",")) {
        if (!t.isBlank()) {
          skills.add(t.strip());
        }
      }
    }
    return FhirMapper.caregiver(p, regionId, active, skills);
  }

  /**
   * A shift as an R4 Appointment: SCHEDULED is booked (proposed when no caregiver is set, i.e.
   * an open shift), COMPLETED fulfilled, CANCELLED cancelled.
   */
  public static Appointment appointment(JsonNode shift) {
    String id = id(shift);
    Appointment a = new Appointment();
    a.setId(id);
    String status = shift.path("status").asText("").toUpperCase(Locale.ROOT);
    String caregiver = shift.path("caregiver").path("id").asText(null);
    if (caregiver != null && caregiver.isBlank()) {
      caregiver = null;
    }
    switch (status) {
      case "SCHEDULED" -> a.setStatus(caregiver == null ? Appointment.AppointmentStatus.PROPOSED
          : Appointment.AppointmentStatus.BOOKED);
      case "COMPLETED" -> a.setStatus(Appointment.AppointmentStatus.FULFILLED);
      case "CANCELLED" -> a.setStatus(Appointment.AppointmentStatus.CANCELLED);
      default -> throw new InvalidRecordException(EntityType.VISIT, id, "status",
          "'" + shift.path("status").asText("") + "' is not SCHEDULED, COMPLETED or CANCELLED");
    }
    a.setStart(date(shift, "start", id));
    a.setEnd(date(shift, "end", id));
    String client = shift.path("client").path("id").asText(null);
    if (client != null && !client.isBlank()) {
      a.addParticipant().setActor(new Reference("Patient/" + client)).setStatus(ParticipationStatus.ACCEPTED);
    }
    if (caregiver != null) {
      a.addParticipant().setActor(new Reference("Practitioner/" + caregiver)).setStatus(ParticipationStatus.ACCEPTED);
    }
    return a;
  }

  /** The shift's position, if it has a valid one. */
  public static GeoPoint position(JsonNode shift) {
    JsonNode p = shift.path("position");
    if (!p.path("latitude").isNumber() || !p.path("longitude").isNumber()) {
      return null;
    }
    try {
      return GeoPoint.of(p.get("latitude").doubleValue(), p.get("longitude").doubleValue());
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException(EntityType.VISIT, id(shift), "position", "is out of range: " + e.getMessage());
    }
  }

  /** The visit of a shift: id {@code <shift id>@<local start date>}, since recurring shifts share ids. */
  public static Visit visit(JsonNode shift, ClientFacts client) {
    Appointment a = appointment(shift);
    String shiftId = id(shift);
    if (shiftId == null || shiftId.isBlank()) {
      throw new InvalidRecordException(EntityType.VISIT, null, "id", "is missing");
    }
    if (a.getStart() == null) {
      throw new InvalidRecordException(EntityType.VISIT, shiftId, "start", "is missing");
    }
    GeoPoint position = position(shift);
    ClientFacts facts = position == null ? client
        : new ClientFacts(client.regionId(), client.zone(), client.postalCode(), position);
    LocalDate day = a.getStart().toInstant().atZone(client.zone()).toLocalDate();
    return FhirMapper.visit(a, visitId(shiftId, day), facts);
  }

  public static String visitId(String shiftId, LocalDate localDay) {
    return shiftId + "@" + localDay;
  }

  /** The shift id of a visit id made by {@link #visitId}. */
  public static String shiftId(String visitId) {
    int at = visitId.lastIndexOf('@');
    return at < 0 ? visitId : visitId.substring(0, at);
  }

  /** The local date of a visit id made by {@link #visitId}, or null. */
  public static LocalDate day(String visitId) {
    int at = visitId.lastIndexOf('@');
    if (at < 0) {
      return null;
    }
    try {
      return LocalDate.parse(visitId.substring(at + 1));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A time the API sends as UTC, with or without an offset. */
  static Date date(JsonNode shift, String field, String id) {
    JsonNode v = shift.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      return null;
    }
    String text = v.asText().strip();
    try {
      Instant instant;
      if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        instant = OffsetDateTime.parse(text).toInstant();
      } else {
        instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      }
      return Date.from(instant);
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException(EntityType.VISIT, id, field, "'" + text + "' is not a date-time");
    }
  }
}
