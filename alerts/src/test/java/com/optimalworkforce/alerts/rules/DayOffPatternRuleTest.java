package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
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

    ScheduleIndex leave = ScheduleIndex.create(AGENCY.clock());
    leave.put(Fixtures.caregiver("E1", "Ana"));
    // Three weeks of leave covers three Wednesdays, but it is a leave, not a pattern.
    var from = LocalDate.of(2026, 10, 26).atStartOfDay(Fixtures.TORONTO).toInstant();
    leave.put(new Unavailability("U1", "E1", Fixtures.TORONTO, from, from.plusSeconds(21 * 86_400), "Vacation"));
    // Two single Tuesdays: below the threshold.
    for (String d : List.of("2026-11-10", "2026-11-17")) {
      var day = LocalDate.parse(d).atStartOfDay(Fixtures.TORONTO).toInstant();
      leave.put(new Unavailability("U" + d, "E1", Fixtures.TORONTO, day, day.plusSeconds(86_400), "Appointment"));
    }
    assertThat(DayOffPatternRule.ofDefaults().evaluate(leave, AGENCY.clock(), Scope.all())).isEmpty();
  }

  @Test
  void badThresholdsFailWithTheValue() {
    assertThatThrownBy(() -> DayOffPatternRule.builder().minWeeks(1)).hasMessageContaining("at least 2 but was 1");
    assertThatThrownBy(() -> DayOffPatternRule.builder().lookbackWeeks(2).minWeeks(4).build())
        .hasMessageContaining("minWeeks (4) exceeds the 3 weeks");
  }
}
