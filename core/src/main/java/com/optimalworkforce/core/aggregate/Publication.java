package com.optimalworkforce.core.aggregate;

import com.optimalworkforce.core.aggregate.internal.KeyedRounding;
import com.optimalworkforce.core.aggregate.internal.ReleaseMemory;
import com.optimalworkforce.core.aggregate.internal.SuppressionTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns raw counts into a published snapshot: ZIP3 generalization, suppression, rounding; after a
 * previous release, consistently with it (see {@link Release}).
 */
final class Publication {
  private static final Logger LOG = LoggerFactory.getLogger(Publication.class);
  private static final Figures ZERO_WINDOW = zero(false);
  private static final Figures ZERO_WEEK = zero(true);

  private Publication() {}

  static AggregateSnapshot publish(AggregateCounts counts, PrivacyPolicy policy, Instant asOf) {
    return release(counts, policy, asOf, null, false).snapshot();
  }

  static Release release(AggregateCounts counts, PrivacyPolicy policy, Instant asOf, Release previous) {
    return release(counts, policy, asOf, previous, true);
  }

  /** With {@code remember} false, only the snapshot is wanted: no alternatives are recorded for a next release. */
  private static Release release(AggregateCounts counts, PrivacyPolicy policy, Instant asOf, Release previous,
      boolean remember) {
    if (policy.randomRoundingBase() > 0 && policy.roundingKey().isEmpty()) {
      throw new IllegalArgumentException("The privacy policy rounds figures to a multiple of "
          + policy.randomRoundingBase() + " but has no rounding key. Give it one with PrivacyPolicy.builder()"
          + ".roundingKey(secret): the same secret for every snapshot, kept with the agency (for example sealed"
          + " with the CredentialVault), so that figures round the same way after a restart. Integration keeps one"
          + " for you when its policy has none.");
    }
    if (previous != null && asOf.isBefore(previous.asOf())) {
      throw new IllegalArgumentException("asOf " + asOf + " is before the previous release's " + previous.asOf()
          + ": releases follow each other in time; pass the latest release as the previous one");
    }
    KeyedRounding rounding = policy.roundingKey()
        .map(k -> new KeyedRounding(policy.randomRoundingBase(), k.reveal().getBytes(StandardCharsets.UTF_8)))
        .orElse(null);
    List<RegionSnapshot> regions = new ArrayList<>();
    Map<String, ReleaseMemory.Region> memory = new LinkedHashMap<>();
    int gaps = 0;
    for (String regionId : counts.regionIds()) {
      ReleaseMemory.Region before = previous == null ? null : previous.memory(regionId);
      RegionTables tables = new RegionTables(regionId, counts, policy, rounding, before, remember);
      regions.add(tables.publish());
      if (remember) {
        memory.put(regionId, tables.memory());
      }
      gaps += tables.gaps;
    }
    AggregateSnapshot snapshot = new AggregateSnapshot(asOf, policy, regions);
    return new Release(snapshot, memory, gaps);
  }

  static Figures zeroWindow() {
    return ZERO_WINDOW;
  }

  static Figures zeroWeek() {
    return ZERO_WEEK;
  }

