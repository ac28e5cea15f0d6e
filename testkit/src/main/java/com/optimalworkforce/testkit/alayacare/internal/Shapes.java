package com.optimalworkforce.testkit.alayacare.internal;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.alayacare.VisitCorruption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders agency records in the shapes of AlayaCare's published Swagger files (field names,
 * required fields, nullability). Not API.
 */
public final class Shapes {
  private static final java.util.regex.Pattern VISIT_ID = java.util.regex.Pattern.compile("V(\\d{1,12})");
  private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /** Cancel code of an "On Hold" visit. */
  static final long ON_HOLD_CODE_ID = 90;
  /** A completed visit that ended longer ago than this is shown approved (for payroll and billing). */
  static final Duration APPROVED_AFTER = Duration.ofDays(3);

  private final AgencyView view;
  private final String host;
  private final Tweaks tweaks;
  private final Instant now;

  /**
   * @param now the server's "now": a booked visit whose start has passed shows {@code late}, a
   *     completed one that ended {@link #APPROVED_AFTER} ago shows {@code approved}
   */
  public Shapes(AgencyView view, String host, Tweaks tweaks, Instant now) {
    this.view = view;
    this.host = host;
    this.tweaks = tweaks;
    this.now = now;
  }

  public static Map<String, Object> page(List<?> items, int page, int totalPages) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", items.size());
    m.put("page", page);
    m.put("total_pages", totalPages);
    m.put("items", items);
    return m;
  }

  public static Map<String, Object> error(int code, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("message", message);
    return m;
  }

  public Map<String, Object> branch(long id) {
    Region r = view.region(id);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", r.name());
    m.put("profile", Map.of("name", r.name() + " Home Care", "phone_main", "555-010-" + (1000 + id)));
    return m;
  }

  private Map<String, Object> branchSummary(String regionId) {
    long id = view.branchId(regionId);
    return Map.of("id", id, "name", view.region(id).name());
  }

  public Map<String, Object> clientItem(Client c) {
    long id = view.ids().clients().id(c.id());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("ac_id", String.format(Locale.ROOT, "AC%09d", id));
    m.put("branch", branchSummary(c.regionId()));
    m.put("external_id", c.id());
    m.put("profile_id", 7_000_000 + id);
    m.put("first_name", c.name().given());
    m.put("last_name", c.name().family());
    m.put("status", c.active() ? "active" : "discharged");
    m.put("tags", List.of());
    m.put("_link", "https://" + host + "/permalink/client/" + id);
    return m;
  }

  /**
   * Client detail. The postal code sits in {@code demographics.zip}; for one client in five it is
   * only in {@code demographics.location.zip}, as tenants configure it either way; for a client
   * marked {@link Tweaks#postalCodeOutsideZip} it is under a tenant-defined key
   * ({@code postal_code}) that no connector can know, so only the client's visit routes give it.
   */
  public Map<String, Object> clientDetail(Client c) {
    long id = view.ids().clients().id(c.id());
    Map<String, Object> demographics = new LinkedHashMap<>();
    demographics.put("first_name", c.name().given());
    demographics.put("last_name", c.name().family());
    if (c.name().prefix() != null) {
      demographics.put("salutation", c.name().prefix());
    }
    if (c.address() != null) {
      demographics.put("address", c.address());
    }
    boolean outsideZip = tweaks.isPostalCodeOutsideZip(c.id());
    boolean zipInLocationOnly = id % 5 == 0 && !outsideZip;
    if (c.postalCode() != null && outsideZip) {
      demographics.put("postal_code", c.postalCode());
    } else if (c.postalCode() != null && !zipInLocationOnly) {
      demographics.put("zip", c.postalCode());
    }
    if (c.location() != null || (c.postalCode() != null && zipInLocationOnly)) {
      Map<String, Object> location = new LinkedHashMap<>();
      if (c.location() != null) {
        location.put("lat", c.location().latitude());
        location.put("lon", c.location().longitude());
      }
      if (c.postalCode() != null && zipInLocationOnly) {
        location.put("zip", c.postalCode());
      }
      demographics.put("location", location);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("demographics", demographics);
    m.put("id", id);
    m.put("ac_id", String.format(Locale.ROOT, "AC%09d", id));
    m.put("external_id", c.id());
    m.put("profile_id", 7_000_000 + id);
    m.put("branch_id", view.branchId(c.regionId()));
    m.put("status", c.active() ? "active" : "discharged");
    m.put("contacts", List.of());
    m.put("care_team", List.of());
    m.put("groups", List.of());
    m.put("tags", List.of());
    m.put("timezone", zoneOf(c.regionId()).getId());
    return m;
  }

  public Map<String, Object> employeeItem(Caregiver c) {
    long id = view.ids().employees().id(c.id());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("ac_id", String.format(Locale.ROOT, "AC%09d", id));
    m.put("external_id", c.id());
    m.put("profile_id", 8_000_000 + id);
    m.put("first_name", c.name().given());
    m.put("last_name", c.name().family());
    m.put("status", c.active() ? "active" : "terminated");
    m.put("job_title", "Caregiver");
    m.put("email", "employee" + id + "@example.org");
    m.put("phone", null);
    m.put("phone_other", null);
    m.put("designation", null);
    m.put("departments", List.of());
    m.put("_link", "https://" + host + "/permalink/employee/" + id);
    m.put("branch", branchSummary(c.regionId()));
    return m;
  }

  public Map<String, Object> employeeDetail(Caregiver c) {
    long id = view.ids().employees().id(c.id());
    Map<String, Object> demographics = new LinkedHashMap<>();
    demographics.put("first_name", c.name().given() == null ? "" : c.name().given());
    demographics.put("last_name", c.name().family() == null ? "" : c.name().family());
    demographics.put("email", "employee" + id + "@example.org");
    if (c.postalCode() != null) {
      demographics.put("zip", c.postalCode());
    }
    if (c.home() != null) {
      Map<String, Object> location = new LinkedHashMap<>();
      location.put("lat", c.home().latitude());
      location.put("lon", c.home().longitude());
      demographics.put("location", location);
    }
    List<Map<String, Object>> skills = new ArrayList<>();
    for (String s : new TreeSet<>(c.skills())) {
      skills.add(Map.of("id", view.ids().sequence().id("skill:" + s), "name", s));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("demographics", demographics);
    m.put("id", id);
    m.put("ac_id", String.format(Locale.ROOT, "AC%09d", id));
    m.put("external_id", c.id());
    m.put("profile_id", 8_000_000 + id);
    m.put("branch_id", view.branchId(c.regionId()));
    m.put("status", c.active() ? "active" : "terminated");
    m.put("contacts", List.of());
    m.put("skills", skills);
    m.put("timezone", zoneOf(c.regionId()).getId());
    return m;
  }

  public Map<String, Object> unavailability(Caregiver c, UnavailabilityRules.Rule r) {
    long employeeId = view.ids().employees().id(c.id());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("employee", Map.of("id", employeeId, "external_id", c.id()));
    String reason = r.reason() == null ? "Unavailable" : r.reason();
    // pay_schedule_time is left out: the spec's enum value No reads as a YAML boolean, so no string matches it.
    m.put("time_off_type", Map.of("id", view.ids().sequence().id("tot:" + reason), "name", reason));
    m.put("description", reason);
    m.put("duration", r.durationMinutes());
    m.put("all_day", r.allDay());
    m.put("rrule", r.rrule());
    // duration_paid_per_day is left out: the spec types it as a non-nullable integer and it only applies to
    // all-day entries of time-off types that do not pay scheduled time.
    m.put("branch", branchSummary(c.regionId()));
    return m;
  }

  /** A visit list item ({@code VisitListDetails}), with its {@link Tweaks#corruption}, if any. */
  public Map<String, Object> visitItem(Visit v) {
    VisitCorruption corruption = tweaks.corruption(v.id());
    Map<String, Object> m = baseVisit(v, corruption);
    if (corruption != VisitCorruption.NO_CLIENT_ID) {
      m.put("alayacare_client_id", view.ids().clients().id(v.clientId()));
      m.put("client_id", v.clientId());
    }
    m.put("break_minutes", 0);
    return m;
  }

  /** A visit detail ({@code VisitDetails}) with client, service and route. */
  public Map<String, Object> visitDetail(Visit v) {
    Map<String, Object> m = baseVisit(v, tweaks.corruption(v.id()));
    Caregiver cg = v.caregiverId() == null ? null : employeeOf(v.caregiverId());
    if (cg == null) {
      m.put("employee", null);
    } else {
      m.put("employee", Map.of("id", view.ids().employees().id(cg.id()), "external_id", cg.id(),
          "full_name", cg.name().full(), "timezone", v.zone().getId()));
    }
    m.put("service", Map.of("id", serviceId(v), "external_id", serviceExternalId(v), "name", serviceName(v),
        "service_code_id", view.ids().sequence().id("code:" + serviceName(v)), "service_code_name", serviceName(v)));
    m.put("work_sessions", List.of());
    m.put("adls", List.of());
    m.put("activity_codes", List.of());
    List<Map<String, Object>> skills = new ArrayList<>();
    for (String s : new TreeSet<>(v.requiredSkills())) {
      skills.add(Map.of("id", view.ids().sequence().id("skill:" + s), "description", s));
    }
    m.put("skills", skills);
    m.put("service_instructions", null);
    if (tweaks.corruption(v.id()) != VisitCorruption.NO_CLIENT_ID) {
      m.put("alayacare_client_id", view.ids().clients().id(v.clientId()));
      m.put("client_id", v.clientId());
    }
    Client client = clientOf(v.clientId());
    Map<String, Object> clientMap = new LinkedHashMap<>();
    clientMap.put("id", view.ids().clients().id(v.clientId()));
    clientMap.put("external_id", v.clientId());
    clientMap.put("full_name", client == null ? v.clientId() : client.name().full());
    clientMap.put("timezone", v.zone().getId());
    clientMap.put("branch_id", view.branchId(v.regionId()));
    m.put("client", clientMap);
    Map<String, Object> home = new LinkedHashMap<>();
    home.put("order", 1);
    home.put("is_home_address", true);
    if (v.location() != null) {
      home.put("latitude", v.location().latitude());
      home.put("longitude", v.location().longitude());
    }
    if (client != null && client.address() != null) {
      home.put("address_1", client.address());
    }
    if (v.postalCode() != null) {
      home.put("zip_code", v.postalCode());
    }
    m.put("route", List.of(home));
    return m;
  }

  private Map<String, Object> baseVisit(Visit v, VisitCorruption corruption) {
    Map<String, Object> m = new LinkedHashMap<>();
    Caregiver cg = v.caregiverId() == null ? null : employeeOf(v.caregiverId());
    m.put("alayacare_employee_id", cg == null ? null : view.ids().employees().id(cg.id()));
    m.put("alayacare_service_id", serviceId(v));
    m.put("alayacare_visit_id", view.ids().visits().id(v.id()));
    m.put("employee_id", cg == null ? null : cg.id());
    m.put("service_id", serviceExternalId(v));
    m.put("visit_id", v.id());
    m.put("status", corruption == VisitCorruption.UNKNOWN_STATUS ? "rescheduled" : status(v));
    Instant end = corruption == VisitCorruption.END_BEFORE_START ? v.start().minus(Duration.ofHours(1)) : v.end();
    m.put("start_at", corruption == VisitCorruption.UNREADABLE_START ? "tomorrow morning" : offset(v.start(), v.zone()));
    m.put("end_at", offset(end, v.zone()));
    m.put("notes", notes(v));
    m.put("tags", List.of());
    m.put("cancelled", v.status() == VisitStatus.CANCELLED);
    m.put("cancel_code", cancelCode(v));
    return m;
  }

  /** A cancelled visit with a call-out carries a note written when the call-out was reported. */
  private List<Map<String, Object>> notes(Visit v) {
    if (v.status() != VisitStatus.CANCELLED) {
      return List.of();
    }
    CallOut c = callOutOf(v);
    if (c == null) {
      return List.of();
    }
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("text", "Call-out reported" + (c.reason() == null ? "" : ": " + c.reason()));
    note.put("created_at", offset(c.reportedAt(), v.zone()));
    return List.of(note);
  }

  /** The agency's call-out of a visit (found at the visit's position), or null. */
  public CallOut callOutOf(Visit v) {
    java.util.regex.Matcher m = VISIT_ID.matcher(v.id());
    if (!m.matches()) {
      return null;
    }
    long position = Long.parseLong(m.group(1));
    if (position >= view.agency().positions(EntityType.CALL_OUT)) {
      return null;
    }
    return view.agency().recordsAt(EntityType.CALL_OUT, position).stream().map(CallOut.class::cast)
        .filter(c -> c.visitId().equals(v.id())).findFirst().orElse(null);
  }

  /**
   * The AlayaCare status of a visit: the hierarchy the web application shows, all ten of them. A
   * booked visit whose start has passed is {@code late} (not clocked in yet); a completed one that
   * ended {@link #APPROVED_AFTER} ago is {@code approved}.
   */
  String status(Visit v) {
    return switch (v.status()) {
      case SCHEDULED -> v.start().isBefore(now) ? "late" : "scheduled";
      case OPEN -> "vacant";
      case OFFERED -> "offered";
      case ON_HOLD -> "on_hold";
      case IN_PROGRESS -> "clocked";
      case COMPLETED -> v.end().plus(APPROVED_AFTER).isBefore(now) ? "approved" : "completed";
      case CANCELLED -> "cancelled";
      case MISSED -> "missed";
    };
  }

  /** A cancel code: employee-side ({@code EMP_...}) for call-outs, client-side otherwise, "On Hold" for held visits. */
  public Map<String, Object> cancelCode(Visit v) {
    if (v.status() == VisitStatus.ON_HOLD) {
      return codeMap(ON_HOLD_CODE_ID, "ON_HOLD", "On Hold");
    }
    if (v.status() != VisitStatus.CANCELLED) {
      return null;
    }
    String reason = v.cancelReason() == null ? "Cancelled" : v.cancelReason();
    boolean employee = reason.toLowerCase(Locale.ROOT).startsWith("caregiver");
    String slug = reason.substring(reason.indexOf(':') + 1).strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_");
    String code = (employee ? "EMP_" : "CLNT_") + slug;
    return codeMap(view.ids().sequence().id("cancel:" + code), code, reason);
  }

  private static Map<String, Object> codeMap(long id, String code, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("code", code);
    m.put("description", description);
    return m;
  }

  private long serviceId(Visit v) {
    return view.ids().sequence().id("service:" + v.clientId() + ":" + serviceName(v));
  }

  private static String serviceExternalId(Visit v) {
    return "SVC-" + v.clientId() + "-" + serviceName(v);
  }

  private static String serviceName(Visit v) {
    return v.serviceCode() == null ? "CARE" : v.serviceCode();
  }

  private Caregiver employeeOf(String agencyId) {
    return view.employee(view.ids().employees().id(agencyId));
  }

  private Client clientOf(String agencyId) {
    return view.client(view.ids().clients().id(agencyId));
  }

  private ZoneId zoneOf(String regionId) {
    return view.region(view.branchId(regionId)).zone();
  }

  static String offset(Instant t, ZoneId zone) {
    return ISO_OFFSET.format(OffsetDateTime.ofInstant(t, zone));
  }
}
