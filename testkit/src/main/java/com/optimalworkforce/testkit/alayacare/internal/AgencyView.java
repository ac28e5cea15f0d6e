package com.optimalworkforce.testkit.alayacare.internal;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agency as AlayaCare holds it, for one version of the agency: branches with integer ids,
 * clients and employees per branch in id order, unavailability folded into rules, visits of a
 * branch and date range in id order (cached, so paging through 100,000 visits costs one pass).
 * Rebuilt when the agency changes. Not API.
 */
public final class AgencyView {
  /** The first branch id; branches are numbered in the agency's region order. */
  public static final long FIRST_BRANCH = 101;

  private final SyntheticAgency agency;
  private final long version;
  private final IdMaps ids;
  private final List<Region> regions;
  private final Map<Long, List<Client>> clientsByBranch = new HashMap<>();
  private final Map<Long, Client> clients = new HashMap<>();
  private final Map<Long, List<Caregiver>> employeesByBranch = new HashMap<>();
  private final Map<Long, Caregiver> employees = new HashMap<>();
  private final Map<Long, List<UnavailabilityRules.Rule>> rulesByEmployee = new HashMap<>();
  private final Map<String, UnavailabilityRules.Rule> ruleOfOccurrence = new HashMap<>();
  private volatile Map<Long, List<Visit>> visitsByStart;

  /** The id maps the simulator keeps for its whole life. */
  public record IdMaps(IdMap clients, IdMap employees, IdMap visits, IdMap sequence) {
    public static IdMaps create() {
      return new IdMaps(IdMap.clients(), IdMap.employees(), IdMap.visits(), IdMap.sequence());
    }
  }

  public AgencyView(SyntheticAgency agency, IdMaps ids) {
    this.agency = agency;
    this.version = agency.version();
    this.ids = ids;
    this.regions = agency.regions();
    for (Client c : agency.clients()) {
      long id = ids.clients().id(c.id());
      clients.put(id, c);
      clientsByBranch.computeIfAbsent(branchId(c.regionId()), k -> new ArrayList<>()).add(c);
    }
    clientsByBranch.values().forEach(l -> l.sort(Comparator.comparingLong(c -> ids.clients().id(c.id()))));
    Map<String, List<Unavailability>> byCaregiver = new LinkedHashMap<>();
    for (Unavailability u : agency.unavailabilities()) {
      byCaregiver.computeIfAbsent(u.caregiverId(), k -> new ArrayList<>()).add(u);
    }
    for (Caregiver c : agency.caregivers()) {
      long id = ids.employees().id(c.id());
      employees.put(id, c);
      employeesByBranch.computeIfAbsent(branchId(c.regionId()), k -> new ArrayList<>()).add(c);
      List<UnavailabilityRules.Rule> rules = UnavailabilityRules.fold(byCaregiver.getOrDefault(c.id(), List.of()),
          ids.sequence());
      rulesByEmployee.put(id, rules);
      for (UnavailabilityRules.Rule r : rules) {
        r.occurrences().forEach(u -> ruleOfOccurrence.put(u.id(), r));
      }
    }
    employeesByBranch.values().forEach(l -> l.sort(Comparator.comparingLong(c -> ids.employees().id(c.id()))));
  }

  public long version() {
    return version;
  }

  public SyntheticAgency agency() {
    return agency;
  }

  public IdMaps ids() {
    return ids;
  }

  public List<Region> regions() {
    return regions;
  }

  public long branchId(String regionId) {
    for (int i = 0; i < regions.size(); i++) {
      if (regions.get(i).id().equals(regionId)) {
        return FIRST_BRANCH + i;
      }
    }
    throw new IllegalArgumentException("No region '" + regionId + "'");
  }

  /** The region of a branch id, or null. */
  public Region region(long branchId) {
    long i = branchId - FIRST_BRANCH;
    return i >= 0 && i < regions.size() ? regions.get((int) i) : null;
  }

  public List<Client> clients(long branchId) {
    return clientsByBranch.getOrDefault(branchId, List.of());
  }

  public Client client(long id) {
    return clients.get(id);
  }

  public List<Caregiver> employees(long branchId) {
    return employeesByBranch.getOrDefault(branchId, List.of());
  }

  public Caregiver employee(long id) {
    return employees.get(id);
  }

  public List<UnavailabilityRules.Rule> rules(long employeeId) {
    return rulesByEmployee.getOrDefault(employeeId, List.of());
  }

  /** The rule an agency unavailability occurrence was folded into. */
  public UnavailabilityRules.Rule ruleOf(String unavailabilityId) {
    return ruleOfOccurrence.get(unavailabilityId);
  }

  /** Visits of a branch whose start lies in {@code [from, to]} (both inclusive, as AlayaCare filters), in id order. */
  public List<Visit> visits(long branchId, Instant from, Instant to) {
    if (region(branchId) == null || to.isBefore(from)) {
      return List.of();
    }
    List<Visit> byStart = visitsByStart().getOrDefault(branchId, List.of());
    int lo = firstAtOrAfter(byStart, from);
    int hi = firstAtOrAfter(byStart, to.plusNanos(1));
    List<Visit> out = new ArrayList<>(byStart.subList(lo, Math.max(lo, hi)));
    out.sort(Comparator.comparingLong(v -> ids.visits().id(v.id())));
    return out;
  }

  private static int firstAtOrAfter(List<Visit> byStart, Instant t) {
    int lo = 0;
    int hi = byStart.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (byStart.get(mid).start().isBefore(t)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Every visit of the agency by branch, sorted by start: computed once per version, on first use. */
  private Map<Long, List<Visit>> visitsByStart() {
    Map<Long, List<Visit>> v = visitsByStart;
    if (v == null) {
      synchronized (this) {
        v = visitsByStart;
        if (v == null) {
          Map<Long, List<Visit>> built = new HashMap<>();
          agency.visits().forEach(visit -> built.computeIfAbsent(branchId(visit.regionId()), k -> new ArrayList<>()).add(visit));
          built.values().forEach(l -> l.sort(Comparator.comparing(Visit::start)));
          visitsByStart = v = built;
        }
      }
    }
    return v;
  }
}
