package com.optimalworkforce.core.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.optimalworkforce.core.aggregate.internal.CountsJson;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Raw, unsuppressed counts per region, area and ISO week: what an {@link Aggregator} has folded.
 * Agency-zone data: small counts are exact here, so these counts never leave the agency; only
 * {@link #publish} turns them into an {@link AggregateSnapshot}, the form an {@link AggregateSink}
 * accepts.
 *
 * <pre>{@code
 * AggregateCounts east = eastAggregator.counts();
 * AggregateCounts all = east.merge(westAggregator.counts()); // exact: counts add
 * long m4a = all.count("toronto-east", GeoArea.of("M4A"), Metric.ACTIVE_CLIENTS);
 * AggregateSnapshot published = all.publish(PrivacyPolicy.ofDefaults(), clock.instant());
 * }</pre>
 *
 * <p>Counts merge by adding, so {@link #merge} is associative and commutative and partial counts
 * computed apart (per region, by different hosts, per shard of a change stream) combine exactly.
 * Merging must happen here, before suppression: suppressed figures cannot be added back up. A
 * partial count may be negative (a shard that saw a deletion but not the creation);
 * {@link #publish} refuses negative counts. Immutable and thread-safe; cells that are zero are not
 * stored, so equal counts are {@link #equals equal} however they were reached.
 */
public final class AggregateCounts {
  private static final AggregateCounts EMPTY = new AggregateCounts(new TreeMap<>());

  /** Region id -> cells. */
  private final SortedMap<String, RegionCounts> regions;

  private AggregateCounts(SortedMap<String, RegionCounts> regions) {
    this.regions = regions;
  }

  /** No counts at all. */
  public static AggregateCounts empty() {
    return EMPTY;
  }

  /** The sum of this and {@code other}. */
  public AggregateCounts merge(AggregateCounts other) {
    Objects.requireNonNull(other, "other");
    Builder b = newBuilder();
    b.addAll(this);
    b.addAll(other);
    return b.build();
  }

  /** The sum of any number of counts (empty for none). */
  public static AggregateCounts mergeAll(Iterable<AggregateCounts> parts) {
    Objects.requireNonNull(parts, "parts");
    Builder b = newBuilder();
    for (AggregateCounts part : parts) {
      b.addAll(Objects.requireNonNull(part, "part"));
    }
    return b.build();
  }

  /**
   * Applies the policy: generalizes restricted ZIP3s to {@code 000}, suppresses small cells with
   * their complements, optionally rounds, and returns the publishable snapshot. This snapshot is
   * safe on its own; for a series published over time (one per sync), use {@link #release} so
   * that consecutive snapshots cannot be subtracted from each other.
   *
   * @throws IllegalStateException if a count is negative (the counts missed a creation)
   * @throws IllegalArgumentException if the policy rounds but has no rounding key
   */
  public AggregateSnapshot publish(PrivacyPolicy policy, Instant asOf) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(asOf, "asOf");
    return Publication.publish(this, policy, asOf);
  }

  /**
   * The first {@link Release} of a series: the same snapshot as {@link #publish}, with what the
   * next release must stay consistent with.
   *
   * @throws IllegalStateException if a count is negative (the counts missed a creation)
   * @throws IllegalArgumentException if the policy rounds but has no rounding key
   */
  public Release release(PrivacyPolicy policy, Instant asOf) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(asOf, "asOf");
    return Publication.release(this, policy, asOf, null);
  }

  /**
   * The next {@link Release} of a series, consistent with {@code previous}: cells it hid that did
   * not change stay hidden, complements come from cells that changed, and every hidden cell of
   * every release so far keeps an alternative value (see {@link Release}).
   *
   * @throws IllegalStateException if a count is negative (the counts missed a creation)
   * @throws IllegalArgumentException if the policy rounds but has no rounding key, or {@code asOf}
   *     is before the previous release's
   */
  public Release release(PrivacyPolicy policy, Instant asOf, Release previous) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(previous, "previous");
    return Publication.release(this, policy, asOf, previous);
  }

  /** The regions with any count. */
  public Set<String> regionIds() {
    return Collections.unmodifiableSet(regions.keySet());
  }

  /** The areas of a region with any count, in code order. */
  public NavigableSet<GeoArea> areas(String regionId) {
    RegionCounts r = regions.get(Objects.requireNonNull(regionId, "regionId"));
    NavigableSet<GeoArea> out = new TreeSet<>();
    if (r != null) {
      out.addAll(r.people.keySet());
      out.addAll(r.visits.keySet());
    }
    return Collections.unmodifiableNavigableSet(out);
  }

  /** The weeks of a region with any visit count, in order. */
  public NavigableSet<IsoWeek> weeks(String regionId) {
    RegionCounts r = regions.get(Objects.requireNonNull(regionId, "regionId"));
    NavigableSet<IsoWeek> out = new TreeSet<>();
    if (r != null) {
      r.visits.values().forEach(byWeek -> out.addAll(byWeek.keySet()));
    }
    return Collections.unmodifiableNavigableSet(out);
  }

  /**
   * A count for the whole window: "M4A has 120 active clients". For {@link Metric#SERVICE_HOURS}
   * use {@link #serviceSeconds(String, GeoArea)}.
   */
  public long count(String regionId, GeoArea area, Metric metric) {
    requireCount(metric);
    return window(regionId, area, metric);
  }

  /** A visit count for one week. */
  public long count(String regionId, GeoArea area, IsoWeek week, Metric metric) {
    requireCount(metric);
    if (!metric.weekly()) {
      throw new IllegalArgumentException(metric + " is not counted per week; call count(regionId, area, metric)");
    }
    return weekly(regionId, area, week, metric);
  }

  /** Scheduled service time, in seconds, for the window. */
  public long serviceSeconds(String regionId, GeoArea area) {
    return window(regionId, area, Metric.SERVICE_HOURS);
  }

  /** Scheduled service time, in seconds, for one week. */
  public long serviceSeconds(String regionId, GeoArea area, IsoWeek week) {
    return weekly(regionId, area, week, Metric.SERVICE_HOURS);
  }

  /** A region's total for the window (for {@link Metric#SERVICE_HOURS}: seconds). */
  public long regionTotal(String regionId, Metric metric) {
    Objects.requireNonNull(metric, "metric");
    long sum = 0;
    for (GeoArea area : areas(regionId)) {
      sum += window(regionId, area, metric);
    }
    return sum;
  }

  private long window(String regionId, GeoArea area, Metric metric) {
    Objects.requireNonNull(metric, "metric");
    RegionCounts r = regions.get(Objects.requireNonNull(regionId, "regionId"));
    Objects.requireNonNull(area, "area");
    if (r == null) {
      return 0;
    }
    if (!metric.weekly()) {
      long[] p = r.people.get(area);
      return p == null ? 0 : p[metric == Metric.ACTIVE_CLIENTS ? 0 : 1];
    }
    SortedMap<IsoWeek, long[]> byWeek = r.visits.get(area);
    long sum = 0;
    if (byWeek != null) {
      for (long[] v : byWeek.values()) {
        sum += v[visitIndex(metric)];
      }
    }
    return sum;
  }

  private long weekly(String regionId, GeoArea area, IsoWeek week, Metric metric) {
    RegionCounts r = regions.get(Objects.requireNonNull(regionId, "regionId"));
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(week, "week");
    if (r == null) {
      return 0;
    }
    SortedMap<IsoWeek, long[]> byWeek = r.visits.get(area);
    long[] v = byWeek == null ? null : byWeek.get(week);
    return v == null ? 0 : v[visitIndex(metric)];
  }

  static int visitIndex(Metric metric) {
    switch (metric) {
      case VISITS:
        return 0;
      case SERVICE_HOURS:
        return 1;
      case UNFILLED_VISITS:
        return 2;
      case CANCELLED_VISITS:
        return 3;
      default:
        throw new IllegalArgumentException(metric + " is not a visit metric");
    }
  }

  private static void requireCount(Metric metric) {
    Objects.requireNonNull(metric, "metric");
    if (!metric.isCount()) {
      throw new IllegalArgumentException("SERVICE_HOURS is a duration, not a count; call serviceSeconds(...)");
    }
  }

  // ------------------------------------------------------------------ JSON (agency-zone storage)

  /**
   * JSON for agency-zone storage (e.g. to resume an {@link Aggregator} after a restart with
   * {@link Aggregator#resume}). Holds unsuppressed counts: never send it to the platform.
   */
  public String toJson() {
    try {
      return CountsJson.write(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write aggregate counts as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads counts written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException if the text is not counts JSON of a known schema version
   */
  public static AggregateCounts fromJson(String json) {
    Objects.requireNonNull(json, "json");
    Builder b = newBuilder();
    CountsJson.read(json, b::addPeople, b::addVisits);
    return b.build();
  }

  // ------------------------------------------------------------------ iteration (package and JSON)

  /** Receives people counts. */
  @FunctionalInterface
  public interface PeopleVisitor {
    void accept(String regionId, GeoArea area, long activeClients, long activeCaregivers);
  }

  /** Receives visit counts of one week. */
  @FunctionalInterface
  public interface VisitsVisitor {
    void accept(String regionId, GeoArea area, IsoWeek week, long visits, long serviceSeconds, long unfilledVisits,
        long cancelledVisits);
  }

  /** Every non-zero people cell, by region then area. */
  public void forEachPeople(PeopleVisitor visitor) {
    Objects.requireNonNull(visitor, "visitor");
    regions.forEach((id, r) -> r.people.forEach((area, p) -> visitor.accept(id, area, p[0], p[1])));
  }

  /** Every non-zero visit cell, by region, area then week. */
  public void forEachVisits(VisitsVisitor visitor) {
    Objects.requireNonNull(visitor, "visitor");
    regions.forEach((id, r) -> r.visits.forEach((area, byWeek) -> byWeek.forEach((week, v) ->
        visitor.accept(id, area, week, v[0], v[1], v[2], v[3]))));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AggregateCounts other && other.regions.equals(regions);
  }

  @Override
  public int hashCode() {
    return regions.hashCode();
  }

  @Override
  public String toString() {
    long cells = regions.values().stream().mapToLong(r -> r.people.size()
        + r.visits.values().stream().mapToLong(Map::size).sum()).sum();
    return "AggregateCounts[regions=" + regions.keySet() + ", cells=" + cells + "]";
  }

  static Builder newBuilder() {
    return new Builder();
  }

  /** Sums cells; drops the ones that end at zero. */
  static final class Builder {
    private final SortedMap<String, RegionCounts> regions = new TreeMap<>();

    void addPeople(String regionId, GeoArea area, long clients, long caregivers) {
      if (clients == 0 && caregivers == 0) {
        return;
      }
      long[] p = region(regionId).people.computeIfAbsent(area, k -> new long[2]);
      p[0] = Math.addExact(p[0], clients);
      p[1] = Math.addExact(p[1], caregivers);
    }

    void addVisits(String regionId, GeoArea area, IsoWeek week, long visits, long seconds, long unfilled,
        long cancelled) {
      if (visits == 0 && seconds == 0 && unfilled == 0 && cancelled == 0) {
        return;
      }
      long[] v = region(regionId).visits.computeIfAbsent(area, k -> new TreeMap<>())
          .computeIfAbsent(week, k -> new long[4]);
      v[0] = Math.addExact(v[0], visits);
      v[1] = Math.addExact(v[1], seconds);
      v[2] = Math.addExact(v[2], unfilled);
      v[3] = Math.addExact(v[3], cancelled);
    }

    void addAll(AggregateCounts counts) {
      counts.forEachPeople(this::addPeople);
      counts.forEachVisits(this::addVisits);
    }

    private RegionCounts region(String regionId) {
      Objects.requireNonNull(regionId, "regionId");
      return regions.computeIfAbsent(regionId, k -> new RegionCounts());
    }

    AggregateCounts build() {
      SortedMap<String, RegionCounts> out = new TreeMap<>();
      regions.forEach((id, r) -> {
        r.people.values().removeIf(p -> p[0] == 0 && p[1] == 0);
        r.visits.values().forEach(byWeek -> byWeek.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0
            && v[3] == 0));
        r.visits.values().removeIf(Map::isEmpty);
        if (!r.people.isEmpty() || !r.visits.isEmpty()) {
          out.put(id, r);
        }
      });
      return out.isEmpty() ? EMPTY : new AggregateCounts(out);
    }
  }

  /** The cells of one region; arrays are never exposed and never change after build. */
  static final class RegionCounts {
    final SortedMap<GeoArea, long[]> people = new TreeMap<>(); // activeClients, activeCaregivers
    final SortedMap<GeoArea, SortedMap<IsoWeek, long[]>> visits = new TreeMap<>(); // visits, s, unfilled, cancelled

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof RegionCounts other) || !other.people.keySet().equals(people.keySet())
          || !other.visits.keySet().equals(visits.keySet())) {
        return false;
      }
      for (Map.Entry<GeoArea, long[]> e : people.entrySet()) {
        if (!java.util.Arrays.equals(e.getValue(), other.people.get(e.getKey()))) {
          return false;
        }
      }
      for (Map.Entry<GeoArea, SortedMap<IsoWeek, long[]>> e : visits.entrySet()) {
        SortedMap<IsoWeek, long[]> theirs = other.visits.get(e.getKey());
        if (!theirs.keySet().equals(e.getValue().keySet())) {
          return false;
        }
        for (Map.Entry<IsoWeek, long[]> w : e.getValue().entrySet()) {
          if (!java.util.Arrays.equals(w.getValue(), theirs.get(w.getKey()))) {
            return false;
          }
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 0;
      for (Map.Entry<GeoArea, long[]> e : people.entrySet()) {
        h += e.getKey().hashCode() ^ java.util.Arrays.hashCode(e.getValue());
      }
      for (Map.Entry<GeoArea, SortedMap<IsoWeek, long[]>> e : visits.entrySet()) {
        for (Map.Entry<IsoWeek, long[]> w : e.getValue().entrySet()) {
          h += 31 * e.getKey().hashCode() + w.getKey().hashCode() ^ java.util.Arrays.hashCode(w.getValue());
        }
      }
      return h;
    }
  }
}
