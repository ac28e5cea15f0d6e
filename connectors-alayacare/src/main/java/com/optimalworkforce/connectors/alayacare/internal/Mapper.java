package com.optimalworkforce.connectors.alayacare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.InvalidRecordException;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * AlayaCare DTOs to core records. Ids are AlayaCare's own (internal) ids as text, which every
 * response carries; external ids are optional in AlayaCare and are not used as keys. Bad data
 * becomes an {@link InvalidRecordException} naming the field, which the reader quarantines. Not API.
 */
public final class Mapper {
  private Mapper() {}

  /** Postal code: {@code demographics.zip}, else {@code demographics.location.zip}. */
  static String postalCode(JsonNode demographics) {
    String zip = text(demographics, "zip");
    return zip != null ? zip : text(demographics == null ? null : demographics.get("location"), "zip");
  }

  static GeoPoint location(JsonNode demographics, EntityType type, String id) {
    JsonNode loc = demographics == null ? null : demographics.get("location");
    if (loc == null || !loc.hasNonNull("lat") || !loc.hasNonNull("lon")) {
      return null;
    }
    try {
      return GeoPoint.of(loc.get("lat").asDouble(), loc.get("lon").asDouble());
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException(type, id, "demographics.location", e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.hasNonNull(field)) {
      return null;
    }
    String s = node.get(field).asText();
    return s.isBlank() ? null : s.strip();
  }

  public static Client client(Dto.ClientItem item, Dto.ClientDetail detail, long branchId) {
    String id = Long.toString(item.id());
    JsonNode d = detail == null ? null : detail.demographics();
    String given = firstNonNull(text(d, "first_name"), item.firstName());
    String family = firstNonNull(text(d, "last_name"), item.lastName());
    if (given == null && family == null) {
      throw new InvalidRecordException(EntityType.CLIENT, id, "first_name/last_name", "are both missing");
    }
    String status = detail != null && detail.status() != null ? detail.status() : item.status();
    long branch = detail != null && detail.branchId() != null ? detail.branchId() : branchId;
    return Client.builder().id(id).regionId(Long.toString(branch))
        .name(PersonName.of(given, family, text(d, "salutation")))
        .postalCode(postalCode(d)).address(text(d, "address")).location(location(d, EntityType.CLIENT, id))
        .active("active".equalsIgnoreCase(status))
        .build();
  }

  public static Caregiver caregiver(Dto.EmployeeItem item, Dto.EmployeeDetail detail, long branchId) {
    String id = Long.toString(item.id());
    JsonNode d = detail == null ? null : detail.demographics();
    String given = firstNonNull(item.firstName(), text(d, "first_name"));
    String family = firstNonNull(item.lastName(), text(d, "last_name"));
    if (given == null && family == null) {
      throw new InvalidRecordException(EntityType.CAREGIVER, id, "first_name/last_name", "are both missing");
    }
    Set<String> skills = new LinkedHashSet<>();
    if (detail != null && detail.skills() != null) {
      for (Dto.Skill s : detail.skills()) {
        if (s != null && s.name() != null && !s.name().isBlank()) {
          skills.add(s.name().strip());
        }
      }
    }
    String status = detail != null && detail.status() != null ? detail.status() : item.status();
    return Caregiver.builder().id(id).regionId(Long.toString(branchId)).name(PersonName.of(given, family))
        .postalCode(postalCode(d)).home(location(d, EntityType.CAREGIVER, id))
        .active("active".equalsIgnoreCase(status)).skills(skills)
        .build();
  }

  /**
   * A visit list item; {@code place} gives its postal code and location: the client's home, or
   * where the client's demographics hold none, the visit's route. Rejected without a client id.
   */
  public static Visit visit(Dto.VisitItem v, long branchId, ZoneId zone, Place place) {
    String id = Long.toString(v.alayacareVisitId());
    if (v.alayacareClientId() == null) {
      throw new InvalidRecordException(EntityType.VISIT, id, "alayacare_client_id", "is missing");
    }
    VisitStatus status = VisitStatuses.of(v.status());
    if (status == null) {
      throw new InvalidRecordException(EntityType.VISIT, id, "status", "'" + v.status()
          + "' is not one of AlayaCare's visit statuses " + VisitStatuses.TABLE.keySet());
    }
    if (Boolean.TRUE.equals(v.cancelled()) && status != VisitStatus.CANCELLED) {
      status = VisitStatus.CANCELLED;
    }
    String cancelReason = null;
    if (status == VisitStatus.CANCELLED && v.cancelCode() != null) {
      cancelReason = firstNonNull(v.cancelCode().description(), v.cancelCode().code());
    }
    return Visit.builder().id(id).clientId(Long.toString(v.alayacareClientId()))
        .caregiverId(v.alayacareEmployeeId() == null ? null : Long.toString(v.alayacareEmployeeId()))
        .regionId(Long.toString(branchId)).zone(zone)
        .start(instant(v.startAt(), EntityType.VISIT, id, "start_at"))
        .end(instant(v.endAt(), EntityType.VISIT, id, "end_at"))
        .status(status).cancelReason(cancelReason)
        .postalCode(place == null ? null : place.postalCode()).location(place == null ? null : place.location())
        .build();
  }

  /** Where a visit takes place: the client's home, as visits inherit it, or a stop of its route. */
  public record Place(String postalCode, GeoPoint location) {
    /** Nothing known. */
    public static final Place NONE = new Place(null, null);

    /** This place, its missing parts taken from {@code other}. */
    public Place orElse(Place other) {
      return new Place(postalCode != null ? postalCode : other.postalCode(),
          location != null ? location : other.location());
    }
  }

  /**
   * The route stop that says where a visit is: the client's home ({@code is_home_address}) when it
   * has a postal code, else the first stop (by {@code order}) that has one, else the home stop;
   * {@code null} when the route is empty.
   */
  static Dto.RouteAddress routeStop(List<Dto.RouteAddress> route) {
    if (route == null) {
      return null;
    }
    List<Dto.RouteAddress> stops = route.stream().filter(a -> a != null)
        .sorted(Comparator.comparing(a -> a.order() == null ? Integer.MAX_VALUE : a.order())).toList();
    Dto.RouteAddress homeWithZip = null;
    Dto.RouteAddress home = null;
    Dto.RouteAddress firstWithZip = null;
    for (Dto.RouteAddress a : stops) {
      boolean zip = hasZip(a);
      if (Boolean.TRUE.equals(a.isHomeAddress())) {
        home = home == null ? a : home;
        homeWithZip = homeWithZip == null && zip ? a : homeWithZip;
      }
      firstWithZip = firstWithZip == null && zip ? a : firstWithZip;
    }
    return homeWithZip != null ? homeWithZip : firstWithZip != null ? firstWithZip : home;
  }

  private static boolean hasZip(Dto.RouteAddress a) {
    return a.zipCode() != null && !a.zipCode().isBlank();
  }

  /** The postal code ({@code zip_code}) and point of a route stop; {@link Place#NONE} for none. */
  static Place place(Dto.RouteAddress stop) {
    if (stop == null) {
      return Place.NONE;
    }
    GeoPoint point = null;
    if (stop.latitude() != null && stop.longitude() != null) {
      try {
        point = GeoPoint.of(stop.latitude(), stop.longitude());
      } catch (IllegalArgumentException e) {
        point = null; // an unusable point: the postal code still places the visit
      }
    }
    return new Place(hasZip(stop) ? stop.zipCode().strip() : null, point);
  }

  /**
   * The call-out a cancelled visit implies when its cancel code is an employee-side one, else null.
   * AlayaCare publishes no cancellation time: the newest visit note's {@code created_at} is taken
   * as the report time, else the shift start (no notice known).
   */
  public static CallOut callOut(Dto.VisitItem v, ZoneId zone, Predicate<String> isCallOutCode) {
    String id = Long.toString(v.alayacareVisitId());
    boolean cancelled = Boolean.TRUE.equals(v.cancelled()) || VisitStatuses.of(v.status()) == VisitStatus.CANCELLED;
    if (!cancelled || v.cancelCode() == null || !isCallOutCode.test(v.cancelCode().code())) {
      return null;
    }
    if (v.alayacareEmployeeId() == null) {
      throw new InvalidRecordException(EntityType.CALL_OUT, id, "alayacare_employee_id",
          "is missing on a visit cancelled with employee-side code " + v.cancelCode().code());
    }
    Instant start = instant(v.startAt(), EntityType.CALL_OUT, id, "start_at");
    Instant reported = null;
    if (v.notes() != null) {
      for (Dto.Note n : v.notes()) {
        if (n != null && n.createdAt() != null) {
          Instant t = instant(n.createdAt(), EntityType.CALL_OUT, id, "notes.created_at");
          reported = reported == null || t.isAfter(reported) ? t : reported;
        }
      }
    }
    return new CallOut(id, Long.toString(v.alayacareEmployeeId()), id, zone, start, reported == null ? start : reported,
        firstNonNull(v.cancelCode().description(), v.cancelCode().code()));
  }

  /** The occurrences of one unavailability entry inside the window. */
  public static List<Unavailability> unavailabilities(Dto.Unavailability u, long employeeId, ZoneId zone,
      Instant from, Instant to) {
    String id = u.id() == null ? null : Long.toString(u.id());
    if (id == null) {
      throw new InvalidRecordException(EntityType.UNAVAILABILITY, null, "id", "is missing");
    }
    List<RecurrenceExpander.Occurrence> occurrences;
    try {
      occurrences = RecurrenceExpander.expand(u.rrule(), Boolean.TRUE.equals(u.allDay()),
          u.duration() == null ? 0 : u.duration(), zone, from, to);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException(EntityType.UNAVAILABILITY, id, "rrule", e.getMessage());
    }
    String reason = u.timeOffType() != null && u.timeOffType().name() != null ? u.timeOffType().name() : u.description();
    List<Unavailability> out = new ArrayList<>(occurrences.size());
    for (RecurrenceExpander.Occurrence o : occurrences) {
      out.add(new Unavailability(id + "@" + o.start(), Long.toString(employeeId), zone, o.start(), o.end(), reason));
    }
    return out;
  }

  static Instant instant(String text, EntityType type, String id, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidRecordException(type, id, field, "is missing");
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException(type, id, field, "'" + text + "' is not an ISO 8601 date-time with offset");
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null && !a.isBlank() ? a : (b == null || b.isBlank() ? null : b);
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
