package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.view.PayCalendar;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OvertimeRiskRuleTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();
  static final ScheduleIndex INDEX = Fixtures.index(AGENCY, AGENCY.clock());

  private static List<Alert> about(List<Alert> alerts, String caregiverId) {
    return alerts.stream().filter(a -> a.subject().id().equals(caregiverId)).toList();
  }

  @Test
  void findsJohnAt42HoursAndPicksTheThursdayEveningShiftForABackup() {
    List<Alert> john = about(OvertimeRiskRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), Scope.all()), P.nearOvertime());
    assertThat(john).extracting(a -> a.subject().qualifier()).containsExactlyInAnyOrder("2026-11-16", "2026-11-23");
    Alert next = john.stream().filter(a -> a.subject().qualifier().equals("2026-11-23")).findFirst().orElseThrow();
    assertThat(next.message()).isEqualTo("John scheduled 42 hours next week, approaching OT threshold (45 hrs). "
        + "Consider backup for the Thursday evening shift.");
    assertThat(next.severity()).isEqualTo(Severity.INFO);
    Visit thursday = INDEX.visit(next.shiftId()).orElseThrow();
    assertThat(thursday.localStart().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
    assertThat(thursday.localStart().getHour()).isEqualTo(17);
    // Friday 10 AM: John's last shift of this week is under way, so there is nothing left to move.
    Alert current = john.stream().filter(a -> a.subject().qualifier().equals("2026-11-16")).findFirst().orElseThrow();
    assertThat(current.message()).isEqualTo("John scheduled 42 hours this week, approaching OT threshold (45 hrs). "
        + "Avoid booking John for more shifts this week.");
  }

  @Test
  void staysSilentBelowTheMarginAndForCaregiversWellUnderIt() {
    OvertimeRiskRule strict = OvertimeRiskRule.builder().threshold(50).margin(4).build();
    assertThat(about(strict.evaluate(INDEX, AGENCY.clock(), Scope.all()), P.nearOvertime())).isEmpty();
    List<Alert> all = OvertimeRiskRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), Scope.all());
    assertThat(all).allSatisfy(a -> assertThat(INDEX.hoursOf(a.subject().id(),
        java.time.LocalDate.parse(a.subject().qualifier()))).isGreaterThanOrEqualTo(41.0));
    assertThat(about(all, P.saturdayRegular())).isEmpty();
  }

  @Test
  void aScopedRunChecksOnlyTheCaregiversInScope() {
    Scope onlyEmma = Scope.of(Set.of(), Set.of(P.saturdayRegular()), Set.of(), Set.of());
    assertThat(OvertimeRiskRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), onlyEmma)).isEmpty();
    Scope onlyJohn = Scope.of(Set.of(), Set.of(P.nearOvertime()), Set.of(), Set.of());
    assertThat(OvertimeRiskRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), onlyJohn)).hasSize(2)
        .allSatisfy(a -> assertThat(a.subject().id()).isEqualTo(P.nearOvertime()));
  }

  /** Four 8-hour days and an overnight across the fall-back: 40 hours on the wall clock, 41 real ones. */
  private static ScheduleIndex dstWeek(PayCalendar pay) {
    ScheduleIndex index = ScheduleIndex.builder().payCalendar(pay).clock(Clock.systemUTC()).build();
    index.put(Fixtures.caregiver("E1", "Ana"));
    index.put(Fixtures.client("C1", "Mrs.", "Ortiz"));
    List<Visit> visits = new ArrayList<>();
    for (int d = 26; d <= 29; d++) {
      visits.add(Fixtures.visit("C1", "E1", LocalDateTime.of(2026, 10, d, 8, 0), 8));
    }
    visits.add(Fixtures.visit("C1", "E1", LocalDateTime.of(2026, 10, 31, 22, 0), 9)); // Sat 22:00 - Sun 06:00
    index.putAll(visits);
    return index;
  }

  @Test
  void countsTheExtraHourOfTheFallBackNight() {
    Clock mondayMorning = Clock.fixed(LocalDateTime.of(2026, 10, 26, 6, 0).atZone(Fixtures.TORONTO).toInstant(),
        ZoneOffset.UTC);
    List<Alert> alerts = OvertimeRiskRule.ofDefaults().evaluate(dstWeek(PayCalendar.ofDefaults()), mondayMorning,
        Scope.all());
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.message()).startsWith("Ana scheduled 41 hours this week, approaching OT threshold (45 hrs).")
          .endsWith("Consider backup for the Monday morning shift.");
      assertThat(a.subject().qualifier()).isEqualTo("2026-10-26");
    });
  }

  @Test
  void aPayWeekStartingOnSaturdayCountsTheOvernightInTheNextWeek() {
    Clock mondayMorning = Clock.fixed(LocalDateTime.of(2026, 10, 26, 6, 0).atZone(Fixtures.TORONTO).toInstant(),
        ZoneOffset.UTC);
    assertThat(OvertimeRiskRule.ofDefaults().evaluate(dstWeek(PayCalendar.startingOn(DayOfWeek.SATURDAY)),
        mondayMorning, Scope.all())).isEmpty(); // 32 hours in the week of Sat 24 Oct, 9 in the next
  }

  @Test
  void checksBookedHoursEvenWhenTheCaregiversRecordIsMissing() {
    // Six 8-hour days this week for E9, whose caregiver record never arrived (quarantined, say).
    ScheduleIndex index = ScheduleIndex.create(Clock.systemUTC());
    for (int d = 16; d <= 21; d++) {
      index.put(Fixtures.visit("C1", "E9", LocalDateTime.of(2026, 11, d, 8, 0), 8));
    }
    Clock wednesday = Clock.fixed(LocalDateTime.of(2026, 11, 18, 6, 0).atZone(Fixtures.TORONTO).toInstant(),
        ZoneOffset.UTC);
    for (Scope scope : List.of(Scope.all(), Scope.of(Set.of(), Set.of("E9"), Set.of(), Set.of()))) {
      assertThat(OvertimeRiskRule.ofDefaults().evaluate(index, wednesday, scope)).singleElement().satisfies(a -> {
        assertThat(a.message()).isEqualTo("caregiver E9 scheduled 48 hours this week, over OT threshold (45 hrs). "
            + "Consider backup for the Wednesday morning shift.");
        assertThat(a.regionId()).isEqualTo("toronto-east");
        assertThat(a.severity()).isEqualTo(Severity.WARNING);
      });
    }
  }

  @Test
  void badThresholdsFailWithTheValue() {
    assertThatThrownBy(() -> OvertimeRiskRule.builder().threshold(-3)).hasMessageContaining("was -3.0");
    assertThatThrownBy(() -> OvertimeRiskRule.builder().threshold(4).margin(4).build())
        .hasMessageContaining("margin (4.0) must be below the threshold (4.0)");
  }
}
