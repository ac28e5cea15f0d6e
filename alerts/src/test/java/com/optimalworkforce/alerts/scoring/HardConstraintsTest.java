package com.optimalworkforce.alerts.scoring;

import static com.optimalworkforce.alerts.scoring.Fixture.booked;
import static com.optimalworkforce.alerts.scoring.Fixture.caregiver;
import static com.optimalworkforce.alerts.scoring.Fixture.client;
import static com.optimalworkforce.alerts.scoring.Fixture.local;
import static com.optimalworkforce.alerts.scoring.Fixture.shift;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HardConstraintsTest {
  final MatchHistory history = MatchHistory.create();
  final Visit friday = shift("V-OPEN", "2026-11-20T14:00", 4);

  MatchRanking rank(MatchConfig config, Visit shift, Caregiver... candidates) {
    return MatchScorer.create(history, config, Fixture.CLOCK).rank(shift, List.of(candidates));
  }

  MatchExclusion onlyExclusion(MatchRanking ranking) {
    assertThat(ranking.scores()).isEmpty();
    assertThat(ranking.excluded()).hasSize(1);
    return ranking.excluded().get(0);
  }

  @Test
  void anInactiveCaregiverIsExcluded() {
    Caregiver gone = caregiver("E1").toBuilder().active(false).build();
    MatchExclusion x = onlyExclusion(rank(MatchConfig.ofDefaults(), friday, gone));
    assertThat(x.reason()).isEqualTo(ExclusionReason.INACTIVE);
    assertThat(x.caregiverId()).isEqualTo("E1");
  }

  @Test
  void aCaregiverTheClientBlockedIsExcluded() {
    history.load(client("C1").toBuilder().blockedCaregiverIds(Set.of("E1")).build());
    MatchRanking r = rank(MatchConfig.ofDefaults(), friday, caregiver("E1"), caregiver("E2"));
    assertThat(r.exclusion("E1").orElseThrow().reason()).isEqualTo(ExclusionReason.BLOCKED_BY_CLIENT);
    assertThat(r.score("E2")).isPresent();
  }

  @Test
  void aMissingRequiredSkillIsNamed() {
    Visit nursing = friday.toBuilder().requiredSkills(Set.of("RN", "PSW", "LIFT")).build();
    Caregiver psw = caregiver("E1").toBuilder().skills(Set.of("PSW")).build();
    MatchExclusion x = onlyExclusion(rank(MatchConfig.ofDefaults(), nursing, psw));
    assertThat(x.reason()).isEqualTo(ExclusionReason.MISSING_SKILL);
    assertThat(x.detail()).isEqualTo("missing LIFT, RN");
  }

  @Test
  void anOverlappingUnavailabilityExcludesAndOneThatEndsAtTheStartDoesNot() {
    history.load(new Unavailability("U1", "E1", Fixture.TORONTO, local("2026-11-20T12:00"), local("2026-11-20T14:30"),
        "Dentist"));
    history.load(new Unavailability("U2", "E2", Fixture.TORONTO, local("2026-11-20T09:00"), local("2026-11-20T14:00"),
        "Dentist"));
    MatchRanking r = rank(MatchConfig.ofDefaults(), friday, caregiver("E1"), caregiver("E2"));
    assertThat(r.exclusion("E1").orElseThrow().detail()).isEqualTo("Dentist Fri 20 Nov 12:00-14:30");
    assertThat(r.score("E2")).isPresent();
  }

  @ParameterizedTest(name = "{0} from {1} for {2} h")
  @CsvSource({
      "SCHEDULED,   2026-11-20T17:59, 2, true",
      "IN_PROGRESS, 2026-11-20T10:00, 4.5, true",
      "SCHEDULED,   2026-11-20T18:00, 2, false",   // starts when the shift ends
      "SCHEDULED,   2026-11-20T12:00, 2, false",   // ends when the shift starts
      "CANCELLED,   2026-11-20T15:00, 2, false",
      "ON_HOLD,     2026-11-20T15:00, 2, false",
      "MISSED,      2026-11-20T15:00, 2, false",
  })
  void onlyABookedOverlappingVisitDoubleBooks(VisitStatus status, String from, double hours, boolean excluded) {
    history.load(booked("V-OTHER", "E1", "C9", from, hours, status));
    MatchRanking r = rank(MatchConfig.ofDefaults(), friday, caregiver("E1"));
    assertThat(r.exclusion("E1").map(MatchExclusion::reason))
        .isEqualTo(excluded ? java.util.Optional.of(ExclusionReason.DOUBLE_BOOKED) : java.util.Optional.empty());
  }

  @Test
  void theShiftItselfDoesNotDoubleBookItsOwnCaregiver() {
    Visit assigned = booked("V-OPEN", "E1", "C1", "2026-11-20T14:00", 4, VisitStatus.SCHEDULED);
    history.load(assigned);
    assertThat(rank(MatchConfig.ofDefaults(), friday, caregiver("E1")).score("E1")).isPresent();
  }

  @Test
  void theOvertimeCapCountsBookedHoursOfThePayWeekInTheRegionsZone() {
    // Mon-Thu 10 h a day = 40 h; Friday's 4 h shift makes 44 h.
    for (int d = 16; d <= 19; d++) {
      history.load(booked("V-" + d, "E1", "C9", "2026-11-" + d + "T07:00", 10, VisitStatus.COMPLETED));
    }
    // A cancelled visit books nothing.
    history.load(booked("V-X", "E1", "C9", "2026-11-21T07:00", 8, VisitStatus.CANCELLED));
    assertThat(rank(MatchConfig.builder().overtimeCapHours(44).build(), friday, caregiver("E1")).score("E1"))
        .isPresent();
    MatchExclusion x = onlyExclusion(rank(MatchConfig.builder().overtimeCapHours(43.5).build(), friday,
        caregiver("E1")));
    assertThat(x.reason()).isEqualTo(ExclusionReason.OVERTIME_CAP);
    assertThat(x.detail()).isEqualTo("40 h booked in the pay week from Mon 16 Nov + 4 h = 44 h, over the 43.5 h cap");
  }

  @Test
  void thePayWeekStartIsConfigurable() {
    // 40 h on Sun 15 to Wed 18: in a Sunday-to-Saturday week they count, in a Monday week only 30 h do.
    for (int d = 15; d <= 18; d++) {
      history.load(booked("V-" + d, "E1", "C9", "2026-11-" + d + "T07:00", 10, VisitStatus.COMPLETED));
    }
    MatchConfig monday = MatchConfig.builder().overtimeCapHours(40).build();
    MatchConfig sunday = MatchConfig.builder().overtimeCapHours(40).payWeekStart(DayOfWeek.SUNDAY).build();
    assertThat(rank(monday, friday, caregiver("E1")).score("E1")).isPresent();
    assertThat(onlyExclusion(rank(sunday, friday, caregiver("E1"))).detail())
        .isEqualTo("40 h booked in the pay week from Sun 15 Nov + 4 h = 44 h, over the 40 h cap");
  }

  @Test
  void aVisitAcrossThePayWeekBoundaryCountsOnlyItsHoursInsideTheWeek() {
    // Sunday 22:00 to Monday 06:00: 2 h in the week of 16 Nov, 6 h in the next.
    history.load(booked("V-NIGHT", "E1", "C9", "2026-11-22T22:00", 8, VisitStatus.SCHEDULED));
    MatchScorer scorer = MatchScorer.create(history, Fixture.CLOCK);
    MatchScore s = scorer.rank(friday, List.of(caregiver("E1"))).scores().get(0);
    assertThat(s.contribution(MatchFactors.OVERTIME_COST).orElseThrow().isNeutral()).isTrue();
    assertThat(history.candidate("E1").bookedHours(local("2026-11-16T00:00"), local("2026-11-23T00:00")))
        .isEqualTo(2.0);
  }

  @Test
  void aShiftAcrossThePayWeekBoundaryIsCheckedAgainstBothWeeks() {
    // 36 h booked in the week of 23 Nov; the shift Sun 22 Nov 20:00 + 8 h puts 4 h in each week.
    for (int d = 23; d <= 26; d++) {
      history.load(booked("V-" + d, "E1", "C9", "2026-11-" + d + "T08:00", 9, VisitStatus.SCHEDULED));
    }
    Visit overnight = shift("V-ON", "2026-11-22T20:00", 8);
    MatchConfig cap = MatchConfig.builder().overtimeCapHours(39).build();
    assertThat(onlyExclusion(rank(cap, overnight, caregiver("E1"))).detail())
        .isEqualTo("36 h booked in the pay week from Mon 23 Nov + 4 h = 40 h, over the 39 h cap");
    assertThat(rank(MatchConfig.builder().overtimeCapHours(40).build(), overnight, caregiver("E1")).score("E1"))
        .isPresent();
  }

  @Test
  void payWeeksFollowTheLocalCalendarAcrossTheDstChange() {
    // Clocks go back on Sunday 1 Nov 2026 in Toronto: the pay week of 26 Oct to 2 Nov lasts 169 h.
    // A visit on Sunday 1 Nov 22:00 local is still in that week (it is 2 Nov 03:00 UTC).
    history.load(booked("V-SUN", "E1", "C9", "2026-11-01T22:00", 1, VisitStatus.COMPLETED));
    Visit saturday = shift("V-SAT", "2026-10-31T10:00", 2);
    double inWeek = history.candidate("E1").bookedHours(local("2026-10-26T00:00"), local("2026-11-02T00:00"));
    assertThat(inWeek).isEqualTo(1.0);
    MatchExclusion x = onlyExclusion(rank(MatchConfig.builder().overtimeCapHours(2.5).build(), saturday,
        caregiver("E1")));
    assertThat(x.detail()).isEqualTo("1 h booked in the pay week from Mon 26 Oct + 2 h = 3 h, over the 2.5 h cap");
  }

  @Test
  void constraintsAreCheckedInOrderAndTheFirstFailureIsReported() {
    Caregiver both = caregiver("E1").toBuilder().active(false).skills(Set.of()).build();
    Visit nursing = friday.toBuilder().requiredSkills(Set.of("RN")).build();
    assertThat(onlyExclusion(rank(MatchConfig.ofDefaults(), nursing, both)).reason())
        .isEqualTo(ExclusionReason.INACTIVE);
  }

  @Test
  void duplicateCandidatesAreRankedOnce() {
    MatchRanking r = rank(MatchConfig.ofDefaults(), friday, caregiver("E1"), caregiver("E1"), caregiver("E2"));
    assertThat(r.scores()).extracting(MatchScore::caregiverId).containsExactly("E1", "E2");
  }

  @Test
  void duplicatesAreRankedOnceWhetherTheHistoryKnowsTheCaregiverOrNot() {
    history.load(booked("V-1", "E1", "C9", "2026-11-16T07:00", 2, VisitStatus.COMPLETED));
    history.load(booked("V-2", "E2", "C9", "2026-11-16T07:00", 2, VisitStatus.COMPLETED));
    MatchRanking r = rank(MatchConfig.ofDefaults(), friday, caregiver("E1"), caregiver("U1"), caregiver("E2"),
        caregiver("E1"), caregiver("U1"), caregiver("E2"));
    assertThat(r.scores()).extracting(MatchScore::caregiverId).containsExactlyInAnyOrder("E1", "E2", "U1");
  }

  @Test
  void theShiftsOwnIndexedVersionIsLeftOutOfThePayWeekEvenWhenItWasMoved() {
    // Mon-Wed 10 h a day = 30 h; the shift itself is indexed for E1 on Thursday (10 h) but is
    // being re-filled on Friday (4 h): 34 h, not 44 h.
    for (int d = 16; d <= 18; d++) {
      history.load(booked("V-" + d, "E1", "C9", "2026-11-" + d + "T07:00", 10, VisitStatus.COMPLETED));
    }
    history.load(booked("V-OPEN", "E1", "C1", "2026-11-19T07:00", 10, VisitStatus.SCHEDULED));
    assertThat(rank(MatchConfig.builder().overtimeCapHours(34).build(), friday, caregiver("E1")).score("E1"))
        .isPresent();
    MatchExclusion x = onlyExclusion(rank(MatchConfig.builder().overtimeCapHours(33.5).build(), friday,
        caregiver("E1")));
    assertThat(x.detail()).isEqualTo("30 h booked in the pay week from Mon 16 Nov + 4 h = 34 h, over the 33.5 h cap");
  }
}
