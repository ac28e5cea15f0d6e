package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallOutPatternRuleTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();
  static final ScheduleIndex INDEX = Fixtures.index(AGENCY, AGENCY.clock());

  @Test
  void findsMariaCallingOutTheLastThreeMondaysAcrossTheDstChange() {
    List<Alert> alerts = CallOutPatternRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), Scope.all());
    // Maria's Mondays: 2, 9 and 16 November; the clocks fell back on Sunday 1 November.
    assertThat(INDEX.callOutsOf(P.mondayCallOut(), Instant.parse("2026-11-02T00:00:00Z"),
        Instant.parse("2026-11-03T00:00:00Z"))).isNotEmpty();
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.message()).isEqualTo("Maria has called out the last 3 Mondays. "
          + "Recommend backup plan for Maria's Monday shifts going forward.");
      assertThat(a.subject()).isEqualTo(Subject.caregiver(P.mondayCallOut(), "MONDAY"));
      assertThat(a.severity()).isEqualTo(Severity.WARNING); // she is booked next Monday
      assertThat(INDEX.visit(a.shiftId()).orElseThrow().localStart().getDayOfWeek()).hasToString("MONDAY");
    });
  }

  @Test
  void staysSilentBelowTheThresholdAndForOthers() {
    assertThat(CallOutPatternRule.builder().minCallOuts(4).build().evaluate(INDEX, AGENCY.clock(), Scope.all()))
        .isEmpty();
    Scope others = Scope.of(Set.of(), Set.of(P.lastMinuteCallOut(), P.nearOvertime()), Set.of(), Set.of());
    assertThat(CallOutPatternRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), others)).isEmpty();
  }

  @Test
  void saysHowManyWhenThePatternIsBroken() {
    ScheduleIndex index = ScheduleIndex.create(AGENCY.clock());
    index.put(Fixtures.caregiver("E1", "Ana"));
    // Call-outs on Fridays 13 and 6 November and 30 October.
    for (String date : List.of("2026-11-13", "2026-11-06", "2026-10-30")) {
      Instant start = LocalDateTime.parse(date + "T09:00").atZone(Fixtures.TORONTO).toInstant();
      index.put(new CallOut("CO-" + date, "E1", "V-" + date, Fixtures.TORONTO, start, start.minusSeconds(3600), "Sick"));
    }
    Clock saturday = Clock.fixed(Instant.parse("2026-11-21T15:00:00Z"), ZoneOffset.UTC);
    // The last Friday (20 Nov) had no call-out: 3 of the last 4, not "the last 3".
    assertThat(CallOutPatternRule.ofDefaults().evaluate(index, saturday, Scope.all())).singleElement()
        .satisfies(a -> assertThat(a.message()).startsWith("Ana has called out on 3 of the last 4 Fridays."));
  }

  @Test
  void aPatternOfACaregiverWhoseRecordAndShiftsAreUnknownIsStillRaisedWithoutARegion() {
    // Only the call-outs are known (the caregiver's record and the shifts quarantined, say):
    // nothing places them in a region, but the pattern is no less real.
    ScheduleIndex index = ScheduleIndex.create(AGENCY.clock());
    for (String date : List.of("2026-11-15", "2026-11-08", "2026-11-01")) {
      // Sunday 9 PM in Toronto (Monday in UTC): the weekday is taken in the call-outs' own zone.
      Instant start = LocalDateTime.parse(date + "T21:00").atZone(Fixtures.TORONTO).toInstant();
      index.put(new CallOut("CO-" + date, "E9", "V-" + date, Fixtures.TORONTO, start, start.minus(Duration.ofHours(2)),
          null));
    }
    assertThat(CallOutPatternRule.ofDefaults().evaluate(index, AGENCY.clock(), Scope.all())).singleElement()
        .satisfies(a -> {
          assertThat(a.regionId()).isEqualTo(Alert.NO_REGION);
          assertThat(a.hasRegion()).isFalse();
          assertThat(a.toString()).contains("region=(none)");
          assertThat(a.subject()).isEqualTo(Subject.caregiver("E9", "SUNDAY"));
          assertThat(a.message()).isEqualTo("caregiver E9 has called out the last 3 Sundays. "
              + "Recommend backup plan for caregiver E9's Sunday shifts going forward.");
        });

    // One of the shifts known: the alert takes its region.
    Instant start = LocalDateTime.parse("2026-11-15T21:00").atZone(Fixtures.TORONTO).toInstant();
    index.put(Fixtures.visit("C1", "E9", LocalDateTime.parse("2026-11-15T21:00"), 2).toBuilder().id("V-2026-11-15")
        .regionId("toronto-east").status(com.optimalworkforce.core.model.VisitStatus.CANCELLED).build());
    assertThat(index.visit("V-2026-11-15").orElseThrow().start()).isEqualTo(start);
    assertThat(CallOutPatternRule.ofDefaults().evaluate(index, AGENCY.clock(), Scope.all())).singleElement()
        .satisfies(a -> assertThat(a.regionId()).isEqualTo("toronto-east"));
  }

  @Test
  void takesTheWeekdayInTheRegionsZone() {
    ScheduleIndex index = ScheduleIndex.create(AGENCY.clock());
    index.put(Fixtures.caregiver("E1", "Ana"));
    // Sunday 9 PM in Toronto is already Monday in UTC.
    for (String date : List.of("2026-11-15", "2026-11-08", "2026-11-01")) {
      Instant start = LocalDateTime.parse(date + "T21:00").atZone(Fixtures.TORONTO).toInstant();
      assertThat(start.atZone(ZoneOffset.UTC).getDayOfWeek()).hasToString("MONDAY");
      index.put(new CallOut("CO-" + date, "E1", "V-" + date, Fixtures.TORONTO, start, start.minus(Duration.ofHours(2)),
          null));
    }
    assertThat(CallOutPatternRule.ofDefaults().evaluate(index, AGENCY.clock(), Scope.all())).singleElement()
        .satisfies(a -> {
          assertThat(a.message()).startsWith("Ana has called out the last 3 Sundays.");
          assertThat(a.severity()).isEqualTo(Severity.INFO); // no Sunday shift booked
        });
  }

  @Test
  void badThresholdsFailWithTheValue() {
    assertThatThrownBy(() -> CallOutPatternRule.builder().minCallOuts(1)).hasMessageContaining("at least 2 but was 1");
    assertThatThrownBy(() -> CallOutPatternRule.builder().lookbackWeeks(2).build())
        .hasMessageContaining("minCallOuts (3) exceeds lookbackWeeks (2)");
  }
}