  private static Figures zero(boolean weekly) {
    EnumMap<Metric, Number> v = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      if (!weekly || m.weekly()) {
        v.put(m, m.isCount() ? (Number) 0L : (Number) 0.0);
      }
    }
    return Figures.of(v);
  }

  static SortedMap<GeoArea, Figures> parseAreas(Map<String, Figures> json) {
    SortedMap<GeoArea, Figures> out = new TreeMap<>();
    if (json != null) {
      json.forEach((code, f) -> out.put(GeoArea.parse(code), f));
    }
    return out;
  }

  /** Rejects a snapshot (read from JSON) that publishes a count its own policy hides. */
  static void checkPublishable(AggregateSnapshot s) {
    if (s.policy().randomRoundingBase() > 0) {
      return; // rounded figures may legitimately be small multiples of the base
    }
    int threshold = s.policy().suppressionThreshold();
    for (RegionSnapshot r : s.regions()) {
      check(r.regionId() + " total", r.total(), threshold);
      r.areas().forEach((a, f) -> check(r.regionId() + " " + a, f, threshold));
      for (WeekSnapshot w : r.weeks()) {
        check(r.regionId() + " " + w.week() + " total", w.total(), threshold);
        w.areas().forEach((a, f) -> check(r.regionId() + " " + w.week() + " " + a, f, threshold));
      }
    }
  }

  private static void check(String where, Figures f, int threshold) {
    for (Metric m : f.metrics()) {
      if (m.isCount() && f.count(m).isPresent()) {
        long v = f.count(m).getAsLong();
        if (v >= 1 && v <= threshold) {
          throw new IllegalArgumentException("Snapshot publishes " + m.jsonName() + " = " + v + " for " + where
              + ", which its policy (threshold " + threshold + ") hides; it was not produced by this SDK's "
              + "publish step and must not be sent");
        }
      }
    }
  }

  /** The tables of one region, suppressed together. */
  private static final class RegionTables {
    private static final Map<String, Integer> WINDOW_ONLY = Map.of(ReleaseMemory.WINDOW, 0);
    private final String regionId;
    private final PrivacyPolicy policy;
    private final KeyedRounding rounding;
    private final List<GeoArea> areas;
    private final List<IsoWeek> weeks;
    /** {@code weeks} as text ({@link IsoWeek#toString()} formats anew each time). */
    private final String[] weekCodes;
    private final Map<Metric, SuppressionTable> tables = new EnumMap<>(Metric.class);
    private final Map<String, List<List<ReleaseMemory.Step>>> alternatives = new TreeMap<>();
    /** Alternatives of the previous release not continued, plus hidden cells left without one. */
    int gaps;

    private final boolean remember;
    private Map<String, Integer> rowIndex;
    private Map<String, Integer> weekIndex;

    RegionTables(String regionId, AggregateCounts counts, PrivacyPolicy policy, KeyedRounding rounding,
        ReleaseMemory.Region before, boolean remember) {
      this.remember = remember;
      this.regionId = regionId;
      this.policy = policy;
      this.rounding = rounding;
      // Generalize restricted ZIP3s first: their rows merge into 000.
      SortedMap<GeoArea, long[]> people = new TreeMap<>();
      SortedMap<GeoArea, SortedMap<IsoWeek, long[]>> visits = new TreeMap<>();
      counts.forEachPeople((r, a, c, g) -> {
        if (r.equals(regionId)) {
          long[] p = people.computeIfAbsent(policy.publishedArea(a), k -> new long[2]);
          p[0] += c;
          p[1] += g;
        }
      });
      counts.forEachVisits((r, a, w, v, s, u, c) -> {
        if (r.equals(regionId)) {
          long[] x = visits.computeIfAbsent(policy.publishedArea(a), k -> new TreeMap<>())
              .computeIfAbsent(w, k -> new long[4]);
          x[0] += v;
          x[1] += s;
          x[2] += u;
          x[3] += c;
        }
      });
      TreeSet<GeoArea> areaSet = new TreeSet<>(people.keySet());
      areaSet.addAll(visits.keySet());
      TreeSet<IsoWeek> weekSet = new TreeSet<>();
      visits.values().forEach(m -> weekSet.addAll(m.keySet()));
      this.areas = List.copyOf(areaSet);
      this.weeks = List.copyOf(weekSet);
      this.weekCodes = weeks.stream().map(IsoWeek::toString).toArray(String[]::new);

      long[][] p = new long[2][areas.size()];
      long[][][] v = new long[4][areas.size()][weeks.size()];
      for (int i = 0; i < areas.size(); i++) {
        long[] pc = people.get(areas.get(i));
        if (pc != null) {
          p[0][i] = nonNegative(pc[0], Metric.ACTIVE_CLIENTS, areas.get(i));
          p[1][i] = nonNegative(pc[1], Metric.ACTIVE_CAREGIVERS, areas.get(i));
        }
        SortedMap<IsoWeek, long[]> byWeek = visits.get(areas.get(i));
        for (int j = 0; byWeek != null && j < weeks.size(); j++) {
          long[] x = byWeek.get(weeks.get(j));
          for (int k = 0; x != null && k < 4; k++) {
            v[k][i][j] = nonNegative(x[k], VISIT_METRICS[k], areas.get(i));
          }
        }
      }
      long threshold = policy.suppressionThreshold();
      SuppressionTable clients = SuppressionTable.oneWay(p[0]);
      SuppressionTable caregivers = SuppressionTable.oneWay(p[1]);
      SuppressionTable visitCounts = SuppressionTable.twoWay(v[0]);
      SuppressionTable seconds = SuppressionTable.twoWay(v[1]);
      SuppressionTable unfilled = SuppressionTable.twoWay(v[2]);
      SuppressionTable cancelled = SuppressionTable.twoWay(v[3]);
      tables.put(Metric.ACTIVE_CLIENTS, clients);
      tables.put(Metric.ACTIVE_CAREGIVERS, caregivers);
      tables.put(Metric.VISITS, visitCounts);
      tables.put(Metric.SERVICE_HOURS, seconds);
      tables.put(Metric.UNFILLED_VISITS, unfilled);
      tables.put(Metric.CANCELLED_VISITS, cancelled);
      if (before != null) {
        tables.forEach((m, t) -> previous(m, t, before));
      }
      // What an attacker knows besides the totals: unfilled visits are a subset of visits.
      visitCounts.lowerBounds(unfilled);
      unfilled.upperBounds(visitCounts);
      for (SuppressionTable t : List.of(clients, caregivers, visitCounts, unfilled, cancelled)) {
        t.hidePrimary(threshold);
      }
      protect(List.of(Metric.ACTIVE_CLIENTS), before);
      protect(List.of(Metric.ACTIVE_CAREGIVERS), before);
      protect(List.of(Metric.VISITS, Metric.UNFILLED_VISITS), before);
      protect(List.of(Metric.CANCELLED_VISITS), before);
      // Hours would reveal that a hidden visit count is not zero, and their totals follow the same
      // equations, so they are hidden where visits are and then protected in their own right.
      seconds.hideLike(visitCounts);
      protect(List.of(Metric.SERVICE_HOURS), before);
    }

    /** The code of a row (area, or the regional total) and of a column (week, or the window). */
    private String areaCode(int row) {
      return row < areas.size() ? areas.get(row).code() : ReleaseMemory.TOTAL;
    }

    private String weekCode(Metric metric, int col) {
      return metric.weekly() && col < weeks.size() ? weekCodes[col] : ReleaseMemory.WINDOW;
    }

    /** Row by area code, built on first use (only a next release reads codes back). */
    private Map<String, Integer> rowIndex() {
      if (rowIndex == null) {
        rowIndex = new HashMap<>();
        for (int i = 0; i <= areas.size(); i++) {
          rowIndex.put(areaCode(i), i);
        }
      }
      return rowIndex;
    }

    /** Column by week code (weekly metrics) or the window alone, built on first use. */
    private Map<String, Integer> colIndex(Metric metric) {
      if (!metric.weekly()) {
        return WINDOW_ONLY;
      }
      if (weekIndex == null) {
        weekIndex = new HashMap<>();
        for (int j = 0; j <= weeks.size(); j++) {
          weekIndex.put(weekCode(metric, j), j);
        }
      }
      return weekIndex;
    }

    /** Lays the previous release's cells of this metric out like this release's table. */
    private void previous(Metric metric, SuppressionTable t, ReleaseMemory.Region before) {
      long[][] values = new long[t.rows()][t.cols()];
      boolean[][] hidden = new boolean[t.rows()][t.cols()];
      Map<String, Integer> rows = rowIndex();
      Map<String, Integer> cols = colIndex(metric);
      for (ReleaseMemory.Cell cell : before.tables().getOrDefault(metric.jsonName(), List.of())) {
        Integer r = rows.get(cell.area());
        Integer c = cols.get(cell.week());
        if (r != null && c != null) {
          values[r][c] = cell.value();
          hidden[r][c] = cell.hidden();
        }
      }
      t.previous(values, hidden);
    }

    /**
     * Protects the tables of a group (a metric, or visits with unfilled visits) consistently with
     * the previous release's alternatives for them, and remembers the alternatives found.
     */
    private void protect(List<Metric> group, ReleaseMemory.Region before) {
      String name = group.get(0).jsonName();
      List<List<SuppressionTable.Move>> carried = new ArrayList<>();
      if (before != null) {
        Map<String, Integer> rows = rowIndex();
        for (List<ReleaseMemory.Step> alternative : before.alternatives().getOrDefault(name, List.of())) {
          List<SuppressionTable.Move> moves = new ArrayList<>();
          for (ReleaseMemory.Step step : alternative) {
            Metric m = Metric.ofJsonName(step.metric());
            int table = group.indexOf(m);
            Integer r = rows.get(step.area());
            Integer c = colIndex(m).get(step.week());
            if (table < 0) {
              throw new IllegalArgumentException("Release memory of region " + regionId + " moves " + m
                  + " in the alternatives of " + name);
            }
            // A cell this release does not have is zero now: it changed, and its move is routed anew.
            if (r != null && c != null) {
              moves.add(new SuppressionTable.Move(table, r, c, step.delta()));
            }
          }
          carried.add(moves);
        }
      }
      SuppressionTable first = tables.get(group.get(0));
      SuppressionTable partner = group.size() > 1 ? tables.get(group.get(1)) : null;
      SuppressionTable.Result result = remember ? SuppressionTable.protect(first, partner, carried)
          : SuppressionTable.protect(first, partner);
      List<List<ReleaseMemory.Step>> remembered = new ArrayList<>();
      for (List<SuppressionTable.Move> alternative : result.alternatives()) {
        List<ReleaseMemory.Step> steps = new ArrayList<>();
        for (SuppressionTable.Move move : alternative) {
          Metric m = group.get(move.table());
          steps.add(new ReleaseMemory.Step(m.jsonName(), areaCode(move.row()), weekCode(m, move.col()),
              move.delta()));
        }
        remembered.add(steps);
      }
      alternatives.put(name, remembered);
      if (result.notContinued() > 0 || result.unprotected() > 0) {
        gaps += result.notContinued() + result.unprotected();
        LOG.warn("Region {}, {}: {} alternative(s) of the previous release could not be continued and {} hidden"
            + " cell(s) have none across releases. This snapshot is safe on its own, but an analyst who holds the"
            + " previous one and knows which counts did not change may narrow those cells. Random rounding or"
            + " publishing less often reduces what such an analyst can compare.", regionId, name,
            result.notContinued(), result.unprotected());
      }
    }

    /** What the next release must stay consistent with. */
    ReleaseMemory.Region memory() {
      SortedMap<String, List<ReleaseMemory.Cell>> cells = new TreeMap<>();
      tables.forEach((metric, t) -> {
        List<ReleaseMemory.Cell> list = new ArrayList<>();
        for (int r = 0; r < t.rows(); r++) {
          for (int c = 0; c < t.cols(); c++) {
            if (t.value(r, c) != 0) {
              list.add(new ReleaseMemory.Cell(areaCode(r), weekCode(metric, c), t.value(r, c), t.hidden(r, c)));
            }
          }
        }
        cells.put(metric.jsonName(), list);
      });
      return new ReleaseMemory.Region(cells, new TreeMap<>(alternatives));
    }

    private static final Metric[] VISIT_METRICS = {
        Metric.VISITS, Metric.SERVICE_HOURS, Metric.UNFILLED_VISITS, Metric.CANCELLED_VISITS};

    private long nonNegative(long value, Metric metric, GeoArea area) {
      if (value < 0) {
        throw new IllegalStateException("Counts of region " + regionId + ", area " + area + " have " + metric
            + " = " + value + ": the aggregator saw deletions or updates of records it never counted. Rebuild it "
            + "from a full read (a fresh Aggregator fed every record as a creation) before publishing.");
      }
      return value;
    }

    RegionSnapshot publish() {
      int a = areas.size();
      int w = weeks.size();
      Figures total = window(a, w, "TOTAL");
      SortedMap<GeoArea, Figures> byArea = new TreeMap<>();
      for (int i = 0; i < a; i++) {
        byArea.put(areas.get(i), window(i, w, areas.get(i).code()));
      }
      List<WeekSnapshot> byWeek = new ArrayList<>();
      for (int j = 0; j < w; j++) {
        String week = weekCodes[j];
        SortedMap<GeoArea, Figures> cells = new TreeMap<>();
        for (int i = 0; i < a; i++) {
          if (!zeroVisits(i, j)) {
            cells.put(areas.get(i), week(i, j, areas.get(i).code(), week));
          }
        }
        byWeek.add(new WeekSnapshot(weeks.get(j), week(a, j, "TOTAL", week), cells));
      }
      return new RegionSnapshot(regionId, total, byArea, byWeek);
    }

    private boolean zeroVisits(int row, int col) {
      for (Metric m : VISIT_METRICS) {
        if (tables.get(m).value(row, col) != 0) {
          return false;
        }
      }
      return true;
    }

    private Figures window(int row, int weekCount, String area) {
      EnumMap<Metric, Number> v = new EnumMap<>(Metric.class);
      v.put(Metric.ACTIVE_CLIENTS, figure(Metric.ACTIVE_CLIENTS, row, 0, area, "WINDOW"));
      v.put(Metric.ACTIVE_CAREGIVERS, figure(Metric.ACTIVE_CAREGIVERS, row, 0, area, "WINDOW"));
      for (Metric m : VISIT_METRICS) {
        v.put(m, figure(m, row, weekCount, area, "WINDOW"));
      }
      return Figures.of(v);
    }

    private Figures week(int row, int col, String area, String week) {
      EnumMap<Metric, Number> v = new EnumMap<>(Metric.class);
      for (Metric m : VISIT_METRICS) {
        v.put(m, figure(m, row, col, area, week));
      }
      return Figures.of(v);
    }

    private Number figure(Metric metric, int row, int col, String area, String week) {
      SuppressionTable t = tables.get(metric);
      if (t.hidden(row, col)) {
        return null;
      }
      long raw = t.value(row, col);
      String cell = regionId + "|" + metric.jsonName() + "|" + area + "|" + week;
      if (metric.isCount()) {
        return rounding == null ? raw : rounding.round(raw, cell);
      }
      double hours = Math.round(raw / 36.0) / 100.0;
      return rounding == null ? hours : rounding.round(hours, cell);
    }
  }
}
