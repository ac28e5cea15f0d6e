package com.optimalworkforce.alerts.view;

import com.optimalworkforce.alerts.view.internal.Timeline;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.sync.ChangeListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The {@link ScheduleView} implementation: an in-memory index of the schedule, kept current by the
 * sync's changes (it is a {@link ChangeListener}) or loaded from records. Each change updates only
 * the entries of the records it touches, and running totals (hours per caregiver and per region
 * for each pay week) move by the difference, so a change costs a few map operations whatever the
 * size of the schedule.
 *
 * <pre>{@code
 * ScheduleIndex index = ScheduleIndex.builder().clock(clock).payCalendar(PayCalendar.ofDefaults()).build();
 * index.putAll(agency.visits().toList());          // or: syncEngine.listener(index)
 * index.onChanges(List.of(Change.updated(before, after)));
 * index.unfilledStarting(now, now.plus(Duration.ofHours(24)));
 * }</pre>
 *
 * <p>Thread-safe: many readers or one writer at a time; queries return copies.
 */
public final class ScheduleIndex implements ScheduleView, ChangeListener {
  private static final Comparator<ShiftOffer> OFFER_ORDER =
      Comparator.comparing(ShiftOffer::offeredAt).thenComparing(ShiftOffer::id);

  private final PayCalendar pay;
  private final Clock clock;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private long version;

  private final Map<String, Visit> visits = new HashMap<>();
  private final Map<String, Caregiver> caregivers = new HashMap<>();
  private final Map<String, Client> clients = new HashMap<>();
  private final Map<String, CallOut> callOuts = new HashMap<>();
  private final Map<String, Unavailability> unavailability = new HashMap<>();
  private final Map<String, ShiftOffer> offers = new HashMap<>();

  private final Timeline<Visit> allVisits = visitTimeline();
  private final Map<String, Timeline<Visit>> visitsByRegion = new HashMap<>();
  private final Timeline<Visit> unfilled = visitTimeline();
  private final Map<String, Timeline<Visit>> visitsByCaregiver = new HashMap<>();
  private final Map<String, Timeline<Visit>> visitsByClient = new HashMap<>();
  private final Map<String, Map<LocalDate, double[]>> caregiverHours = new HashMap<>();
  private final Map<LocalDate, Map<String, double[]>> hoursByWeek = new HashMap<>();
  private final Map<String, TreeMap<LocalDate, double[]>> regionHours = new HashMap<>();
  private final Map<String, ZoneId> regionZones = new HashMap<>();
  private final Map<String, Map<String, Caregiver>> caregiversByRegion = new HashMap<>();
  private final Map<String, Integer> regionRefs = new HashMap<>();
  private final Map<String, Timeline<CallOut>> callOutsByCaregiver = new HashMap<>();
  private final Map<String, CallOut> callOutByVisit = new HashMap<>();
  private final Map<String, Timeline<Unavailability>> unavailabilityByCaregiver = new HashMap<>();
  private Duration longestUnavailability = Duration.ZERO;
  private final Map<String, List<ShiftOffer>> offersByVisit = new HashMap<>();
  private final Map<String, Vacancy> vacancies = new HashMap<>();

