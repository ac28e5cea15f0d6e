package com.optimalworkforce.alerts.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The running totals, the per-day jump table and the remembered pay weeks of {@link VisitTable}
 * against a brute-force computation over the live visits, through random puts, moves, status
 * changes and deletions, on pay weeks around both 2026 DST changes in Toronto (weeks of 167 and
 * 169 hours) and visits crossing midnight and week boundaries.
 */
class VisitTableBookedHoursTest {
  private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  private static final String CAREGIVER = "CG1";
  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 2, 23);
  private static final int DAYS = 280; // to the end of November: both DST changes
  /** Every status a visit with a caregiver can have (booked or not). */
  private static final VisitStatus[] STATUSES = {VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED,
      VisitStatus.SCHEDULED, VisitStatus.ON_HOLD, VisitStatus.CANCELLED, VisitStatus.MISSED};

  private final Map<String, Visit> live = new LinkedHashMap<>();
  private final HistoryIndex index = new HistoryIndex(Duration.ofDays(180));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void bookedHoursAndClashesMatchBruteForceThroughChanges(long seed) {
    Random random = new Random(seed);
    List<long[]> weeks = payWeeks(random.nextBoolean() ? DayOfWeek.MONDAY : DayOfWeek.SUNDAY);
    for (int i = 0; i < 400; i++) {
      put(randomVisit("V" + i, random));
    }
    checkAll(weeks, random);
    for (int round = 0; round < 60; round++) {
      List<String> ids = new ArrayList<>(live.keySet());
      String id = ids.get(random.nextInt(ids.size()));
      int what = random.nextInt(4);
      if (what == 0) {
        index.remove(RecordKey.of(EntityType.VISIT, id));
        live.remove(id);
      } else if (what == 1) {
        put(randomVisit(id, random)); // moved, maybe to another week, maybe another status
      } else if (what == 2) {
        put(randomVisit("N" + round, random));
      } else {
        Visit v = live.get(id);
        put(v.toBuilder().status(STATUSES[random.nextInt(STATUSES.length)]).build());
      }
      checkAll(weeks, random);
    }
  }

  @Test
  void dstWeeksHaveTheirRealLength() {
    List<long[]> weeks = payWeeks(DayOfWeek.MONDAY);
    assertThat(weeks).anySatisfy(w -> assertThat(w[1] - w[0]).isEqualTo(167 * 3600L));
    assertThat(weeks).anySatisfy(w -> assertThat(w[1] - w[0]).isEqualTo(169 * 3600L));
    // A visit across the spring-forward night books its real length, split at the week boundary.
    Instant start = LocalDate.of(2026, 3, 7).atTime(22, 0).atZone(TORONTO).toInstant();
    put(visit("DST", start, start.plus(Duration.ofHours(30)), VisitStatus.SCHEDULED));
    long mondayStart = LocalDate.of(2026, 3, 9).atStartOfDay(TORONTO).toEpochSecond();
    VisitTable table = table();
    assertThat(table.bookedSeconds(start.getEpochSecond(), mondayStart)).isEqualTo(bruteForce(start.getEpochSecond(),
        mondayStart, 0)).isEqualTo(25 * 3600L);
    assertThat(table.bookedInPayWeek(mondayStart, mondayStart + 168 * 3600)).isEqualTo(5 * 3600L);
  }

  private void checkAll(List<long[]> weeks, Random random) {
    VisitTable table = table();
    for (long[] w : weeks) {
      long expected = bruteForce(w[0], w[1], 0);
      assertThat(table.bookedSeconds(w[0], w[1])).as("week from %s", Instant.ofEpochSecond(w[0])).isEqualTo(expected);
      assertThat(table.bookedInPayWeek(w[0], w[1])).isEqualTo(expected);
      assertThat(table.bookedInPayWeek(w[0], w[1])).as("remembered").isEqualTo(expected);
    }
    List<String> ids = new ArrayList<>(live.keySet());
    for (int q = 0; q < 40; q++) {
      long[] w = weeks.get(random.nextInt(weeks.size()));
      long from = w[0] + random.nextInt((int) (w[1] - w[0])) / 900 * 900;
      long to = from + (1 + random.nextInt(40)) * 900L;
      Visit except = q % 2 == 0 && !ids.isEmpty() ? live.get(ids.get(random.nextInt(ids.size()))) : null;
      long exceptHash = except == null ? 0 : IdHash.of(except.id());
      if (q % 4 == 0 && except != null) { // the shift is that visit itself, as indexed
        from = except.start().getEpochSecond();
        to = except.end().getEpochSecond();
        w = weekOf(weeks, from, w);
      }
      assertThat(table.bookedSeconds(from, to, exceptHash)).isEqualTo(bruteForce(from, to, exceptHash));
      assertThat(table.bookedOverlap(from, to, exceptHash) >= 0).isEqualTo(bruteClash(from, to, exceptHash));
      for (boolean elsewhere : new boolean[] {true, false}) {
        if (!elsewhere && except != null && !overlapsBooked(except, from, to)) {
          continue; // without the hint, only an indexed shift overlapping itself is found
        }
        long[] seconds = {-1};
        int clash = table.clashOrBooked(w[0], w[1], from, to, exceptHash, elsewhere, seconds);
        assertThat(clash >= 0).isEqualTo(bruteClash(from, to, exceptHash));
        if (clash >= 0) {
          assertThat(table.start(clash)).isLessThan(to);
          assertThat(table.end(clash)).isGreaterThan(from);
        } else {
          assertThat(seconds[0]).isEqualTo(bruteForce(w[0], w[1], exceptHash));
        }
      }
    }
  }

  private static long[] weekOf(List<long[]> weeks, long t, long[] fallback) {
    for (long[] w : weeks) {
      if (t >= w[0] && t < w[1]) {
        return w;
      }
    }
    return fallback;
  }

  private static boolean overlapsBooked(Visit v, long from, long to) {
    return VisitTable.books((byte) v.status().ordinal()) && v.start().getEpochSecond() < to
        && v.end().getEpochSecond() > from;
  }

  private long bruteForce(long from, long to, long exceptHash) {
    long total = 0;
    for (Visit v : live.values()) {
      if (!VisitTable.books((byte) v.status().ordinal()) || IdHash.of(v.id()) == exceptHash) {
        continue;
      }
      total += Math.max(0, Math.min(v.end().getEpochSecond(), to) - Math.max(v.start().getEpochSecond(), from));
    }
    return total;
  }

  private boolean bruteClash(long from, long to, long exceptHash) {
    for (Visit v : live.values()) {
      if (overlapsBooked(v, from, to) && IdHash.of(v.id()) != exceptHash) {
        return true;
      }
    }
    return false;
  }

  private VisitTable table() {
    return index.snapshot(CAREGIVER).visitTable();
  }

  private void put(Visit v) {
    index.upsert(v);
    live.put(v.id(), v);
  }

  private static List<long[]> payWeeks(DayOfWeek start) {
    List<long[]> weeks = new ArrayList<>();
    LocalDate d = FIRST_DAY.with(TemporalAdjusters.previousOrSame(start));
    for (; d.isBefore(FIRST_DAY.plusDays(DAYS)); d = d.plusWeeks(1)) {
      weeks.add(new long[] {d.atStartOfDay(TORONTO).toEpochSecond(), d.plusWeeks(1).atStartOfDay(TORONTO).toEpochSecond()});
    }
    return weeks;
  }

  private static Visit randomVisit(String id, Random random) {
    LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
    Instant start = day.atTime(random.nextInt(24), random.nextInt(4) * 15).atZone(TORONTO).toInstant();
    // Mostly ordinary visits; some overnight and some of more than a day.
    long minutes = random.nextInt(10) == 0 ? 600 + random.nextInt(1_500) : 30 + random.nextInt(16) * 30;
    return visit(id, start, start.plus(Duration.ofMinutes(minutes)), STATUSES[random.nextInt(STATUSES.length)]);
  }

  private static Visit visit(String id, Instant start, Instant end, VisitStatus status) {
    return Visit.builder().id(id).clientId("C" + (id.hashCode() & 7)).caregiverId(CAREGIVER).regionId("r1")
        .zone(TORONTO).start(start).end(end).status(status).serviceCode("PSW").build();
  }
}
