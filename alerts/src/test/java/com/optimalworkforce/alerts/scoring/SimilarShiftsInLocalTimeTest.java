package com.optimalworkforce.alerts.scoring;

import static com.optimalworkforce.alerts.scoring.Fixture.booked;
import static com.optimalworkforce.alerts.scoring.Fixture.caregiver;
import static com.optimalworkforce.alerts.scoring.Fixture.shift;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Similar shift" means the same weekday and time band in local time, across DST changes and
 * zones: each offer is placed in its own zone's calendar, the shift in its region's. The times
 * below are chosen so that UTC, or the shift's UTC offset applied to every offer, would give
 * another band or weekday.
 */
class SimilarShiftsInLocalTimeTest {
  static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
  final MatchHistory history = MatchHistory.create();
  int seq;

  ShiftOffer offer(String caregiverId, ZoneId zone, String localStart, OfferOutcome outcome) {
    Instant start = LocalDateTime.parse(localStart).atZone(zone).toInstant();
    int n = ++seq;
    return ShiftOffer.builder().id("O-" + n).visitId("V-" + n).caregiverId(caregiverId).zone(zone).shiftStart(start)
        .shiftEnd(start.plus(Duration.ofHours(3))).serviceCode("PSW").offeredAt(start.minus(Duration.ofDays(2)))
        .outcome(outcome).build();
  }

  MatchScore score(Visit shift) {
    return MatchScorer.create(history, Fixture.CLOCK).rank(shift, List.of(caregiver("E1"))).scores().get(0);
  }

  String acceptance(Visit shift) {
    return score(shift).contribution(MatchFactors.ACCEPTANCE).orElseThrow().explanation();
  }

  @Test
  void summerOffersAt1230AreSimilarToAWinterShiftAt1230() {
    // 12:30 EDT is 16:30 UTC; the shift's 12:30 EST is 17:30 UTC (evening in UTC), and 16:30 UTC
    // read with the shift's -05:00 would be 11:30 (morning).
    for (String day : List.of("2026-07-03", "2026-07-10", "2026-07-17")) {
      history.load(offer("E1", Fixture.TORONTO, day + "T12:30", OfferOutcome.ACCEPTED));
    }
    Visit winter = shift("V-W", "2026-11-20T12:30", 3);
    assertThat(winter.localStart().getOffset()).isNotEqualTo(
        LocalDateTime.parse("2026-07-03T12:30").atZone(Fixture.TORONTO).getOffset());
    assertThat(history.candidate("E1").similarOffers(DayOfWeek.FRIDAY, TimeBand.AFTERNOON))
        .isEqualTo(new OfferCounts(3, 3));
    assertThat(acceptance(winter)).isEqualTo("accepted 3/3 similar shifts");
  }

  @Test
  void aFridayEveningOfferIsAFridayEvenIfItIsSaturdayInUtc() {
    // Friday 20:30 EDT is Saturday 00:30 UTC.
    history.load(offer("E1", Fixture.TORONTO, "2026-10-16T20:30", OfferOutcome.DECLINED));
    history.load(offer("E1", Fixture.TORONTO, "2026-10-23T20:30", OfferOutcome.ACCEPTED));
    assertThat(history.candidate("E1").similarOffers(DayOfWeek.FRIDAY, TimeBand.EVENING))
        .isEqualTo(new OfferCounts(1, 2));
    assertThat(history.candidate("E1").similarOffers(DayOfWeek.SATURDAY, TimeBand.NIGHT)).isEqualTo(OfferCounts.NONE);
    assertThat(acceptance(shift("V-E", "2026-11-20T20:30", 3))).isEqualTo("accepted 1/2 similar shifts");
  }

  @Test
  void eachOfferIsReadInItsOwnZone() {
    // 11:00 in Vancouver is 14:00 in Toronto: a morning offer there, similar to a Toronto 11:00 shift.
    history.load(offer("E1", VANCOUVER, "2026-11-13T11:00", OfferOutcome.ACCEPTED));
    assertThat(acceptance(shift("V-M", "2026-11-20T11:00", 3))).isEqualTo("accepted 1/1 similar shifts");
    assertThat(acceptance(shift("V-A", "2026-11-20T14:00", 3))).startsWith("never offered a similar shift");
  }

  @Test
  void aShiftOnTheSpringForwardNightIsInTheNightBandOfItsSunday() {
    // 8 March 2026, 03:30 EDT (02:00-03:00 does not exist that night); earlier Sundays 03:30 EST.
    history.load(offer("E1", Fixture.TORONTO, "2026-02-22T03:30", OfferOutcome.ACCEPTED));
    history.load(offer("E1", Fixture.TORONTO, "2026-03-01T03:30", OfferOutcome.ACCEPTED));
    Visit springForward = shift("V-S", "2026-03-08T03:30", 3);
    assertThat(springForward.localStart().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(TimeBand.of(springForward.localStart())).isEqualTo(TimeBand.NIGHT);
    assertThat(acceptance(springForward)).isEqualTo("accepted 2/2 similar shifts");
  }

  @Test
  void weekdayContinuityCountsLocalFridaysAcrossTheFallBack() {
    // Friday evenings 20:30 on 30 Oct (EDT, Saturday 00:30 UTC), 6 and 13 Nov (EST, Saturday 01:30 UTC).
    for (String day : List.of("2026-10-30", "2026-11-06", "2026-11-13")) {
      history.load(booked("V-" + day, "E1", "C9", day + "T20:30", 3, VisitStatus.COMPLETED));
    }
    MatchScore s = score(shift("V-F", "2026-11-20T20:30", 3));
    assertThat(s.contribution(MatchFactors.WEEKDAY_CONTINUITY).orElseThrow().explanation())
        .isEqualTo("worked 3/3 Fridays");
  }
}
