package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class CapacityRuleTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final ScheduleIndex INDEX = Fixtures.index(AGENCY, AGENCY.clock());
  static final LocalDate THIS_WEEK = LocalDate.of(2026, 11, 16);

  /** 2,150 hours this week in Toronto East: 215 ten-hour visits between Monday and Wednesday. */
  private static ScheduleIndex week(double hoursPerPastWeek, int pastWeeks) {
    ScheduleIndex index = ScheduleIndex.create(AGENCY.clock());
    List<Visit> visits = new ArrayList<>();
    for (int i = 0; i < 215; i++) {
      visits.add(Fixtures.visit("C1", "E" + i, LocalDateTime.of(2026, 11, 16 + i % 3, 6, 0), 10));
    }
    for (int w = 1; w <= pastWeeks; w++) {
      visits.add(Fixtures.visit("C1", null, LocalDateTime.of(2026, 11, 16, 6, 0).minusWeeks(w), hoursPerPastWeek));
    }
    index.putAll(visits);
    return index;
  }

  @Test
  void comparesThisWeekWithTheConfiguredCapacityAndHiringTrigger() {
    CapacityRule rule = CapacityRule.builder().capacity("toronto-east", 2_290).hiringTrigger("toronto-east", 2_200)
        .build();
    assertThat(rule.evaluate(week(0, 0), AGENCY.clock(), Scope.all())).singleElement().satisfies(a -> {
      assertThat(a.message()).isEqualTo("You're at 94% of typical capacity this week (2,150 hours). "
          + "Consider hiring trigger at 2,200 weekly hours.");
      assertThat(a.severity()).isEqualTo(Severity.INFO);
      assertThat(a.subject()).isEqualTo(Subject.region("toronto-east", "2026-11-16"));
    });
  }

  @Test
  void usesTheTrailingMedianOfScheduledHoursWhenNotConfigured() {
    // Past weeks of 150 hours (a single 150-hour record each): median 150, so 2,150 is far past it.
    List<Alert> alerts = CapacityRule.ofDefaults().evaluate(week(150, 3), AGENCY.clock(), Scope.all());
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.message()).isEqualTo("You're at 1433% of typical capacity this week (2,150 hours), "
          + "past the hiring trigger of 140 weekly hours. Consider hiring.");
      assertThat(a.severity()).isEqualTo(Severity.WARNING);
    });
  }

  @Test
  void findsTheSyntheticAgencyNearItsTypicalWeek() {
    List<Alert> alerts = CapacityRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), Scope.all());
    SortedMap<LocalDate, Double> weekly = INDEX.weeklyHours("toronto-east");
    double[] past = weekly.headMap(THIS_WEEK).values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = (past[1] + past[2]) / 2;
    long percent = Math.round(100 * weekly.get(THIS_WEEK) / median);
    assertThat(past).hasSize(4);
    assertThat(alerts).anySatisfy(a -> {
      assertThat(a.regionId()).isEqualTo("toronto-east");
      assertThat(a.message()).startsWith("You're at " + percent + "% of typical capacity this week ("
          + Math.round(weekly.get(THIS_WEEK)) + " hours)");
    });
    assertThat(Arrays.stream(past).min().orElseThrow()).isPositive();
  }

  @Test
  void staysSilentWellUnderCapacityOrWithoutEnoughHistory() {
    assertThat(CapacityRule.builder().capacity("toronto-east", 10_000).build()
        .evaluate(week(0, 0), AGENCY.clock(), Scope.all())).isEmpty();
    assertThat(CapacityRule.ofDefaults().evaluate(week(150, 2), AGENCY.clock(), Scope.all()))
        .as("two weeks of history are not enough for a median").isEmpty();
    assertThat(CapacityRule.ofDefaults().evaluate(week(3_000, 5), AGENCY.clock(), Scope.all()))
        .as("72% of typical").isEmpty();
  }

  @Test
  void aScopedRunChecksOnlyTheRegionsInScope() {
    Scope vancouver = Scope.of(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of("vancouver"));
    assertThat(CapacityRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), vancouver)).isNotEmpty()
        .allSatisfy(a -> assertThat(a.regionId()).isEqualTo("vancouver"));
    Scope nowhere = Scope.of(java.util.Set.of("V1"), java.util.Set.of(), java.util.Set.of(), java.util.Set.of());
    assertThat(CapacityRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), nowhere)).isEmpty();
  }

  @Test
  void withConfiguredCapacityFindsTheRegionNearItAndStaysSilentForTheOneWellUnder() {
    double east = INDEX.weeklyHours("toronto-east").get(THIS_WEEK);
    double west = INDEX.weeklyHours("vancouver").get(THIS_WEEK);
    long trigger = 10 * Math.round(east / 10) + 50;
    CapacityRule rule = CapacityRule.builder().capacity("toronto-east", east / 0.92).hiringTrigger("toronto-east", trigger)
        .capacity("vancouver", west / 0.75).build();
    assertThat(rule.evaluate(INDEX, AGENCY.clock(), Scope.all())).singleElement().satisfies(a -> {
      assertThat(a.regionId()).isEqualTo("toronto-east");
      assertThat(a.message()).isEqualTo("You're at 92% of typical capacity this week (" + Math.round(east)
          + " hours). Consider hiring trigger at " + trigger + " weekly hours.");
      assertThat(a.severity()).isEqualTo(Severity.INFO);
    });
  }

  @Test
  void badThresholdsFailWithTheValue() {
    assertThatThrownBy(() -> CapacityRule.builder().alertAt(0)).hasMessageContaining("alertAt must be within (0, 2] but was 0.0");
    assertThatThrownBy(() -> CapacityRule.builder().capacity("east", -5)).hasMessageContaining("capacity of east")
        .hasMessageContaining("-5.0");
  }
}
