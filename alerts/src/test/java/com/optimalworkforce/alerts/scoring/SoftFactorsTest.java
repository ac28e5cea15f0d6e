package com.optimalworkforce.alerts.scoring;

import static com.optimalworkforce.alerts.scoring.Fixture.booked;
import static com.optimalworkforce.alerts.scoring.Fixture.caregiver;
import static com.optimalworkforce.alerts.scoring.Fixture.client;
import static com.optimalworkforce.alerts.scoring.Fixture.local;
import static com.optimalworkforce.alerts.scoring.Fixture.offer;
import static com.optimalworkforce.alerts.scoring.Fixture.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.GeoPoint;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftFactorsTest {
  final MatchHistory history = MatchHistory.create();
  final Visit friday = shift("V-OPEN", "2026-11-20T14:00", 4);

  MatchScore score(Caregiver c) {
    return score(MatchConfig.ofDefaults(), c);
  }

  MatchScore score(MatchConfig config, Caregiver c) {
    return MatchScorer.create(history, config, Fixture.CLOCK).rank(friday, List.of(c)).scores().get(0);
  }

  /** Some agency-wide offers so the prior is fitted, none by E1. */
  void agencyOffers() {
    for (int i = 0; i < 40; i++) {
      history.load(offer("E" + (100 + i % 8), "2026-10-" + (10 + i % 10) + "T09:00",
          i % 5 < 2 ? OfferOutcome.ACCEPTED : OfferOutcome.DECLINED));
    }
  }

  @Test
  void aCaregiverWithNoHistoryScoresTheAgencyRateAndEveryFactorIsNeutral() {
    agencyOffers();
    MatchScore s = score(caregiver("E1"));
    assertThat(s.contributions()).allSatisfy(c -> assertThat(c.isNeutral()).as(c.factorId()).isTrue());
    assertThat(s.probability()).isCloseTo(s.basePercent() / 100, within(1e-12));
    assertThat(s.basePercent()).isCloseTo(40, within(1.0)); // 16/40 offers accepted
    assertThat(s.reason()).isEqualTo("no history with similar shifts: agency average");
    assertThat(s.contribution(MatchFactors.ACCEPTANCE).orElseThrow().explanation())
        .isEqualTo("never offered a shift: agency average");
    assertThat(s.contribution(MatchFactors.DISTANCE).orElseThrow().explanation()).isEqualTo("distance unknown");
    assertThat(s.contribution(MatchFactors.RELIABILITY).orElseThrow().explanation())
        .isEqualTo("no call-outs in 90 days");
  }

  @Test
  void withoutAnyOffersThePriorIsFlat() {
    MatchScore s = score(caregiver("E1"));
    assertThat(s.percent()).isEqualTo(50);
    assertThat(MatchScorer.create(history, Fixture.CLOCK).acceptancePrior().offers()).isZero();
  }

  @Test
  void acceptedSimilarShiftsRaiseTheScoreAndDeclinesLowerItAndRawCountsAreShown() {
    agencyOffers();
    for (int w = 0; w < 6; w++) {
      history.load(offer("E1", Fixture.at("2026-10-02", 7 * w, "13:00"), w < 5 ? OfferOutcome.ACCEPTED
          : OfferOutcome.DECLINED)); // Fridays (2, 9, 16, 23, 30 Oct) at 13:00 = afternoon
      history.load(offer("E2", Fixture.at("2026-10-02", 7 * w, "13:00"), w < 5 ? OfferOutcome.DECLINED
          : OfferOutcome.ACCEPTED));
    }
    MatchScore keen = score(caregiver("E1"));
    MatchScore reluctant = score(caregiver("E2"));
    assertThat(keen.reason()).isEqualTo("accepted 5/6 similar shifts");
    assertThat(reluctant.reason()).isEqualTo("accepted 1/6 similar shifts");
    assertThat(keen.points(MatchFactors.ACCEPTANCE)).isPositive();
    assertThat(reluctant.points(MatchFactors.ACCEPTANCE)).isNegative();
    // Smoothed: neither 5/6 nor 1/6 is taken at face value.
    assertThat(keen.probability()).isBetween(0.45, 5 / 6.0);
    assertThat(reluctant.probability()).isBetween(1 / 6.0, 0.40);
  }

  @Test
  void offersOfOtherWeekdaysOrBandsAreNotSimilarButStillInformTheCaregiverRate() {
    agencyOffers();
    for (int i = 0; i < 6; i++) {
      history.load(offer("E1", "2026-10-0" + (5 + i % 3) + "T08:00", OfferOutcome.ACCEPTED)); // Mon-Wed mornings
    }
    AcceptanceEstimate[] seen = new AcceptanceEstimate[1];
    MatchFactor spy = MatchFactor.of("spy", "Spy", 0, ctx -> {
      seen[0] = ctx.acceptance();
      return FactorSignal.neutral();
    });
    MatchScore s = score(MatchConfig.builder().addFactor(spy).build(), caregiver("E1"));
    assertThat(seen[0].similar()).isEqualTo(OfferCounts.NONE);
    assertThat(seen[0].other()).isEqualTo(new OfferCounts(6, 6));
    assertThat(s.contribution(MatchFactors.ACCEPTANCE).orElseThrow().explanation())
        .isEqualTo("never offered a similar shift; accepted 6/6 others");
    assertThat(s.probability()).isGreaterThan(0.45);
  }

  @Test
  void sameServiceKeepsOtherServicesOutOfSimilarShifts() {
    agencyOffers();
    history.load(offer("E1", "2026-10-16T13:00", OfferOutcome.ACCEPTED));
    var rn = offer("E1", "2026-10-23T13:00", OfferOutcome.ACCEPTED);
    history.load(com.optimalworkforce.core.model.ShiftOffer.builder().id(rn.id()).visitId(rn.visitId())
        .caregiverId("E1").zone(rn.zone()).shiftStart(rn.shiftStart()).shiftEnd(rn.shiftEnd()).serviceCode("RN")
        .offeredAt(rn.offeredAt()).outcome(rn.outcome()).build());
    MatchConfig sameService = MatchConfig.builder().sameService(true).build();
    assertThat(score(caregiver("E1")).reason()).startsWith("accepted 2/2 similar shifts");
    assertThat(score(sameService, caregiver("E1")).reason()).startsWith("accepted 1/1 similar shifts");
    assertThat(history.candidate("E1").similarOffers(java.time.DayOfWeek.FRIDAY, TimeBand.AFTERNOON, "RN"))
        .isEqualTo(new OfferCounts(1, 1));
  }

  @Test
  void recentOffersWeighMoreThanOldOnes() {
    agencyOffers();
    // E1 accepted a year ago and declined lately; E2 the other way round. Same raw counts.
    for (int w = 0; w < 4; w++) {
      history.load(offer("E1", Fixture.at("2025-10-03", 7 * w, "13:00"), OfferOutcome.ACCEPTED));
      history.load(offer("E1", Fixture.at("2026-10-02", 7 * w, "13:00"), OfferOutcome.DECLINED));
      history.load(offer("E2", Fixture.at("2025-10-03", 7 * w, "13:00"), OfferOutcome.DECLINED));
      history.load(offer("E2", Fixture.at("2026-10-02", 7 * w, "13:00"), OfferOutcome.ACCEPTED));
    }
    assertThat(score(caregiver("E1")).reason()).isEqualTo("accepted 4/8 similar shifts");
    assertThat(score(caregiver("E2")).probability()).isGreaterThan(score(caregiver("E1")).probability() + 0.05);
  }

  @Test
  void continuityWithTheClientAndTheWeekdayCountsWorkedVisitsOnly() {
    history.load(client("C1"));
    for (int w = 1; w <= 3; w++) {
      history.load(booked("V-C" + w, "E1", "C1", Fixture.at("2026-11-20", -7 * w, "09:00"), 2, VisitStatus.COMPLETED));
    }
    history.load(booked("V-X", "E1", "C1", "2026-10-23T09:00", 2, VisitStatus.CANCELLED));
    history.load(booked("V-NEXT", "E1", "C1", "2026-11-27T09:00", 2, VisitStatus.SCHEDULED)); // future
    MatchScore s = score(caregiver("E1"));
    assertThat(s.contribution(MatchFactors.CLIENT_CONTINUITY).orElseThrow().explanation())
        .isEqualTo("3 visits with this client");
    // Fridays since her first worked visit (30 Oct): 30 Oct, 6 Nov, 13 Nov; worked 3 of them.
    assertThat(s.contribution(MatchFactors.WEEKDAY_CONTINUITY).orElseThrow().explanation())
        .isEqualTo("worked 3/3 Fridays");
    assertThat(s.reason()).isEqualTo("worked 3/3 Fridays, 3 visits with this client"); // strongest first
    assertThat(s.points(MatchFactors.CLIENT_CONTINUITY)).isPositive();
  }

  @Test
  void weekdayContinuityLooksOnlyAtDaysBeforeToday() {
    history.load(booked("V-1", "E1", "C9", "2026-11-13T09:00", 2, VisitStatus.COMPLETED));
    // The shift is 4 weeks ahead: the 3 Fridays between today and then have not happened yet.
    Visit later = shift("V-L", "2026-12-18T14:00", 2);
    MatchScore s = MatchScorer.create(history, Fixture.CLOCK).rank(later, List.of(caregiver("E1"))).scores().get(0);
    assertThat(s.contribution(MatchFactors.WEEKDAY_CONTINUITY).orElseThrow().explanation())
        .isEqualTo("worked 1/1 Fridays");
  }

  @Test
  void lastMinuteCallOutsWeighMostAndOldOnesNotAtAll() {
    for (int d = 1; d <= 20; d++) {
      history.load(booked("V-" + d, "E1", "C9", Fixture.at("2026-10-05", d, "09:00"), 2, VisitStatus.COMPLETED));
      history.load(booked("W-" + d, "E2", "C9", Fixture.at("2026-10-05", d, "09:00"), 2, VisitStatus.COMPLETED));
    }
    var shiftStart = local("2026-11-02T09:00");
    history.load(new CallOut("CO1", "E1", "V-a", Fixture.TORONTO, shiftStart, shiftStart.minus(Duration.ofDays(2)),
        "Sick"));
    history.load(new CallOut("CO2", "E2", "V-b", Fixture.TORONTO, shiftStart, shiftStart.minus(Duration.ofMinutes(30)),
        "Sick"));
    history.load(new CallOut("CO3", "E3", "V-c", Fixture.TORONTO, local("2026-06-01T09:00"),
        local("2026-06-01T08:00"), "Sick"));
    FactorContribution early = score(caregiver("E1")).contribution(MatchFactors.RELIABILITY).orElseThrow();
    FactorContribution late = score(caregiver("E2")).contribution(MatchFactors.RELIABILITY).orElseThrow();
    FactorContribution old = score(caregiver("E3")).contribution(MatchFactors.RELIABILITY).orElseThrow();
    assertThat(early.explanation()).isEqualTo("1 call-out in 90 days");
    assertThat(late.explanation()).isEqualTo("1 call-out in 90 days (1 last-minute)");
    assertThat(late.logOdds()).isLessThan(early.logOdds()).isNegative();
    assertThat(early.logOdds()).isNegative();
    assertThat(old.isNeutral()).isTrue();
  }

  @Test
  void overtimeCostIsNeutralUpToTheThresholdThenGrowsWithTheHoursPastIt() {
    for (int d = 16; d <= 19; d++) {
      history.load(booked("V-" + d, "E1", "C9", "2026-11-" + d + "T07:00", 9, VisitStatus.COMPLETED)); // 36 h
      history.load(booked("W-" + d, "E2", "C9", "2026-11-" + d + "T07:00", 9.5, VisitStatus.COMPLETED)); // 38 h
    }
    FactorContribution atThreshold = score(caregiver("E1")).contribution(MatchFactors.OVERTIME_COST).orElseThrow();
    FactorContribution past = score(caregiver("E2")).contribution(MatchFactors.OVERTIME_COST).orElseThrow();
    assertThat(atThreshold.isNeutral()).isTrue();
    assertThat(past.signal().signal()).isEqualTo(-0.5);
    assertThat(past.explanation()).isEqualTo("2 of 4 h would be overtime (38 h booked this pay week)");
  }

  @Test
  void distanceIsNeutralNearbyAndWhenUnknown() {
    history.load(client("C1"));
    GeoPoint home = Fixture.CLIENT_HOME;
    Caregiver near = caregiver("E1").toBuilder().home(GeoPoint.of(home.latitude() + 0.02, home.longitude())).build();
    Caregiver far = caregiver("E2").toBuilder().home(GeoPoint.of(home.latitude() + 0.2, home.longitude())).build();
    Caregiver unknown = caregiver("E3");
    FactorContribution n = score(near).contribution(MatchFactors.DISTANCE).orElseThrow();
    FactorContribution f = score(far).contribution(MatchFactors.DISTANCE).orElseThrow();
    assertThat(n.isNeutral()).isTrue();
    assertThat(n.explanation()).isEqualTo("2 km away");
    assertThat(f.explanation()).isEqualTo("22 km away");
    assertThat(f.signal().signal()).isCloseTo(-(22.24 - 5) / 35, within(0.01));
    assertThat(score(unknown).contribution(MatchFactors.DISTANCE).orElseThrow().isNeutral()).isTrue();
    // The visit's own location wins over the client's.
    Visit elsewhere = friday.toBuilder().location(far.home()).build();
    MatchScore there = MatchScorer.create(history, Fixture.CLOCK).rank(elsewhere, List.of(far)).scores().get(0);
    assertThat(there.contribution(MatchFactors.DISTANCE).orElseThrow().explanation()).isEqualTo("0 km away");
  }

  @Test
  void aZeroWeightSwitchesAFactorOffButKeepsItInTheBreakdown() {
    history.load(client("C1"));
    history.load(booked("V-1", "E1", "C1", "2026-11-13T09:00", 2, VisitStatus.COMPLETED));
    MatchScore s = score(MatchConfig.builder().weight(MatchFactors.CLIENT_CONTINUITY, 0)
        .weight(MatchFactors.WEEKDAY_CONTINUITY, 0).build(), caregiver("E1"));
    FactorContribution c = s.contribution(MatchFactors.CLIENT_CONTINUITY).orElseThrow();
    assertThat(c.explanation()).isEqualTo("1 visit with this client");
    assertThat(c.logOdds()).isZero();
    assertThat(s.points(MatchFactors.CLIENT_CONTINUITY)).isZero();
    assertThat(s.reason()).isEqualTo("no history with similar shifts: agency average");
  }
}
