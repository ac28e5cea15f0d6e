package com.optimalworkforce.core.aggregate;

import static com.optimalworkforce.core.aggregate.Records.TORONTO;
import static com.optimalworkforce.core.aggregate.Records.caregiver;
import static com.optimalworkforce.core.aggregate.Records.client;
import static com.optimalworkforce.core.aggregate.Records.scheduled;
import static com.optimalworkforce.core.aggregate.Records.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregatorTest {
  static final GeoArea M4A = GeoArea.of("M4A");
  static final GeoArea M4B = GeoArea.of("M4B");
  static final Instant FRIDAY_2PM = LocalDateTime.parse("2026-11-20T14:00").atZone(TORONTO).toInstant();
  static final IsoWeek W47 = IsoWeek.parse("2026-W47");

  @Test
  void countsActiveClientsAndCaregiversByTheAreaOfTheirPostalCode() {
    Aggregator a = Aggregator.create();
    a.addAll(List.of(
        client("C1", "east", "M4A 1B2", true), client("C2", "east", "m4a 3c4", true),
        client("C3", "east", "M4A 5E6", false), client("C4", "east", "M4B 1A1", true),
        caregiver("E1", "east", "M4A 9Z9", true), caregiver("E2", "east", "M4B 2B2", false)));
    AggregateCounts c = a.counts();
    assertThat(c.count("east", M4A, Metric.ACTIVE_CLIENTS)).isEqualTo(2);
    assertThat(c.count("east", M4B, Metric.ACTIVE_CLIENTS)).isEqualTo(1);
    assertThat(c.count("east", M4A, Metric.ACTIVE_CAREGIVERS)).isEqualTo(1);
    assertThat(c.count("east", M4B, Metric.ACTIVE_CAREGIVERS)).isZero();
    assertThat(c.regionTotal("east", Metric.ACTIVE_CLIENTS)).isEqualTo(3);
    assertThat(a.applied()).isEqualTo(6);
  }

  @ParameterizedTest(name = "{0} with caregiver={1}: visits {2}, unfilled {3}, cancelled {4}")
  @CsvSource({
      "SCHEDULED,   E-1, 1, 0, 0",
      "OPEN,           , 1, 1, 0",
      "OFFERED,        , 1, 1, 0",
      "ON_HOLD,        , 1, 1, 0",
      "IN_PROGRESS, E-1, 1, 0, 0",
      "COMPLETED,   E-1, 1, 0, 0",
      "COMPLETED,      , 1, 0, 0",
      "MISSED,      E-1, 1, 0, 0",
      "CANCELLED,   E-1, 0, 0, 1",
      "CANCELLED,      , 0, 0, 1"})
  void eachVisitStatusContributesAsDocumented(VisitStatus status, String caregiver, long visits, long unfilled,
      long cancelled) {
    Aggregator a = Aggregator.create();
    a.add(visit("V1", "east", TORONTO, "M4A 1B2", FRIDAY_2PM, Duration.ofMinutes(90), status, caregiver));
    AggregateCounts c = a.counts();
    assertThat(c.count("east", M4A, W47, Metric.VISITS)).isEqualTo(visits);
    assertThat(c.count("east", M4A, W47, Metric.UNFILLED_VISITS)).isEqualTo(unfilled);
    assertThat(c.count("east", M4A, W47, Metric.CANCELLED_VISITS)).isEqualTo(cancelled);
    assertThat(c.serviceSeconds("east", M4A, W47)).isEqualTo(visits * 5400);
    assertThat(c.count("east", M4A, Metric.VISITS)).isEqualTo(visits);
  }

  @Test
  void updatesMoveTheContributionAndDeletionsRemoveIt() {
    Aggregator a = Aggregator.create();
    Visit v = scheduled("V1", "east", "M4A 1B2", FRIDAY_2PM, Duration.ofHours(2));
    a.apply(Change.created(v));
    Visit moved = v.toBuilder().postalCode("M4B 1A1").caregiverId(null).status(VisitStatus.OPEN)
        .start(FRIDAY_2PM.plus(Duration.ofDays(7))).end(FRIDAY_2PM.plus(Duration.ofDays(7)).plus(Duration.ofHours(3)))
        .build();
    a.apply(Change.updated(v, moved));
    AggregateCounts c = a.counts();
    IsoWeek w48 = IsoWeek.parse("2026-W48");
    assertThat(c.areas("east")).containsExactly(M4B);
    assertThat(c.count("east", M4B, w48, Metric.UNFILLED_VISITS)).isEqualTo(1);
    assertThat(c.serviceSeconds("east", M4B, w48)).isEqualTo(3 * 3600);
    assertThat(c.count("east", M4A, W47, Metric.VISITS)).isZero();

    a.apply(Change.deleted(moved));
    assertThat(a.counts()).isEqualTo(AggregateCounts.empty());

    Visit other = moved.toBuilder().regionId("west").build();
    a.apply(Change.created(moved));
    a.apply(Change.updated(moved, other));
    assertThat(a.counts().regionIds()).containsExactly("west");
  }

  @Test
  void weeksUseTheLocalStartDateInTheVisitsZone() {
    Aggregator a = Aggregator.create();
    // Sunday 23:30 in Toronto is Monday 04:30 UTC: still the week of Sunday.
    Instant sundayLate = LocalDateTime.parse("2026-11-22T23:30").atZone(TORONTO).toInstant();
    a.add(scheduled("V1", "east", "M4A 1B2", sundayLate, Duration.ofHours(8)));
    // Monday 00:10 in Toronto is Monday 05:10 UTC: the next week.
    a.add(scheduled("V2", "east", "M4A 1B2", sundayLate.plus(Duration.ofMinutes(40)), Duration.ofHours(1)));
    AggregateCounts c = a.counts();
    assertThat(c.weeks("east")).containsExactly(W47, IsoWeek.parse("2026-W48"));
    // A visit crossing midnight counts wholly in the week it starts.
    assertThat(c.serviceSeconds("east", M4A, W47)).isEqualTo(8 * 3600);
  }

  @Test
  void daylightSavingWeeksCountRealHours() {
    Aggregator a = Aggregator.create();
    // 2026-11-01 01:00 EDT -> 01:00 EST: a 22:00 to 06:00 overnight shift lasts 9 real hours.
    Instant start = LocalDateTime.parse("2026-10-31T22:00").atZone(TORONTO).toInstant();
    Instant end = LocalDateTime.parse("2026-11-01T06:00").atZone(TORONTO).toInstant();
    a.add(visit("V1", "east", TORONTO, "M4A 1B2", start, Duration.between(start, end), VisitStatus.COMPLETED, "E"));
    // A visit Sunday after the change, and one on Monday: Sunday in week 44, Monday in week 45.
    a.add(scheduled("V2", "east", "M4A", LocalDateTime.parse("2026-11-01T23:30").atZone(TORONTO).toInstant(),
        Duration.ofHours(1)));
    a.add(scheduled("V3", "east", "M4A", LocalDateTime.parse("2026-11-02T00:30").atZone(TORONTO).toInstant(),
        Duration.ofHours(1)));
    AggregateCounts c = a.counts();
    IsoWeek w44 = IsoWeek.of(LocalDate.parse("2026-10-31"));
    assertThat(c.serviceSeconds("east", M4A, w44)).isEqualTo(10 * 3600);
    assertThat(c.count("east", M4A, w44, Metric.VISITS)).isEqualTo(2);
    assertThat(c.count("east", M4A, IsoWeek.parse("2026-W45"), Metric.VISITS)).isEqualTo(1);
  }

  @Test
  void missingAndMalformedPostalCodesAreCountedAsUnknown() {
    Aggregator a = Aggregator.create();
    a.add(client("C1", "east", null, true));
    a.add(client("C2", "east", "D1A 1A1", true));
    a.add(caregiver("E1", "east", "12", true));
    a.add(scheduled("V1", "east", "ABC-123", FRIDAY_2PM, Duration.ofHours(1)));
    AggregateCounts c = a.counts();
    assertThat(c.areas("east")).containsExactly(GeoArea.UNKNOWN);
    assertThat(c.count("east", GeoArea.UNKNOWN, Metric.ACTIVE_CLIENTS)).isEqualTo(2);
    assertThat(c.count("east", GeoArea.UNKNOWN, Metric.ACTIVE_CAREGIVERS)).isEqualTo(1);
    assertThat(c.count("east", GeoArea.UNKNOWN, Metric.VISITS)).isEqualTo(1);
  }

  @Test
  void regionIdsAreComparedByValueNotIdentity() {
    // Connectors may build a new id string per record; 200 regions also overflow the region cache.
    Aggregator a = Aggregator.create();
    for (int round = 0; round < 3; round++) {
      for (int r = 0; r < 200; r++) {
        String region = new String("region-" + r);
        a.add(client("C" + round + "-" + r, region, "M4A 1B2", true));
        a.add(scheduled("V" + round + "-" + r, new String(region), "M4A 1B2", FRIDAY_2PM, Duration.ofHours(1)));
      }
    }
    AggregateCounts c = a.counts();
    assertThat(c.regionIds()).hasSize(200);
    for (int r = 0; r < 200; r++) {
      assertThat(c.count("region-" + r, M4A, Metric.ACTIVE_CLIENTS)).isEqualTo(3);
      assertThat(c.count("region-" + r, M4A, W47, Metric.VISITS)).isEqualTo(3);
    }
  }

  @Test
  void recordsWithoutAggregateFiguresChangeNothing() {
    Aggregator a = Aggregator.create();
    a.add(new Unavailability("U1", "E1", TORONTO, FRIDAY_2PM, FRIDAY_2PM.plusSeconds(3600), "day off"));
    a.add(new CallOut("CO1", "E1", "V1", TORONTO, FRIDAY_2PM, FRIDAY_2PM.minusSeconds(3600), "sick"));
    assertThat(a.counts()).isEqualTo(AggregateCounts.empty());
  }

  @Test
  void visitsFarFromTheOthersAreKeptNotDropped() {
    Aggregator a = Aggregator.create();
    a.add(scheduled("V1", "east", "M4A", FRIDAY_2PM, Duration.ofHours(1)));
    Instant farFuture = Instant.parse("2999-01-01T12:00:00Z");
    a.add(scheduled("V2", "east", "M4A", farFuture, Duration.ofHours(1)));
    Instant farPast = Instant.parse("1900-01-01T12:00:00Z");
    a.add(scheduled("V3", "east", "M4A", farPast, Duration.ofHours(1)));
    AggregateCounts c = a.counts();
    assertThat(c.count("east", M4A, Metric.VISITS)).isEqualTo(3);
    assertThat(c.weeks("east")).hasSize(3).contains(IsoWeek.of(LocalDate.of(2999, 1, 1)));
    a.remove(scheduled("V2", "east", "M4A", farFuture, Duration.ofHours(1)));
    assertThat(a.counts().count("east", M4A, Metric.VISITS)).isEqualTo(2);
  }

  @Test
  void resumesFromStoredCounts() {
    Aggregator first = Aggregator.create();
    Visit v = scheduled("V1", "east", "M4A", FRIDAY_2PM, Duration.ofHours(1));
    first.add(v);
    first.add(client("C1", "east", "M4B 1A1", true));
    AggregateCounts stored = AggregateCounts.fromJson(first.counts().toJson());
    assertThat(stored).isEqualTo(first.counts());

    Aggregator resumed = Aggregator.resume(stored);
    resumed.apply(Change.deleted(v));
    assertThat(resumed.counts().count("east", M4A, Metric.VISITS)).isZero();
    assertThat(resumed.counts().count("east", M4B, Metric.ACTIVE_CLIENTS)).isEqualTo(1);
  }

  @Test
  void snapshotsAreStampedByTheClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);
    Aggregator a = Aggregator.builder().clock(clock).build();
    assertThat(a.snapshot(PrivacyPolicy.ofDefaults()).asOf()).isEqualTo(clock.instant());
  }

  @Test
  void countQueriesRejectTheWrongMetric() {
    AggregateCounts c = AggregateCounts.empty();
    assertThatThrownBy(() -> c.count("east", M4A, Metric.SERVICE_HOURS)).hasMessageContaining("serviceSeconds");
    assertThatThrownBy(() -> c.count("east", M4A, W47, Metric.ACTIVE_CLIENTS))
        .hasMessageContaining("not counted per week");
  }

  @Test
  void publishingRefusesNegativeCounts() {
    Aggregator shard = Aggregator.create();
    shard.remove(client("C1", "east", "M4A 1B2", true));
    assertThat(shard.counts().count("east", M4A, Metric.ACTIVE_CLIENTS)).isEqualTo(-1);
    assertThatThrownBy(() -> shard.snapshot(PrivacyPolicy.ofDefaults()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("region east, area M4A have ACTIVE_CLIENTS = -1")
        .hasMessageContaining("Rebuild it from a full read");
  }
}
