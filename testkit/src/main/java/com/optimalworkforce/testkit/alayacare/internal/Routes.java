package com.optimalworkforce.testkit.alayacare.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The AlayaCare External API endpoints the simulator serves, over an {@link AgencyView}: real
 * paging ({@code page}/{@code count}/{@code total_pages}), branch and date filters, the
 * mutually-exclusive id rules, and visit updates written back to the agency. Not API.
 */
public final class Routes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CLIENT = Pattern.compile("patients/clients/(\\d+)");
  private static final Pattern EMPLOYEE = Pattern.compile("employees/employees/(\\d+)");
  private static final Pattern UNAVAILABILITIES = Pattern.compile("employees/employee/(\\d+)/unavailabilities");
  private static final Pattern VISIT = Pattern.compile("scheduler/visits/(\\d+)");
  private static final Set<String> VISIT_STATUSES = Set.of("scheduled", "vacant", "on_hold", "cancelled", "offered",
      "clocked", "late", "completed", "missed", "approved");

  /** An answer: status, JSON body. */
  public record Answer(int status, String body) {}

  /** A request parameter was bad: answered with 400. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  private final SyntheticAgency agency;
  private final AgencyView.IdMaps ids;
  private final String host;
  private final Tweaks tweaks;
  private volatile AgencyView view;

  public Routes(SyntheticAgency agency, String host, Tweaks tweaks) {
    this.agency = agency;
    this.ids = AgencyView.IdMaps.create();
    this.host = host;
    this.tweaks = tweaks;
  }

  /** The current view of the agency, rebuilt when the agency has changed. */
  public AgencyView view() {
    AgencyView v = view;
    if (v == null || v.version() != agency.version()) {
      synchronized (this) {
        v = view;
        if (v == null || v.version() != agency.version()) {
          view = v = new AgencyView(agency, ids);
        }
      }
    }
    return v;
  }

  /** Answers one request; {@code path} is what follows {@code /ext/api/v2/}. */
  public Answer handle(String method, String path, Map<String, List<String>> query, String body, Instant now) {
    try {
      AgencyView v = view();
      Shapes shapes = new Shapes(v, host, tweaks, now);
      if (method.equals("PUT")) {
        Matcher m = VISIT.matcher(path);
        return m.matches() ? updateVisit(v, shapes, Long.parseLong(m.group(1)), body) : notFound();
      }
      if (!method.equals("GET")) {
        return new Answer(405, json(Shapes.error(405, "Method not allowed")));
      }
      if (path.equals("patients/branches") || path.equals("employees/branches")) {
        List<Map<String, Object>> branches = new ArrayList<>();
        for (int i = 0; i < v.regions().size(); i++) {
          branches.add(shapes.branch(AgencyView.FIRST_BRANCH + i));
        }
        return page(branches, query, Function.identity());
      }
      if (path.equals("patients/clients")) {
        Long branch = longParam(query, "branch");
        Set<String> statuses = listParam(query, "status");
        List<Client> clients = branch == null ? allClients(v) : v.clients(branch);
        if (!statuses.isEmpty()) {
          clients = clients.stream().filter(c -> statuses.contains(c.active() ? "active" : "discharged")).toList();
        }
        if (tweaks.listsByName()) {
          clients = clients.stream().sorted(Comparator.comparing((Client c) -> String.valueOf(c.name().family()))
              .thenComparing(c -> String.valueOf(c.name().given())).thenComparing(c -> ids.clients().id(c.id())))
              .toList();
        }
        return page(clients, query, shapes::clientItem);
      }
      Matcher m = CLIENT.matcher(path);
      if (m.matches()) {
        Client c = v.client(Long.parseLong(m.group(1)));
        return c == null ? new Answer(404, json(Shapes.error(404, "Client not found"))) : ok(shapes.clientDetail(c));
      }
      if (path.equals("employees/employees")) {
        Long branch = longParam(query, "branch");
        Set<String> statuses = listParam(query, "status");
        List<Caregiver> employees = branch == null ? allEmployees(v) : v.employees(branch);
        if (!statuses.isEmpty()) {
          employees = employees.stream().filter(c -> statuses.contains(c.active() ? "active" : "terminated")).toList();
        }
        if (tweaks.listsByName()) {
          employees = employees.stream().sorted(Comparator.comparing((Caregiver c) -> String.valueOf(c.name().family()))
              .thenComparing(c -> String.valueOf(c.name().given())).thenComparing(c -> ids.employees().id(c.id())))
              .toList();
        }
        return page(employees, query, shapes::employeeItem);
      }
      m = EMPLOYEE.matcher(path);
      if (m.matches()) {
        Caregiver c = v.employee(Long.parseLong(m.group(1)));
        return c == null ? new Answer(404, json(Shapes.error(404, "Employee not found."))) : ok(shapes.employeeDetail(c));
      }
      m = UNAVAILABILITIES.matcher(path);
      if (m.matches()) {
        return unavailabilities(v, shapes, Long.parseLong(m.group(1)), query);
      }
      if (path.equals("scheduler/visits")) {
        return visits(v, shapes, query, now);
      }
      m = VISIT.matcher(path);
      if (m.matches()) {
        Visit visit = visit(v, Long.parseLong(m.group(1)));
        return visit == null ? visitNotFound() : ok(shapes.visitDetail(visit));
      }
      return notFound();
    } catch (BadRequest e) {
      return new Answer(400, json(Shapes.error(400, e.getMessage())));
    }
  }

  private static List<Client> allClients(AgencyView v) {
    List<Client> out = new ArrayList<>();
    for (int i = 0; i < v.regions().size(); i++) {
      out.addAll(v.clients(AgencyView.FIRST_BRANCH + i));
    }
    return out;
  }

  private static List<Caregiver> allEmployees(AgencyView v) {
    List<Caregiver> out = new ArrayList<>();
    for (int i = 0; i < v.regions().size(); i++) {
      out.addAll(v.employees(AgencyView.FIRST_BRANCH + i));
    }
    return out;
  }

  private Answer unavailabilities(AgencyView v, Shapes shapes, long employeeId, Map<String, List<String>> query) {
    Caregiver c = v.employee(employeeId);
    if (c == null) {
      return new Answer(404, json(Shapes.error(404, "Employee not found")));
    }
    LocalDate startFrom = dateParam(query, "start_date_from");
    LocalDate startTo = dateParam(query, "start_date_to");
    LocalDate endFrom = dateParam(query, "end_date_from");
    LocalDate endTo = dateParam(query, "end_date_to");
    List<UnavailabilityRules.Rule> rules = v.rules(employeeId).stream().filter(r -> {
      LocalDate start = r.firstStart().atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate end = r.lastEnd().atZone(ZoneOffset.UTC).toLocalDate();
      return (startFrom == null || !start.isBefore(startFrom)) && (startTo == null || !start.isAfter(startTo))
          && (endFrom == null || !end.isBefore(endFrom)) && (endTo == null || !end.isAfter(endTo));
    }).toList();
    return page(rules, query, r -> shapes.unavailability(c, r));
  }

  private Answer visits(AgencyView v, Shapes shapes, Map<String, List<String>> query, Instant now) {
    exclusive(query, "client_id", "alayacare_client_id");
    exclusive(query, "employee_id", "alayacare_employee_id");
    exclusive(query, "service_id", "alayacare_service_id");
    Long branch = longParam(query, "branch_id");
    long branchId = branch == null ? AgencyView.FIRST_BRANCH : branch; // the API user's branch
    Instant from = instantParam(query, "start_date_from", query.containsKey("start_at") ? "start_at" : null, now);
    Instant to = instantParam(query, "start_date_to", query.containsKey("end_at") ? "end_at" : null,
        now.plus(Duration.ofDays(7)));
    Set<String> statuses = listParam(query, "status");
    for (String s : statuses) {
      if (!VISIT_STATUSES.contains(s)) {
        throw new BadRequest("Invalid value for parameter 'status': '" + s + "'");
      }
    }
    Boolean cancelled = boolParam(query, "is_cancelled");
    Boolean vacant = boolParam(query, "is_vacant");
    Boolean onHold = boolParam(query, "is_on_hold");
    String clientExt = first(query, "client_id");
    Long clientId = longParam(query, "alayacare_client_id");
    String employeeExt = first(query, "employee_id");
    Long employeeId = longParam(query, "alayacare_employee_id");
    Predicate<Visit> filter = visit -> (statuses.isEmpty() || statuses.contains(shapes.status(visit)))
        && (cancelled == null || cancelled == (visit.status() == VisitStatus.CANCELLED))
        && (vacant == null || vacant == (visit.caregiverId() == null))
        && (onHold == null || onHold == (visit.status() == VisitStatus.ON_HOLD))
        && (clientExt == null || clientExt.equals(visit.clientId()))
        && (clientId == null || clientId == ids.clients().id(visit.clientId()))
        && (employeeExt == null || employeeExt.equals(visit.caregiverId()))
        && (employeeId == null || (visit.caregiverId() != null && employeeId == ids.employees().id(visit.caregiverId())));
    List<Visit> visits = v.visits(branchId, from, to).stream().filter(filter).toList();
    return page(visits, query, shapes::visitItem);
  }

  private Visit visit(AgencyView v, long alayacareVisitId) {
    String agencyId = ids.visits().agencyId(alayacareVisitId);
    return agencyId == null ? null : agency.visit(agencyId).orElse(null);
  }

  private Answer updateVisit(AgencyView v, Shapes shapes, long alayacareVisitId, String body) {
    JsonNode update;
    try {
      update = JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new BadRequest("Request body is not valid JSON");
    }
    if (update == null || !update.isObject()) {
      throw new BadRequest("Request body must be a JSON object");
    }
    for (String[] pair : List.of(new String[] {"client_id", "alayacare_client_id"},
        new String[] {"employee_id", "alayacare_employee_id"}, new String[] {"service_id", "alayacare_service_id"})) {
      if (update.has(pair[0]) && update.has(pair[1])) {
        throw new BadRequest(pair[0] + " and " + pair[1] + " are mutually exclusive");
      }
    }
    Visit visit = visit(v, alayacareVisitId);
    if (visit == null) {
      return visitNotFound();
    }
    Visit.Builder changed = visit.toBuilder();
    if (update.has("alayacare_employee_id") || update.has("employee_id")) {
      JsonNode node = update.has("alayacare_employee_id") ? update.get("alayacare_employee_id") : update.get("employee_id");
      if (node.isNull()) {
        changed.caregiverId(null).status(visit.status() == VisitStatus.SCHEDULED ? VisitStatus.OPEN : visit.status());
      } else {
        Caregiver c = update.has("alayacare_employee_id") ? v.employee(node.asLong())
            : v.employee(ids.employees().id(node.asText()));
        if (c == null || (update.has("employee_id") && !c.id().equals(node.asText()))) {
          throw new BadRequest("Employee not found: " + node.asText());
        }
        boolean vacant = visit.status() == VisitStatus.OPEN || visit.status() == VisitStatus.OFFERED;
        changed.caregiverId(c.id()).status(vacant ? VisitStatus.SCHEDULED : visit.status());
      }
    }
    try {
      Visit updated = changed.build();
      agency.put(updated);
      Map<String, Object> out = new java.util.LinkedHashMap<>(shapes.visitItem(updated));
      out.remove("break_minutes");
      return ok(out);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("Invalid visit update: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ parameters and paging

  private static <T> Answer page(List<T> all, Map<String, List<String>> query, Function<T, Map<String, Object>> render) {
    Long page = longParam(query, "page");
    Long count = longParam(query, "count");
    long p = page == null ? 1 : page;
    long c = count == null ? 100 : count;
    if (p < 1) {
      throw new BadRequest("Invalid value for parameter 'page': " + p + " (pages start at 1)");
    }
    if (c < 1) {
      throw new BadRequest("Invalid value for parameter 'count': " + c + " (must be at least 1)");
    }
    int totalPages = (int) Math.max(1, (all.size() + c - 1) / c);
    long from = (p - 1) * c;
    List<Map<String, Object>> items = new ArrayList<>();
    for (long i = from; i < Math.min(all.size(), from + c); i++) {
      items.add(render.apply(all.get((int) i)));
    }
    return ok(Shapes.page(items, (int) p, totalPages));
  }

  private static void exclusive(Map<String, List<String>> query, String a, String b) {
    if (query.containsKey(a) && query.containsKey(b)) {
      throw new BadRequest(a + " and " + b + " are mutually exclusive");
    }
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Long longParam(Map<String, List<String>> query, String name) {
    String s = first(query, name);
    if (s == null) {
      return null;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new BadRequest("Invalid value for parameter '" + name + "': '" + s + "' is not an integer");
    }
  }

  private static Boolean boolParam(Map<String, List<String>> query, String name) {
    String s = first(query, name);
    if (s == null) {
      return null;
    }
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new BadRequest("Invalid value for parameter '" + name + "': '" + s + "' is not a boolean");
  }

  private static Set<String> listParam(Map<String, List<String>> query, String name) {
    List<String> values = query.getOrDefault(name, List.of());
    return values.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  private static Instant instantParam(Map<String, List<String>> query, String name, String alias, Instant dflt) {
    String s = first(query, name);
    if (s == null && alias != null) {
      s = first(query, alias);
    }
    if (s == null) {
      return dflt;
    }
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequest("Invalid value for parameter '" + name + "': '" + s + "' is not an ISO 8601 date-time");
    }
  }

  private static LocalDate dateParam(Map<String, List<String>> query, String name) {
    String s = first(query, name);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequest("Invalid value for parameter '" + name + "': '" + s + "' is not a date (YYYY-MM-DD)");
    }
  }

  private static Answer ok(Object body) {
    return new Answer(200, json(body));
  }

  private static Answer notFound() {
    return new Answer(404, json(Shapes.error(404, "Not found")));
  }

  private static Answer visitNotFound() {
    return new Answer(404, json(Shapes.error(404, "Visit not found")));
  }

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render JSON", e);
    }
  }
}
