package com.optimalworkforce.core.aggregate;

import com.optimalworkforce.core.aggregate.internal.KeyedRounding;
import com.optimalworkforce.core.aggregate.internal.SuppressionTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns raw counts into a published snapshot: ZIP3 generalization, suppression, rounding. */
final class Publication {
  private static final Figures ZERO_WINDOW = zero(false);
  private static final Figures ZERO_WEEK = zero(true);

  private Publication() {}

  static AggregateSnapshot publish(AggregateCounts counts, PrivacyPolicy policy, Instant asOf) {
    KeyedRounding rounding = policy.roundingKey()
        .map(k -> new KeyedRounding(policy.randomRoundingBase(), k.reveal().getBytes(StandardCharsets.UTF_8)))
        .orElse(null);
    List<RegionSnapshot> regions = new ArrayList<>();
    for (String regionId : counts.regionIds()) {
      regions.add(new RegionTables(regionId, counts, policy, rounding).publish());
    }
    return new AggregateSnapshot(asOf, policy, regions);
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
    private final String regionId;
    private final PrivacyPolicy policy;
    private final KeyedRounding rounding;
    private final List<GeoArea> areas;
    private final List<IsoWeek> weeks;
    private final Map<Metric, SuppressionTable> tables = new EnumMap<>(Metric.class);

    RegionTables(String regionId, AggregateCounts counts, PrivacyPolicy policy, KeyedRounding rounding) {
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
      java.util.TreeSet<GeoArea> areaSet = new java.util.TreeSet<>(people.keySet());
      areaSet.addAll(visits.keySet());
      java.util.TreeSet<IsoWeek> weekSet = new java.util.TreeSet<>();
      visits.values().forEach(m -> weekSet.addAll(m.keySet()));
      this.areas = List.copyOf(areaSet);
      this.weeks = List.copyOf(weekSet);

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
      // What an attacker knows besides the totals: unfilled visits are a subset of visits.
      visitCounts.lowerBounds(unfilled);
      unfilled.upperBounds(visitCounts);
      for (SuppressionTable t : List.of(clients, caregivers, visitCounts, unfilled, cancelled)) {
        t.hidePrimary(threshold);
      }
      SuppressionTable.protect(clients, null);
      SuppressionTable.protect(caregivers, null);
      SuppressionTable.protect(visitCounts, unfilled);
      SuppressionTable.protect(cancelled, null);
      // Hours would reveal that a hidden visit count is not zero, and their totals follow the same
      // equations, so they are hidden where visits are and then protected in their own right.
      seconds.hideLike(visitCounts);
      SuppressionTable.protect(seconds, null);
      tables.put(Metric.ACTIVE_CLIENTS, clients);
      tables.put(Metric.ACTIVE_CAREGIVERS, caregivers);
      tables.put(Metric.VISITS, visitCounts);
      tables.put(Metric.SERVICE_HOURS, seconds);
      tables.put(Metric.UNFILLED_VISITS, unfilled);
      tables.put(Metric.CANCELLED_VISITS, cancelled);
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
        String week = weeks.get(j).toString();
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
