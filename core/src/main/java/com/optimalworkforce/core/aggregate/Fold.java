package com.optimalworkforce.core.aggregate;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The mutable running totals behind {@link Aggregator}: arrays indexed by area and week, so a
 * record costs a few array updates and no allocation, and memory grows with areas and weeks only.
 * Not thread-safe; {@link Aggregator} guards it.
 */
final class Fold {
  private static final int SECONDS_PER_DAY = 86_400;

  private static final int CACHE_SIZE = 64;

  private final Map<String, RegionFold> regions = new HashMap<>();
  // Direct-mapped by the string's hash code: records of a few regions interleave, so a hit avoids
  // the map almost always.
  private final String[] cachedIds = new String[CACHE_SIZE];
  private final RegionFold[] cachedRegions = new RegionFold[CACHE_SIZE];

  /** Adds ({@code sign = 1}) or removes ({@code sign = -1}) a record's contribution. */
  void apply(SourceRecord record, int sign) {
    if (record instanceof Visit v) {
      visit(v, sign);
    } else if (record instanceof Client c) {
      if (c.active()) {
        region(c.regionId()).area(GeoArea.idOf(c.postalCode())).clients += sign;
      }
    } else if (record instanceof Caregiver g) {
      if (g.active()) {
        region(g.regionId()).area(GeoArea.idOf(g.postalCode())).caregivers += sign;
      }
    }
    // Unavailability, offers and call-outs carry no aggregate figure (yet).
  }

  /**
   * Replaces {@code before}'s contribution by {@code after}'s. A visit that stays in its region and
   * area (the usual update: a new caregiver, status or time) costs one region lookup, one postal
   * code parse and, within its week, a single array update.
   */
  void update(SourceRecord before, SourceRecord after) {
    if (before instanceof Visit b && after instanceof Visit a && a.regionId().equals(b.regionId())
        && Objects.equals(a.postalCode(), b.postalCode())) {
      RegionFold region = region(a.regionId());
      AreaFold area = region.area(GeoArea.idOf(a.postalCode()));
      int weekBefore = region.weekOf(b.start(), b.zone());
      int weekAfter = region.weekOf(a.start(), a.zone());
      if (weekBefore == weekAfter) {
        boolean cancelledBefore = b.status() == VisitStatus.CANCELLED;
        boolean cancelledAfter = a.status() == VisitStatus.CANCELLED;
        area.add(weekAfter, (cancelledAfter ? 0 : 1) - (cancelledBefore ? 0 : 1),
            (cancelledAfter ? 0 : seconds(a)) - (cancelledBefore ? 0 : seconds(b)),
            unfilled(a) - unfilled(b), (cancelledAfter ? 1 : 0) - (cancelledBefore ? 1 : 0));
      } else {
        add(area, weekBefore, b, -1);
        add(area, weekAfter, a, 1);
      }
      return;
    }
    apply(before, -1);
    apply(after, 1);
  }

  private void visit(Visit v, int sign) {
    RegionFold region = region(v.regionId());
    add(region.area(GeoArea.idOf(v.postalCode())), region.weekOf(v.start(), v.zone()), v, sign);
  }

  private static void add(AreaFold area, int week, Visit v, int sign) {
    if (v.status() == VisitStatus.CANCELLED) {
      area.add(week, 0, 0, 0, sign);
    } else {
      area.add(week, sign, sign * seconds(v), sign * unfilled(v), 0);
    }
  }

  /** Whole seconds scheduled (the end's fraction of a second dropped, as before). */
  private static long seconds(Visit v) {
    Instant start = v.start();
    Instant end = v.end();
    long seconds = end.getEpochSecond() - start.getEpochSecond();
    return end.getNano() < start.getNano() ? seconds - 1 : seconds;
  }

  /** 1 for a live visit without a caregiver (cancelled visits are never unfilled), else 0. */
  private static int unfilled(Visit v) {
    return v.caregiverId() == null && v.status().isLive() ? 1 : 0;
  }

  private RegionFold region(String id) {
    int slot = id.hashCode() & (CACHE_SIZE - 1);
    String cached = cachedIds[slot];
    // Some connectors build a new id string per record (Long.toString(branchId)): compare by value
    // after the identity check, which is still cheaper than the map.
    if (cached == id || id.equals(cached)) {
      return cachedRegions[slot];
    }
    RegionFold r = regions.computeIfAbsent(id, k -> new RegionFold());
    cachedIds[slot] = id;
    cachedRegions[slot] = r;
    return r;
  }

