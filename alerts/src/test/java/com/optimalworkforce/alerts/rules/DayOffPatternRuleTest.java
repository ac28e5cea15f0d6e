package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayOffPatternRuleTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();

  @Test
  void findsDanielNeedingWednesdaysOff() {
    ScheduleIndex index = Fixtures.index(AGENCY, AGENCY.clock());
    List<Alert> alerts = DayOffPatternRule.ofDefaults().evaluate(index, AGENCY.clock(), Scope.all());
    assertThat(alerts).singleElement().satisfies(a -> {
      // 21 and 28 October, 4, 11 and 18 November, and the coming 25 November.
      assertThat(a.message()).isEqualTo("Daniel has needed Wednesdays off 6 weeks running. "
          + "Consider making Wednesday a standing day off.");
      assertThat(a.subject()).isEqualTo(Subject.caregiver(P.dayOffPattern(), "WEDNESDAY"));
      assertThat(a.severity()).isEqualTo(Severity.INFO);
    });
  }

  @Test
  void warnsWhenTheCaregiverIsBookedOnThatWeekdayAnyway() {
    ScheduleIndex index = Fixtures.index(AGENCY, AGENCY.clock());
    Visit wednesday = Fixtures.visit("C10001", P.dayOffPattern(), LocalDateTime.of(2026, 12, 2, 9, 0), 3);
    index.put(wednesday.toBuilder().regionId("toronto-east").build());
    assertThat(DayOffPatternRule.ofDefaults().evaluate(index, AGENCY.clock(), Scope.all())).singleElement()
        .satisfies(a -> {
          assertThat(a.severity()).isEqualTo(Severity.WARNING);
          assertThat(a.message()).endsWith("Daniel is still booked for the Wednesday 9 AM shift; "
              + "consider a backup and making Wednesday a standing day off.");
        });
  }

  @Test
  void staysSilentForOccasionalDaysOffAndLongLeave() {
    ScheduleIndex index = Fixtures.index(AGENCY, AGENCY.clock());
    assertThat(DayOffPatternRule.builder().minWeeks(7).build().evaluate(index, AGENCY.clock(), Scope.all())).isEmpty();

    // A caregiver of a region with no visits yet: the days are taken in the unavailability's zone.
    ScheduleIndex leave = ScheduleIndex.create(AGENCY.clock());
    leave.put(Fixtures.caregiver("E1", "Ana"));
    // Three weeks of leave covers three of every weekday, but it is a leave, not a pattern.
    var from = LocalDate.of(2026, 10, 26).atStartOfDay(Fixtures.TORONTO).toInstant();
    leave.put(new Unavailability("U1", "E1", Fixtures.TORONTO, from, from.plusSeconds(21 * 86_400), "Vacation"));
    // Two single Tuesdays: below the threshold.
    putDaysOff(leave, "2026-11-10", "2026-11-17");
    assertThat(DayOffPatternRule.ofDefaults().evaluate(leave, AGENCY.clock(), Scope.all())).isEmpty();

    // The same caregiver with a third Tuesday off is a pattern...
    putDaysOff(leave, "2026-11-03");
    assertThat(DayOffPatternRule.ofDefaults().evaluate(leave, AGENCY.clock(), Scope.all())).singleElement()
        .satisfies(a -> assertThat(a.message()).startsWith("Ana has needed Tuesdays off 3 weeks running."));
    // ...and with leave counted as days off (up to 30 days), every weekday of the leave is one.
    assertThat(DayOffPatternRule.builder().leaveLongerThan(Duration.ofDays(30)).build()
        .evaluate(leave, AGENCY.clock(), Scope.all())).hasSize(7);
  }

  @Test
  void aDayCountsOnlyWhenEnoughOfItIsOff() {
    ScheduleIndex index = ScheduleIndex.create(AGENCY.clock());
    index.put(Fixtures.caregiver("E1", "Ana"));
    index.put(Fixtures.visit("C1", "E1", LocalDateTime.of(2026, 11, 23, 9, 0), 3)); // the region's zone, from a visit
    for (String d : List.of("2026-11-03", "2026-11-10", "2026-11-17")) {
      // Tuesday 6 PM to Wednesday 1 AM: 6 hours of the Tuesday, 1 of the Wednesday.
      var start = LocalDateTime.parse(d + "T18:00").atZone(Fixtures.TORONTO).toInstant();
      index.put(new Unavailability("U" + d, "E1", Fixtures.TORONTO, start, start.plusSeconds(7 * 3_600), "Class"));
    }
    assertThat(DayOffPatternRule.ofDefaults().evaluate(index, AGENCY.clock(), Scope.all())).singleElement()
        .satisfies(a -> assertThat(a.subject()).isEqualTo(Subject.caregiver("E1", "TUESDAY")));
    assertThat(DayOffPatternRule.builder().minTimeOff(Duration.ofHours(8)).build()
        .evaluate(index, AGENCY.clock(), Scope.all())).isEmpty();
    assertThat(DayOffPatternRule.builder().minTimeOff(Duration.ofHours(1)).build()
        .evaluate(index, AGENCY.clock(), Scope.all())).extracting(a -> a.subject().qualifier())
        .containsExactlyInAnyOrder("TUESDAY", "WEDNESDAY");
  }

  @Test
  void aCaregiverWhoseRecordIsUnknownIsStillReportedWithoutARegion() {
    // Only the unavailability is known (the caregiver's record quarantined, say).
    ScheduleIndex index = ScheduleIndex.create(AGENCY.clock());
    putDaysOff(index, "2026-11-03", "2026-11-10", "2026-11-17");
    assertThat(DayOffPatternRule.ofDefaults().evaluate(index, AGENCY.clock(), Scope.all())).singleElement()
        .satisfies(a -> {
          assertThat(a.regionId()).isEqualTo(Alert.NO_REGION);
          assertThat(a.subject()).isEqualTo(Subject.caregiver("E1", "TUESDAY"));
          assertThat(a.message()).startsWith("caregiver E1 has needed Tuesdays off 3 weeks running.");
        });
    index.put(Fixtures.caregiver("E1", "Ana"));
    assertThat(DayOffPatternRule.ofDefaults().evaluate(index, AGENCY.clock(), Scope.all())).singleElement()
        .satisfies(a -> assertThat(a.regionId()).isEqualTo(Fixtures.caregiver("E1", "Ana").regionId()));
  }

  private static void putDaysOff(ScheduleIndex index, String... dates) {
    for (String d : dates) {
      var day = LocalDate.parse(d).atStartOfDay(Fixtures.TORONTO).toInstant();
      index.put(new Unavailability("U" + d, "E1", Fixtures.TORONTO, day, day.plusSeconds(86_400), "Appointment"));
    }
  }

  @Test
  void badThresholdsFailWithTheValue() {
    assertThatThrownBy(() -> DayOffPatternRule.builder().minWeeks(1)).hasMessageContaining("at least 2 but was 1");
    assertThatThrownBy(() -> DayOffPatternRule.builder().lookbackWeeks(2).minWeeks(4).build())
        .hasMessageContaining("minWeeks (4) exceeds the 3 weeks");
    assertThatThrownBy(() -> DayOffPatternRule.builder().minTimeOff(Duration.ofHours(25)))
        .hasMessageContaining("minTimeOff must be at most a day (PT24H) but was PT25H");
    assertThatThrownBy(() -> DayOffPatternRule.builder().leaveLongerThan(Duration.ZERO))
        .hasMessageContaining("leaveLongerThan must be positive but was PT0S");
  }
}