  private ScheduleIndex(Builder b) {
    this.pay = b.pay;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** An index with Monday pay weeks, stamping vacancies with this clock. */
  public static ScheduleIndex create(Clock clock) {
    return builder().clock(clock).build();
  }

  private static Timeline<Visit> visitTimeline() {
    return new Timeline<>(Visit::start, Visit::id);
  }

  // ------------------------------------------------------------------ writing

  @Override
  public void onChanges(List<Change> changes) {
    Objects.requireNonNull(changes, "changes");
    write(() -> {
      for (Change c : changes) {
        applyLocked(c);
      }
      return null;
    });
  }

  /** Applies one change. */
  public void apply(Change change) {
    Objects.requireNonNull(change, "change");
    write(() -> {
      applyLocked(change);
      return null;
    });
  }

  /** Adds or replaces records (e.g. an initial load). */
  public void putAll(Collection<? extends SourceRecord> records) {
    Objects.requireNonNull(records, "records");
    write(() -> {
      for (SourceRecord r : records) {
        putLocked(Objects.requireNonNull(r, "record"));
      }
      return null;
    });
  }

  /** Adds or replaces one record. */
  public void put(SourceRecord record) {
    putAll(List.of(Objects.requireNonNull(record, "record")));
  }

  /** Removes a record; a no-op when absent. */
  public void remove(RecordKey key) {
    Objects.requireNonNull(key, "key");
    write(() -> {
      removeLocked(key);
      return null;
    });
  }

  private <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void applyLocked(Change c) {
    if (c.isDelete()) {
      removeLocked(c.key());
    } else {
      putLocked(c.after());
    }
  }

  private void putLocked(SourceRecord r) {
    version++;
    if (r instanceof Visit v) {
      Visit old = visits.put(v.id(), v);
      if (old != null) {
        unindex(old);
      }
      index(v);
      trackVacancy(old, v);
    } else if (r instanceof Caregiver c) {
      Caregiver old = caregivers.put(c.id(), c);
      if (old != null) {
        caregiversByRegion.get(old.regionId()).remove(old.id());
        unref(old.regionId());
      }
      caregiversByRegion.computeIfAbsent(c.regionId(), k -> new HashMap<>()).put(c.id(), c);
      ref(c.regionId());
    } else if (r instanceof Client c) {
      Client old = clients.put(c.id(), c);
      if (old != null) {
        unref(old.regionId());
      }
      ref(c.regionId());
    } else if (r instanceof CallOut c) {
      CallOut old = callOuts.put(c.id(), c);
      Timeline<CallOut> t = callOutsByCaregiver.computeIfAbsent(c.caregiverId(),
          k -> new Timeline<>(CallOut::shiftStart, CallOut::id));
      if (old != null) {
        removeFrom(callOutsByCaregiver, old.caregiverId(), old);
      }
      t.add(c);
      callOutByVisit.put(c.visitId(), c);
      Visit v = visits.get(c.visitId());
      if (v != null && v.isUnfilled()) {
        vacancies.put(v.id(), new Vacancy(v.id(), c.caregiverId(), c.reportedAt()));
      }
    } else if (r instanceof Unavailability u) {
      Unavailability old = unavailability.put(u.id(), u);
      if (old != null) {
        removeFrom(unavailabilityByCaregiver, old.caregiverId(), old);
      }
      unavailabilityByCaregiver.computeIfAbsent(u.caregiverId(), k -> new Timeline<>(Unavailability::start,
          Unavailability::id)).add(u);
      Duration length = Duration.between(u.start(), u.end());
      if (length.compareTo(longestUnavailability) > 0) {
        longestUnavailability = length;
      }
    } else if (r instanceof ShiftOffer o) {
      ShiftOffer old = offers.put(o.id(), o);
      if (old != null) {
        offersByVisit.get(old.visitId()).remove(old);
      }
      List<ShiftOffer> list = offersByVisit.computeIfAbsent(o.visitId(), k -> new ArrayList<>(2));
      list.add(o);
      list.sort(OFFER_ORDER);
    }
  }

  private void removeLocked(RecordKey key) {
    version++;
    String id = key.sourceId();
    switch (key.type()) {
      case VISIT -> {
        Visit old = visits.remove(id);
        if (old != null) {
          unindex(old);
        }
        vacancies.remove(id);
      }
      case CAREGIVER -> {
        Caregiver old = caregivers.remove(id);
        if (old != null) {
          caregiversByRegion.get(old.regionId()).remove(id);
          unref(old.regionId());
        }
      }
      case CLIENT -> {
        Client old = clients.remove(id);
        if (old != null) {
          unref(old.regionId());
        }
      }
      case CALL_OUT -> {
        CallOut old = callOuts.remove(id);
        if (old != null) {
          removeFrom(callOutsByCaregiver, old.caregiverId(), old);
          callOutByVisit.remove(old.visitId(), old);
        }
      }
      case UNAVAILABILITY -> {
        Unavailability old = unavailability.remove(id);
        if (old != null) {
          removeFrom(unavailabilityByCaregiver, old.caregiverId(), old);
        }
      }
      case SHIFT_OFFER -> {
        ShiftOffer old = offers.remove(id);
        if (old != null) {
          List<ShiftOffer> list = offersByVisit.get(old.visitId());
          list.remove(old);
          if (list.isEmpty()) {
            offersByVisit.remove(old.visitId());
          }
        }
      }
    }
  }

  private static <T> void removeFrom(Map<String, Timeline<T>> map, String key, T record) {
    Timeline<T> t = map.get(key);
    if (t != null) {
      t.remove(record);
      if (t.isEmpty()) {
        map.remove(key);
      }
    }
  }

  private void trackVacancy(Visit old, Visit now) {
    if (!now.isUnfilled()) {
      vacancies.remove(now.id());
    } else if (!vacancies.containsKey(now.id())) {
      CallOut callOut = callOutByVisit.get(now.id());
      if (callOut != null) {
        vacancies.put(now.id(), new Vacancy(now.id(), callOut.caregiverId(), callOut.reportedAt()));
      } else if (old != null && old.caregiverId() != null) {
        vacancies.put(now.id(), new Vacancy(now.id(), old.caregiverId(), clock.instant()));
      }
    }
  }

  private void ref(String regionId) {
    regionRefs.merge(regionId, 1, Integer::sum);
  }

  private void unref(String regionId) {
    regionRefs.computeIfPresent(regionId, (k, n) -> n == 1 ? null : n - 1);
  }

  private void index(Visit v) {
    allVisits.add(v);
    visitsByRegion.computeIfAbsent(v.regionId(), k -> visitTimeline()).add(v);
    regionZones.putIfAbsent(v.regionId(), v.zone());
    ref(v.regionId());
    visitsByClient.computeIfAbsent(v.clientId(), k -> visitTimeline()).add(v);
    if (v.isUnfilled()) {
      unfilled.add(v);
    }
    if (v.caregiverId() != null) {
      visitsByCaregiver.computeIfAbsent(v.caregiverId(), k -> visitTimeline()).add(v);
    }
    addHours(v, 1);
  }

  private void unindex(Visit v) {
    allVisits.remove(v);
    removeFrom(visitsByRegion, v.regionId(), v);
    unref(v.regionId());
    removeFrom(visitsByClient, v.clientId(), v);
    unfilled.remove(v);
    if (v.caregiverId() != null) {
      removeFrom(visitsByCaregiver, v.caregiverId(), v);
    }
    addHours(v, -1);
  }

  /** Booked time: someone is assigned and the visit happens, is happening or happened. */
  static boolean isBooked(Visit v) {
    VisitStatus s = v.status();
    return v.caregiverId() != null
        && (s == VisitStatus.SCHEDULED || s == VisitStatus.IN_PROGRESS || s == VisitStatus.COMPLETED);
  }

  private void addHours(Visit v, int sign) {
    if (isBooked(v)) {
      String cg = v.caregiverId();
      pay.split(v, (week, hours) -> {
        Map<LocalDate, double[]> weeks = caregiverHours.computeIfAbsent(cg, k -> new HashMap<>(4));
        double[] h = weeks.computeIfAbsent(week, k -> new double[1]);
        h[0] += sign * hours;
        Map<String, double[]> byCaregiver = hoursByWeek.computeIfAbsent(week, k -> new HashMap<>());
        if (sign > 0) {
          byCaregiver.put(cg, h);
        } else if (Math.abs(h[0]) < 1e-9) {
          weeks.remove(week);
          byCaregiver.remove(cg);
          if (weeks.isEmpty()) {
            caregiverHours.remove(cg);
          }
        }
      });
    }
    if (v.status().countsAsScheduled()) {
      LocalDate week = pay.weekOf(v.start(), v.zone());
      regionHours.computeIfAbsent(v.regionId(), k -> new TreeMap<>())
          .computeIfAbsent(week, k -> new double[1])[0] += sign * v.hours();
    }
  }

  // ------------------------------------------------------------------ reading

  @Override
  public PayCalendar payCalendar() {
    return pay;
  }

  @Override
  public long version() {
    return read(() -> version);
  }

  @Override
  public Optional<Visit> visit(String visitId) {
    Objects.requireNonNull(visitId, "visitId");
    return read(() -> Optional.ofNullable(visits.get(visitId)));
  }

  @Override
  public Optional<Caregiver> caregiver(String caregiverId) {
    Objects.requireNonNull(caregiverId, "caregiverId");
    return read(() -> Optional.ofNullable(caregivers.get(caregiverId)));
  }

  @Override
  public Optional<Client> client(String clientId) {
    Objects.requireNonNull(clientId, "clientId");
    return read(() -> Optional.ofNullable(clients.get(clientId)));
  }

  @Override
  public List<Caregiver> caregiversIn(String regionId) {
    Objects.requireNonNull(regionId, "regionId");
    return read(() -> {
      Map<String, Caregiver> m = caregiversByRegion.get(regionId);
      if (m == null) {
        return List.of();
      }
      List<Caregiver> out = new ArrayList<>(m.values());
      out.sort(Comparator.comparing(Caregiver::id));
      return out;
    });
  }

  @Override
  public Set<String> regionIds() {
    return read(() -> Set.copyOf(regionRefs.keySet()));
  }

  @Override
  public Optional<ZoneId> zone(String regionId) {
    Objects.requireNonNull(regionId, "regionId");
    return read(() -> Optional.ofNullable(regionZones.get(regionId)));
  }

  @Override
  public List<Visit> visitsStarting(Instant from, Instant to) {
    checkRange(from, to);
    return read(() -> allVisits.between(from, to));
  }

  @Override
  public List<Visit> visitsStarting(String regionId, Instant from, Instant to) {
    Objects.requireNonNull(regionId, "regionId");
    checkRange(from, to);
    return read(() -> between(visitsByRegion, regionId, from, to));
  }

  @Override
  public List<Visit> unfilledStarting(Instant from, Instant to) {
    checkRange(from, to);
    return read(() -> unfilled.between(from, to));
  }

  @Override
  public List<Visit> visitsOf(String caregiverId, Instant from, Instant to) {
    Objects.requireNonNull(caregiverId, "caregiverId");
    checkRange(from, to);
    return read(() -> between(visitsByCaregiver, caregiverId, from, to));
  }

  @Override
  public List<Visit> visitsFor(String clientId, Instant from, Instant to) {
    Objects.requireNonNull(clientId, "clientId");
    checkRange(from, to);
    return read(() -> between(visitsByClient, clientId, from, to));
  }

  @Override
  public double hoursOf(String caregiverId, LocalDate payWeek) {
    Objects.requireNonNull(caregiverId, "caregiverId");
    Objects.requireNonNull(payWeek, "payWeek");
    return read(() -> {
      Map<LocalDate, double[]> weeks = caregiverHours.get(caregiverId);
      double[] h = weeks == null ? null : weeks.get(payWeek);
      return h == null ? 0 : h[0];
    });
  }

  @Override
  public Map<String, Double> hoursByCaregiver(LocalDate payWeek) {
    Objects.requireNonNull(payWeek, "payWeek");
    return read(() -> {
      Map<String, double[]> hours = hoursByWeek.getOrDefault(payWeek, Map.of());
      Map<String, Double> out = new HashMap<>(hours.size() * 2);
      hours.forEach((cg, h) -> out.put(cg, h[0]));
      return out;
    });
  }

  @Override
  public SortedMap<LocalDate, Double> weeklyHours(String regionId) {
    Objects.requireNonNull(regionId, "regionId");
    return read(() -> {
      TreeMap<LocalDate, Double> out = new TreeMap<>();
      regionHours.getOrDefault(regionId, new TreeMap<>()).forEach((w, h) -> out.put(w, h[0]));
      return Collections.unmodifiableSortedMap(out);
    });
  }

  @Override
  public List<CallOut> callOutsOf(String caregiverId, Instant from, Instant to) {
    Objects.requireNonNull(caregiverId, "caregiverId");
    checkRange(from, to);
    return read(() -> between(callOutsByCaregiver, caregiverId, from, to));
  }

  @Override
  public Set<String> caregiversWithCallOuts() {
    return read(() -> Set.copyOf(callOutsByCaregiver.keySet()));
  }

  @Override
  public List<Unavailability> unavailabilityOf(String caregiverId, Instant from, Instant to) {
    Objects.requireNonNull(caregiverId, "caregiverId");
    checkRange(from, to);
    return read(() -> {
      Timeline<Unavailability> t = unavailabilityByCaregiver.get(caregiverId);
      if (t == null) {
        return List.of();
      }
      // Anything overlapping [from, to) starts before `to` and no earlier than from - longest.
      List<Unavailability> out = new ArrayList<>();
      for (Unavailability u : t.range(from.minus(longestUnavailability), to)) {
        if (u.overlaps(from, to)) {
          out.add(u);
        }
      }
      return out;
    });
  }

  @Override
  public Set<String> caregiversWithUnavailability() {
    return read(() -> Set.copyOf(unavailabilityByCaregiver.keySet()));
  }

  @Override
  public List<ShiftOffer> offersFor(String visitId) {
    Objects.requireNonNull(visitId, "visitId");
    return read(() -> List.copyOf(offersByVisit.getOrDefault(visitId, List.of())));
  }

  @Override
  public Optional<Vacancy> vacancy(String visitId) {
    Objects.requireNonNull(visitId, "visitId");
    return read(() -> Optional.ofNullable(vacancies.get(visitId)));
  }

  @Override
  public List<Vacancy> vacancies() {
    return read(() -> {
      List<Vacancy> out = new ArrayList<>(vacancies.values());
      out.sort(Comparator.comparing(Vacancy::openedAt).reversed().thenComparing(Vacancy::visitId));
      return out;
    });
  }

  /** Number of visits indexed. */
  public int visitCount() {
    return read(visits::size);
  }

  private static <T> List<T> between(Map<String, Timeline<T>> map, String key, Instant from, Instant to) {
    Timeline<T> t = map.get(key);
    return t == null ? List.of() : t.between(from, to);
  }

  private static void checkRange(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Range end " + to + " is before its start " + from);
    }
  }

  @Override
  public String toString() {
    return read(() -> "ScheduleIndex[visits=" + visits.size() + ", caregivers=" + caregivers.size() + ", clients="
        + clients.size() + ", version=" + version + ", " + pay + "]");
  }

  /** Builds a {@link ScheduleIndex}. */
  public static final class Builder {
    private PayCalendar pay = PayCalendar.ofDefaults();
    private Clock clock;

    private Builder() {}

    /** How pay weeks are cut (default: Monday to Monday). */
    public Builder payCalendar(PayCalendar pay) {
      this.pay = Objects.requireNonNull(pay, "pay");
      return this;
    }

    /** Stamps vacancies seen as changes (required). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public ScheduleIndex build() {
      if (clock == null) {
        throw new IllegalStateException("ScheduleIndex: a clock is required; call clock(...)");
      }
      return new ScheduleIndex(this);
    }
  }

}
