package com.optimalworkforce.testkit;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.internal.AgencyModel;
import com.optimalworkforce.testkit.internal.Rng;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic, realistic home-care agency for tests, demos and benchmarks: regions in real
 * time zones, clients with Canadian postal codes in real FSAs (and US ZIPs when asked), caregivers
 * with skills, a weekly care plan turned into visits with open shifts, cancellations, call-outs,
 * shift offers and unavailability, and caregivers whose behaviour rules must find
 * ({@link #profiles()}).
 *
 * <pre>{@code
 * SyntheticAgency agency = SyntheticAgency.builder()
 *     .seed(42).regions(3).clients(600).caregivers(180)
 *     .weeksOfHistory(8).weeksAhead(2)
 *     .build();
 * agency.visits().filter(Visit::isUnfilled).count();
 * List<String> changed = agency.changeVisits(v -> v.start().isAfter(agency.now()), 0.01, 7);
 * }</pre>
 *
 * <p>The same seed and sizes always give the same agency. Visits, offers and call-outs are
 * computed on demand, so an agency of millions of visits is built in well under a second and
 * takes memory for its clients and caregivers only. The agency can be changed
 * ({@link #put}, {@link #delete}, {@link #changeVisits}, {@link #deleteVisits}) to simulate a
 * source that moves between two syncs; changes are thread-safe.
 */
public final class SyntheticAgency {
  /** Friday 20 November 2026, 10:00 in Toronto: the default "now" of every synthetic agency. */
  public static final Instant DEFAULT_NOW = Instant.parse("2026-11-20T15:00:00Z");

  private final long seed;
  private final AgencyModel model;
  private final Secret apiKey;
  private final Map<String, Region> regionsById = new HashMap<>();
  private final Map<String, Integer> clientIndex = new HashMap<>();
  private final Map<String, Integer> unavailabilityIndex = new HashMap<>();
  private final Map<RecordKey, SourceRecord> replaced = new ConcurrentHashMap<>();
  private final Set<RecordKey> deleted = ConcurrentHashMap.newKeySet();
  private final Map<EntityType, List<RecordKey>> added = new EnumMap<>(EntityType.class);
  private final AtomicLong version = new AtomicLong();

  private SyntheticAgency(Builder b) {
    this.seed = b.seed;
    this.model = AgencyModel.generate(new AgencyModel.Spec(b.seed, b.now, b.regions, b.usRegions, b.clients,
        b.caregivers, b.weeksOfHistory, b.weeksAhead, b.profiles, b.malformedPostalCodes, b.offerRate, b.openRate));
    this.apiKey = Secret.of(b.apiKey != null ? b.apiKey : "synthetic-key-" + b.seed);
    for (Region r : model.regions()) {
      regionsById.put(r.id(), r);
    }
    List<Client> clients = model.clients();
    for (int i = 0; i < clients.size(); i++) {
      clientIndex.put(clients.get(i).id(), i);
    }
    List<Unavailability> un = model.unavailabilities();
    for (int i = 0; i < un.size(); i++) {
      unavailabilityIndex.put(un.get(i).id(), i);
    }
    for (EntityType t : EntityType.values()) {
      added.put(t, new CopyOnWriteArrayList<>());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A small agency (2 regions, 60 clients, 30 caregivers, 4 weeks back, 2 ahead) with profiles. */
  public static SyntheticAgency small() {
    return builder().seed(1).regions(2).clients(60).caregivers(30).weeksOfHistory(4).weeksAhead(2).build();
  }

  public long seed() {
    return seed;
  }

  /** The agency's "now": history lies before it, the schedule after it. */
  public Instant now() {
    return model.now();
  }

  /** A clock fixed at {@link #now()}. */
  public Clock clock() {
    return Clock.fixed(model.now(), ZoneOffset.UTC);
  }

  /** The credential simulators and the in-memory connector accept. */
  public Secret apiKey() {
    return apiKey;
  }

  /** A counter that moves on every change, so a server can tell its data changed. */
  public long version() {
    return version.get();
  }

  public List<Region> regions() {
    return model.regions();
  }

  public Region region(String id) {
    Region r = regionsById.get(id);
    if (r == null) {
      throw new IllegalArgumentException("No region '" + id + "' in this agency; regions: " + regionsById.keySet());
    }
    return r;
  }

  /** The agency's caregivers, clients and visits with known behaviour; empty if built without. */
  public Optional<BehaviourProfiles> profiles() {
    return Optional.ofNullable(model.profiles());
  }

  /** Every visit lies in this window. */
  public TimeWindow window() {
    Instant from = model.week0Monday().atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(1));
    return TimeWindow.of(from, from.plus(Duration.ofDays(7L * model.weeks() + 3)));
  }

  /** Monday to Monday of the current week in the first region's zone. */
  public TimeWindow currentWeek() {
    ZoneId zone = regions().get(0).zone();
    var monday = model.week0Monday().plusWeeks(model.currentWeek());
    return TimeWindow.of(monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
  }

  /** The first local date of generated history (a Monday). */
  public java.time.LocalDate firstMonday() {
    return model.week0Monday();
  }

  // ------------------------------------------------------------------ records

  public List<Client> clients() {
    return records(EntityType.CLIENT).map(Client.class::cast).toList();
  }

  public List<Caregiver> caregivers() {
    return records(EntityType.CAREGIVER).map(Caregiver.class::cast).toList();
  }

  public List<Unavailability> unavailabilities() {
    return records(EntityType.UNAVAILABILITY).map(Unavailability.class::cast).toList();
  }

  /** All visits, computed on demand in a stable order. */
  public Stream<Visit> visits() {
    return records(EntityType.VISIT).map(Visit.class::cast);
  }

  public Stream<ShiftOffer> offers() {
    return records(EntityType.SHIFT_OFFER).map(ShiftOffer.class::cast);
  }

  public Stream<CallOut> callOuts() {
    return records(EntityType.CALL_OUT).map(CallOut.class::cast);
  }

  /** Every record of a stream, in position order. */
  public Stream<SourceRecord> records(EntityType type) {
    return LongStream.range(0, positions(type)).mapToObj(p -> recordsAt(type, p)).flatMap(List::stream);
  }

  /** The visit with this id, if it exists. */
  public Optional<Visit> visit(String id) {
    RecordKey key = RecordKey.of(EntityType.VISIT, id);
    if (deleted.contains(key)) {
      return Optional.empty();
    }
    SourceRecord r = replaced.get(key);
    if (r != null) {
      return Optional.of((Visit) r);
    }
    long index = AgencyModel.visitIndex(id);
    return index >= 0 && index < model.visitCount() ? Optional.of(model.fate(index).visit()) : Optional.empty();
  }

  /** Records of one stream whose region is selected and whose time falls in the window. */
  public Stream<SourceRecord> select(EntityType type, Set<String> regionIds, TimeWindow window) {
    Predicate<SourceRecord> filter = filter(type, regionIds, window);
    return candidatePositions(type, window).mapToObj(p -> recordsAt(type, p)).flatMap(List::stream).filter(filter);
  }

  /**
   * Which records a read of {@code type} for these regions and this window returns: clients and
   * caregivers of the regions; visits of the regions starting in the window; unavailability of
   * their caregivers overlapping the window; offers and call-outs of their visits whose shift
   * starts in the window.
   */
  public Predicate<SourceRecord> filter(EntityType type, Set<String> regionIds, TimeWindow window) {
    Objects.requireNonNull(type, "type");
    Set<String> regions = Set.copyOf(regionIds);
    Objects.requireNonNull(window, "window");
    Map<String, String> caregiverRegion = new HashMap<>();
    if (type == EntityType.UNAVAILABILITY) {
      for (Caregiver c : caregivers()) {
        caregiverRegion.put(c.id(), c.regionId());
      }
    }
    return r -> r.type() == type && matches(r, regions, window, caregiverRegion);
  }

  private boolean matches(SourceRecord r, Set<String> regions, TimeWindow window, Map<String, String> caregiverRegion) {
    if (r instanceof Client c) {
      return regions.contains(c.regionId());
    } else if (r instanceof Caregiver c) {
      return regions.contains(c.regionId());
    } else if (r instanceof Visit v) {
      return regions.contains(v.regionId()) && window.contains(v.start());
    } else if (r instanceof Unavailability u) {
      return in(regions, caregiverRegion.get(u.caregiverId())) && window.overlaps(u.start(), u.end());
    } else if (r instanceof ShiftOffer o) {
      return window.contains(o.shiftStart()) && in(regions, regionOfVisit(o.visitId()));
    } else if (r instanceof CallOut c) {
      return window.contains(c.shiftStart()) && in(regions, regionOfVisit(c.visitId()));
    }
    throw new IllegalArgumentException("Unknown record type " + r.type());
  }

  private static boolean in(Set<String> regions, String region) {
    return region != null && regions.contains(region);
  }

  /** The region of a visit, or null when the visit is unknown. */
  public String regionOfVisit(String visitId) {
    return visit(visitId).map(Visit::regionId).orElse(null);
  }

  /** The true probability, used to generate offers, that a caregiver accepts a shift starting then. */
  public double acceptanceProbability(String caregiverId, Instant shiftStart, ZoneId zone) {
    int cg = model.caregiverIndex(caregiverId);
    if (cg < 0) {
      throw new IllegalArgumentException("Unknown caregiver '" + caregiverId + "'");
    }
    return model.acceptanceProbability(cg, shiftStart.atZone(zone));
  }

  // ------------------------------------------------------------------ positions (for connectors and simulators)

  /**
   * The number of positions of a stream: records are found at positions {@code 0..positions-1},
   * zero or more per position, always in the same order. Positions never move, so a position is a
   * resumable cursor.
   */
  public long positions(EntityType type) {
    return basePositions(type) + added.get(type).size();
  }

  private long basePositions(EntityType type) {
    return switch (type) {
      case CLIENT -> model.clients().size();
      case CAREGIVER -> model.caregivers().size();
      case UNAVAILABILITY -> model.unavailabilities().size();
      case VISIT, SHIFT_OFFER, CALL_OUT -> model.visitCount();
    };
  }

  /** The records at one position, with changes and deletions applied. */
  public List<SourceRecord> recordsAt(EntityType type, long position) {
    long base = basePositions(type);
    if (position < 0 || position >= positions(type)) {
      throw new IndexOutOfBoundsException("position " + position + " of " + type + " (size " + positions(type) + ")");
    }
    if (position >= base) {
      RecordKey key = added.get(type).get((int) (position - base));
      SourceRecord r = deleted.contains(key) ? null : replaced.get(key);
      return r == null ? List.of() : List.of(r);
    }
    List<? extends SourceRecord> raw = switch (type) {
      case CLIENT -> List.of(model.clients().get((int) position));
      case CAREGIVER -> List.of(model.caregivers().get((int) position));
      case UNAVAILABILITY -> List.of(model.unavailabilities().get((int) position));
      case VISIT -> List.of(model.fate(position).visit());
      case SHIFT_OFFER -> model.fate(position).offers();
      case CALL_OUT -> {
        CallOut c = model.fate(position).callOut();
        yield c == null ? List.of() : List.of(c);
      }
    };
    if (replaced.isEmpty() && deleted.isEmpty()) {
      return Collections.unmodifiableList(raw);
    }
    List<SourceRecord> out = new ArrayList<>(raw.size());
    for (SourceRecord r : raw) {
      RecordKey key = r.key();
      if (deleted.contains(key)) {
        continue;
      }
      out.add(replaced.getOrDefault(key, r));
    }
    return out;
  }

  /**
   * Positions that may hold records of the stream in the window, in increasing order: for
   * time-based streams only the weeks around the window, plus every added record.
   */
  public LongStream candidatePositions(EntityType type, TimeWindow window) {
    long base = basePositions(type);
    long total = positions(type);
    if (type != EntityType.VISIT && type != EntityType.SHIFT_OFFER && type != EntityType.CALL_OUT) {
      return LongStream.range(0, total);
    }
    Instant week0 = model.week0Monday().atStartOfDay(ZoneOffset.UTC).toInstant();
    long fromWeek = Math.floorDiv(ChronoUnit.DAYS.between(week0, window.from()), 7) - 1;
    long toWeek = Math.floorDiv(ChronoUnit.DAYS.between(week0, window.to()), 7) + 2;
    long lo = model.weekStart((int) Math.max(0, Math.min(model.weeks(), fromWeek)));
    long hi = model.weekStart((int) Math.max(0, Math.min(model.weeks(), toWeek)));
    return LongStream.concat(LongStream.range(lo, hi), LongStream.range(base, total));
  }

  // ------------------------------------------------------------------ changes

  /** Adds a record, or replaces the record with the same key. */
  public void put(SourceRecord record) {
    Objects.requireNonNull(record, "record");
    RecordKey key = record.key();
    synchronized (added) {
      deleted.remove(key);
      boolean known = replaced.containsKey(key) || isBase(key);
      replaced.put(key, record);
      if (!known) {
        added.get(key.type()).add(key);
      }
    }
    version.incrementAndGet();
  }

  /** Deletes a record; a no-op when it does not exist. */
  public void delete(RecordKey key) {
    Objects.requireNonNull(key, "key");
    deleted.add(key);
    version.incrementAndGet();
  }

  /**
   * Changes about {@code fraction} of the visits that match (each one's end moves 15 minutes
   * later) and returns their ids. Deterministic for a given seed.
   */
  public List<String> changeVisits(Predicate<Visit> which, double fraction, long changeSeed) {
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("fraction must be within [0, 1] but was " + fraction);
    }
    List<Visit> picked = visits().filter(which)
        .filter(v -> Rng.unit(changeSeed, 11, v.id().hashCode()) < fraction).toList();
    List<String> ids = new ArrayList<>(picked.size());
    for (Visit v : picked) {
      put(v.toBuilder().end(v.end().plus(Duration.ofMinutes(15))).build());
      ids.add(v.id());
    }
    return ids;
  }

  /** Deletes {@code count} of the visits that match (fewer if fewer match) and returns their ids. */
  public List<String> deleteVisits(Predicate<Visit> which, int count, long changeSeed) {
    // Reservoir sampling: a fair, deterministic pick without holding every match.
    List<String> reservoir = new ArrayList<>(count);
    long[] seen = {0};
    visits().filter(which).forEachOrdered(v -> {
      long n = seen[0]++;
      if (n < count) {
        reservoir.add(v.id());
      } else {
        long j = (long) (Rng.unit(changeSeed, 12, n) * (n + 1));
        if (j < count) {
          reservoir.set((int) j, v.id());
        }
      }
    });
    for (String id : reservoir) {
      delete(RecordKey.of(EntityType.VISIT, id));
    }
    return List.copyOf(reservoir);
  }

  private boolean isBase(RecordKey key) {
    String id = key.sourceId();
    return switch (key.type()) {
      case CLIENT -> clientIndex.containsKey(id);
      case CAREGIVER -> model.caregiverIndex(id) >= 0;
      case UNAVAILABILITY -> unavailabilityIndex.containsKey(id);
      case VISIT -> {
        long i = AgencyModel.visitIndex(id);
        yield i >= 0 && i < model.visitCount();
      }
      case SHIFT_OFFER -> {
        int dash = id.indexOf('-');
        if (!id.startsWith("O") || dash < 0) {
          yield false;
        }
        long i = AgencyModel.visitIndex("V" + id.substring(1, dash));
        yield i >= 0 && i < model.visitCount()
            && model.fate(i).offers().stream().anyMatch(o -> o.id().equals(id));
      }
      case CALL_OUT -> {
        long i = id.startsWith("CO") ? AgencyModel.visitIndex("V" + id.substring(2)) : -1;
        yield i >= 0 && i < model.visitCount() && model.fate(i).callOut() != null;
      }
    };
  }

  @Override
  public String toString() {
    return "SyntheticAgency[seed=" + seed + ", regions=" + regions().size() + ", clients=" + model.clients().size()
        + ", caregivers=" + model.caregivers().size() + ", visits=" + model.visitCount() + "]";
  }

  /** Builds a {@link SyntheticAgency}; each setter checks its value. */
  public static final class Builder {
    private long seed = 1;
    private Instant now = DEFAULT_NOW;
    private int regions = 2;
    private int usRegions = 0;
    private int clients = 60;
    private int caregivers = 30;
    private int weeksOfHistory = 4;
    private int weeksAhead = 2;
    private boolean profiles = true;
    private double malformedPostalCodes = 0.01;
    private double offerRate = 0.12;
    private double openRate = 0.02;
    private String apiKey;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The agency's "now" (default {@link #DEFAULT_NOW}). */
    public Builder now(Instant now) {
      this.now = Objects.requireNonNull(now, "now");
      return this;
    }

    /** Number of regions (branches), 1 or more. */
    public Builder regions(int regions) {
      this.regions = positive("regions", regions);
      return this;
    }

    /** How many of the regions are in the US (ZIP codes); the rest are Canadian. */
    public Builder usRegions(int usRegions) {
      if (usRegions < 0) {
        throw new IllegalArgumentException("usRegions must not be negative but was " + usRegions);
      }
      this.usRegions = usRegions;
      return this;
    }

    public Builder clients(int clients) {
      this.clients = positive("clients", clients);
      return this;
    }

    public Builder caregivers(int caregivers) {
      this.caregivers = positive("caregivers", caregivers);
      return this;
    }

    /** Full weeks of history before the current week. */
    public Builder weeksOfHistory(int weeks) {
      if (weeks < 0 || weeks > 520) {
        throw new IllegalArgumentException("weeksOfHistory must be within [0, 520] but was " + weeks);
      }
      this.weeksOfHistory = weeks;
      return this;
    }

    /** Full weeks of future schedule after the current week. */
    public Builder weeksAhead(int weeks) {
      if (weeks < 0 || weeks > 104) {
        throw new IllegalArgumentException("weeksAhead must be within [0, 104] but was " + weeks);
      }
      this.weeksAhead = weeks;
      return this;
    }

    /** Whether to plant the behaviour profiles (default true). */
    public Builder profiles(boolean profiles) {
      this.profiles = profiles;
      return this;
    }

    /** Share of clients with a malformed or missing postal code (default 0.01). */
    public Builder malformedPostalCodes(double share) {
      this.malformedPostalCodes = share("malformedPostalCodes", share);
      return this;
    }

    /** Share of past visits that were filled through shift offers (default 0.12). */
    public Builder offerRate(double share) {
      this.offerRate = share("offerRate", share);
      return this;
    }

    /** Share of the coming week's visits left open (default 0.02). */
    public Builder openShiftRate(double share) {
      this.openRate = share("openShiftRate", share);
      return this;
    }

    /** The credential the simulators accept (default {@code synthetic-key-<seed>}). */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      this.apiKey = apiKey;
      return this;
    }

    private static int positive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
      }
      return value;
    }

    private static double share(String name, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " must be within [0, 1] but was " + value);
      }
      return value;
    }

    public SyntheticAgency build() {
      if (usRegions > regions) {
        throw new IllegalArgumentException("usRegions (" + usRegions + ") exceeds regions (" + regions + ")");
      }
      if (profiles && (clients < 12 * regions || caregivers < 11 * regions)) {
        throw new IllegalArgumentException("Behaviour profiles need at least 12 clients and 11 caregivers per region ("
            + 12 * regions + " clients and " + 11 * regions + " caregivers for " + regions + " regions) but got "
            + clients + " clients and " + caregivers + " caregivers; add more, or call profiles(false)");
      }
      return new SyntheticAgency(this);
    }
  }

  /** Ids of all records of a stream (handy for exactly-once checks). */
  public Set<RecordKey> keys(EntityType type) {
    Set<RecordKey> out = new HashSet<>();
    records(type).forEach(r -> out.add(r.key()));
    return out;
  }
}