  /** Copies the running totals into immutable counts. */
  AggregateCounts snapshot() {
    AggregateCounts.Builder out = AggregateCounts.newBuilder();
    regions.forEach((regionId, region) -> {
      for (int id = 0; id < region.areas.length; id++) {
        AreaFold a = region.areas[id];
        if (a == null) {
          continue;
        }
        GeoArea area = GeoArea.byId(id);
        out.addPeople(regionId, area, a.clients, a.caregivers);
        for (int w = 0; w < a.weeks; w++) {
          int i = 4 * w;
          out.addVisits(regionId, area, IsoWeek.ofIndex(a.baseWeek + w),
              a.data[i], a.data[i + 1], a.data[i + 2], a.data[i + 3]);
        }
        if (a.sparse != null) {
          a.sparse.forEach((week, d) -> out.addVisits(regionId, area, IsoWeek.ofIndex(week), d[0], d[1], d[2], d[3]));
        }
      }
    });
    return out.build();
  }

  /** Starts from stored counts (e.g. after a restart). */
  void load(AggregateCounts counts) {
    counts.forEachPeople((regionId, area, clients, caregivers) -> {
      AreaFold a = region(regionId).area(area.id());
      a.clients += clients;
      a.caregivers += caregivers;
    });
    counts.forEachVisits((regionId, area, week, visits, seconds, unfilled, cancelled) ->
        region(regionId).area(area.id()).add(week.index(), visits, seconds, unfilled, cancelled));
  }

  private static final class RegionFold {
    final AreaFold[] areas = new AreaFold[GeoArea.ID_COUNT];
    // The offset of the last zone seen, valid from `validFrom` (inclusive) to `validTo` (exclusive).
    private ZoneId zone;
    private long validFrom;
    private long validTo;
    private int offset;

    AreaFold area(int id) {
      AreaFold a = areas[id];
      if (a == null) {
        a = new AreaFold();
        areas[id] = a;
      }
      return a;
    }

    int weekOf(Instant start, ZoneId zoneId) {
      long s = start.getEpochSecond();
      if (zoneId != zone || s < validFrom || s >= validTo) {
        cacheOffset(start, zoneId);
      }
      return IsoWeek.indexOfEpochDay(Math.floorDiv(s + offset, SECONDS_PER_DAY));
    }

    private void cacheOffset(Instant at, ZoneId zoneId) {
      ZoneRules rules = zoneId.getRules();
      offset = rules.getOffset(at).getTotalSeconds();
      zone = zoneId;
      if (rules.isFixedOffset()) {
        validFrom = Long.MIN_VALUE;
        validTo = Long.MAX_VALUE;
        return;
      }
      ZoneOffsetTransition previous = rules.previousTransition(at);
      ZoneOffsetTransition next = rules.nextTransition(at);
      validFrom = previous != null && previous.getOffsetAfter().getTotalSeconds() == offset
          ? previous.toEpochSecond() : at.getEpochSecond();
      validTo = next != null ? next.toEpochSecond() : Long.MAX_VALUE;
    }
  }

  private static final class AreaFold {
    /** Widest dense span of weeks per area (about 40 years); weeks beyond go to a sparse map. */
    private static final int MAX_DENSE_WEEKS = 2048;

    long clients;
    long caregivers;
    int baseWeek;
    int weeks;
    long[] data = new long[0]; // 4 per week: visits, seconds, unfilled, cancelled
    Map<Integer, long[]> sparse; // weeks far from the others (bad dates in the source), rarely used

    void add(int week, long visits, long seconds, long unfilled, long cancelled) {
      long[] d;
      int i = slot(week);
      if (i < 0) {
        d = sparse.computeIfAbsent(week, k -> new long[4]);
        i = 0;
      } else {
        d = data;
      }
      d[i] += visits;
      d[i + 1] += seconds;
      d[i + 2] += unfilled;
      d[i + 3] += cancelled;
    }

    /** The index in {@code data}, or -1 when the week belongs in {@code sparse}. */
    private int slot(int week) {
      if (weeks == 0) {
        baseWeek = week;
        weeks = 1;
        data = new long[4 * 8];
        return 0;
      }
      int w = week - baseWeek;
      if (w >= 0 && w < weeks) {
        return 4 * w;
      }
      int lo = Math.min(baseWeek, week);
      int hi = Math.max(baseWeek + weeks - 1, week);
      long span = (long) hi - lo + 1;
      if (span > MAX_DENSE_WEEKS) {
        if (sparse == null) {
          sparse = new HashMap<>();
        }
        return -1;
      }
      int n = (int) span;
      if (w < 0 || 4 * n > data.length) {
        long[] grown = new long[4 * Math.min(MAX_DENSE_WEEKS, Math.max(n, Math.min(2 * n, n + 64)))];
        System.arraycopy(data, 0, grown, 4 * (baseWeek - lo), 4 * weeks);
        data = grown;
        baseWeek = lo;
      }
      weeks = n;
      return 4 * (week - baseWeek);
    }
  }
}
