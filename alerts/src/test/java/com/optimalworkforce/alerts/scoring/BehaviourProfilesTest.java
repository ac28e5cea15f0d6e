package com.optimalworkforce.alerts.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
import org.junit.jupiter.api.Test;

/** The scorer finds the caregivers the synthetic agency planted. */
class BehaviourProfilesTest {
  static final SyntheticAgency AGENCY = Agencies.Profiles.AGENCY;
  static final BehaviourProfiles P = Agencies.Profiles.P;
  static final MatchHistory HISTORY = Agencies.Profiles.HISTORY;

  static Visit visit(String id) {
    return AGENCY.visit(id).orElseThrow();
  }

  static MatchScorer scorer(MatchConfig config) {
    return MatchScorer.create(HISTORY, config, AGENCY.clock());
  }

  @Test
  void sarahLeadsTheOpenFridayAfternoonShiftOnHerAcceptedSimilarShifts() {
    MatchRanking ranking = scorer(MatchConfig.ofDefaults()).rank(visit(P.openFridayAfternoonVisit()));
    MatchScore sarah = ranking.score(P.fridayAfternoonAccepter()).orElseThrow();

    assertThat(ranking.positionOf(P.fridayAfternoonAccepter())).isBetween(1, 2);
    CandidateHistory h = HISTORY.candidate(P.fridayAfternoonAccepter());
    OfferCounts similar = h.similarOffers(java.time.DayOfWeek.FRIDAY, TimeBand.AFTERNOON);
    assertThat(similar.offered()).isEqualTo(8); // offered the Friday 2 PM shift every past week
    assertThat(sarah.reason()).startsWith("accepted " + similar.accepted() + "/8 similar shifts");
    assertThat(sarah.percent()).isGreaterThan(70);
    assertThat(sarah.points(MatchFactors.ACCEPTANCE)).isGreaterThan(20);
  }

  @Test
  void johnAt42HoursIsExcludedFromA4HourShiftByA45HourCap() {
    Visit saturday = visit(P.lastMinuteOpenVisit());
    assertThat(saturday.hours()).isEqualTo(4.0);

    MatchRanking capped = scorer(MatchConfig.builder().overtimeCapHours(45).build()).rank(saturday);
    MatchExclusion john = capped.exclusion(P.nearOvertime()).orElseThrow();
    assertThat(john.reason()).isEqualTo(ExclusionReason.OVERTIME_CAP);
    assertThat(john.detail()).isEqualTo("42 h booked in the pay week from Mon 16 Nov + 4 h = 46 h, over the 45 h cap");

    MatchRanking roomier = scorer(MatchConfig.builder().overtimeCapHours(46).build()).rank(saturday);
    MatchScore johnScore = roomier.score(P.nearOvertime()).orElseThrow();
    assertThat(johnScore.contribution(MatchFactors.OVERTIME_COST).orElseThrow().explanation())
        .isEqualTo("4 of 4 h would be overtime (42 h booked this pay week)");
    assertThat(johnScore.points(MatchFactors.OVERTIME_COST)).isNegative();
  }

  @Test
  void emmaShowsAsTheSaturdayRegularWithMrsAnderson() {
    // The configured weights, as given: in this agency continuity does not predict acceptance, so
    // calibration would (rightly) fit it away; here we check the factors see her regularity.
    MatchRanking ranking = scorer(MatchConfig.builder().calibrate(false).build())
        .rank(visit(P.openSaturdayMorningVisit()));
    MatchScore emma = ranking.score(P.saturdayRegular()).orElseThrow();

    FactorContribution weekday = emma.contribution(MatchFactors.WEEKDAY_CONTINUITY).orElseThrow();
    assertThat(weekday.explanation()).matches("worked [78]/8 Saturdays");
    assertThat(weekday.logOdds()).isPositive();
    assertThat(emma.contribution(MatchFactors.CLIENT_CONTINUITY).orElseThrow().explanation())
        .isEqualTo("8 visits with this client"); // her Sunday visits with Mrs. Anderson
    assertThat(emma.reason()).contains("visits with this client").contains("Saturdays");
    assertThat(ranking.positionOf(P.saturdayRegular())).isBetween(1, 6);
  }

  @Test
  void priorityBackupsAreAmongTheMostLikelyToAccept() {
    MatchScorer scorer = scorer(MatchConfig.builder().overtimeCapHours(80).build());
    MatchRanking ranking = scorer.rank(visit(P.lastMinuteOpenVisit()));
    double agency = scorer.acceptancePrior().mean();
    for (String backup : P.priorityBackups()) {
      MatchScore s = ranking.score(backup).orElseThrow();
      assertThat(ranking.positionOf(backup)).as(backup).isLessThanOrEqualTo(6);
      assertThat(s.probability()).as(backup).isGreaterThan(agency + 0.2);
    }
  }

  @Test
  void aCaregiverDoubleBookedOnTheShiftIsExcludedWithTheClashingVisit() {
    MatchRanking ranking = scorer(MatchConfig.ofDefaults()).rank(visit(P.openFridayAfternoonVisit()));
    // John works Friday 08:00-16:00, the shift starts at 14:00.
    MatchExclusion john = ranking.exclusion(P.nearOvertime()).orElseThrow();
    assertThat(john.reason()).isEqualTo(ExclusionReason.DOUBLE_BOOKED);
    assertThat(john.detail()).isEqualTo("already booked Fri 20 Nov 08:00-16:00");
  }

  @Test
  void danielIsUnavailableOnWednesdays() {
    Visit friday = visit(P.openFridayAfternoonVisit());
    Visit wednesday = friday.toBuilder().id("V-WED").start(friday.start().minus(java.time.Duration.ofDays(2)))
        .end(friday.end().minus(java.time.Duration.ofDays(2))).build();
    Caregiver daniel = HISTORY.caregiver(P.dayOffPattern()).orElseThrow();
    MatchRanking ranking = scorer(MatchConfig.ofDefaults()).rank(wednesday, java.util.List.of(daniel));
    assertThat(ranking.scores()).isEmpty();
    assertThat(ranking.excluded()).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo(ExclusionReason.UNAVAILABLE);
      assertThat(x.detail()).isEqualTo("Day off Wed 18 Nov 00:00-Thu 19 Nov 00:00");
    });
  }

  @Test
  void mariasRecentMondayCallOutsCostHerReliability() {
    Visit monday = visit(P.openFridayAfternoonVisit());
    Caregiver maria = HISTORY.caregiver(P.mondayCallOut()).orElseThrow();
    MatchScore s = scorer(MatchConfig.ofDefaults()).rank(monday, java.util.List.of(maria)).scores().get(0);
    long recent = AGENCY.callOuts().filter(c -> c.caregiverId().equals(maria.id()))
        .filter(c -> c.reportedAt().isAfter(AGENCY.now().minus(java.time.Duration.ofDays(90)))).count();
    assertThat(recent).isEqualTo(6); // both Monday shifts, the last 3 weeks
    FactorContribution reliability = s.contribution(MatchFactors.RELIABILITY).orElseThrow();
    assertThat(reliability.explanation()).startsWith("6 call-outs in 90 days (");
    assertThat(reliability.logOdds()).isNegative();
  }
}
