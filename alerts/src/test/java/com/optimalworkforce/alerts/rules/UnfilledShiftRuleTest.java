package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnfilledShiftRuleTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();
  final MutableClock clock = MutableClock.at(AGENCY.now());
  final ScheduleIndex index = Fixtures.index(AGENCY, clock);
  final UnfilledShiftRule rule = UnfilledShiftRule.builder()
      .backups(Backups.fixed(P.fridayAfternoonAccepter(), 85, "accepted 6/7 similar shifts")).build();

  private Map<String, Alert> bySubject(List<Alert> alerts) {
    return alerts.stream().collect(Collectors.toMap(a -> a.subject().id(), a -> a));
  }

  @Test
  void findsTheOpenFridayAfternoonShiftWithSarahFirst() {
    Map<String, Alert> alerts = bySubject(rule.evaluate(index, clock, Scope.all()));
    Alert friday = alerts.get(P.openFridayAfternoonVisit());
    assertThat(friday).isNotNull();
    assertThat(friday.message()).matches(
        "Friday 2 PM shift with M(r|rs|s)\\. \\w+ unfilled - Sarah has 85% match \\(accepted 6/7 similar shifts\\)\\. Try Sarah first\\?");
    assertThat(friday.severity()).isEqualTo(Severity.WARNING); // 4 hours ahead
    assertThat(friday.recommended()).extracting(Recommendation::caregiverId).containsExactly(P.fridayAfternoonAccepter());
    assertThat(friday.shift()).contains(P.openFridayAfternoonVisit());
    assertThat(friday.regionId()).isEqualTo("toronto-east");
    // A day ahead is INFO; every alert is about a live shift with nobody on it.
    assertThat(alerts.get(P.openSaturdayMorningVisit()).severity()).isEqualTo(Severity.INFO);
    assertThat(alerts.get(P.openSaturdayMorningVisit()).message()).startsWith("Saturday 7 AM shift with Mrs. Anderson unfilled");
    assertThat(alerts.keySet()).allSatisfy(id -> assertThat(index.visit(id).orElseThrow().isUnfilled()).isTrue());
  }

  @ParameterizedTest
  @CsvSource({
      "PT0S, WARNING", // 10:00, starts 14:00
      "PT1H30M, URGENT", // 11:30, within 3 hours
      "PT4H30M, URGENT", // 14:30: started 30 minutes ago and still empty
      "PT5H30M, ''", // 15:30: started 90 minutes ago, past the overdue window
  })
  void escalatesAsTheStartNears(Duration later, String expected) {
    clock.advance(later);
    Alert friday = bySubject(rule.evaluate(index, clock, Scope.all())).get(P.openFridayAfternoonVisit());
    if (expected.isEmpty()) {
      assertThat(friday).isNull();
    } else {
      assertThat(friday.severity()).isEqualTo(Severity.valueOf(expected));
    }
  }

  @Test
  void staysSilentForFilledShiftsAndShiftsBeyondTheHorizon() {
    Visit friday = index.visit(P.openFridayAfternoonVisit()).orElseThrow();
    Visit filled = friday.toBuilder().caregiverId(P.fridayAfternoonAccepter()).status(VisitStatus.SCHEDULED).build();
    index.apply(Change.updated(friday, filled));
    UnfilledShiftRule shortHorizon = UnfilledShiftRule.builder().horizon(Duration.ofHours(12)).build();
    Set<String> subjects = bySubject(shortHorizon.evaluate(index, clock, Scope.all())).keySet();
    assertThat(subjects).doesNotContain(P.openFridayAfternoonVisit(), P.openSaturdayMorningVisit());
    assertThat(subjects).allSatisfy(id ->
        assertThat(index.visit(id).orElseThrow().start()).isBefore(clock.instant().plus(Duration.ofHours(12))));
  }

  @Test
  void withoutBackupsSaysSoAndWhenItStarts() {
    Alert friday = bySubject(UnfilledShiftRule.ofDefaults().evaluate(index, clock, Scope.all()))
        .get(P.openFridayAfternoonVisit());
    assertThat(friday.message()).endsWith("unfilled - no backup found yet. Starts in 4 hours.");
    assertThat(friday.recommended()).isEmpty();
  }

  @Test
  void aScopedRunLooksOnlyAtTheShiftsInScope() {
    Scope scope = Scope.of(Set.of(P.openSaturdayMorningVisit(), P.saturdayMorningClient()), Set.of(), Set.of(), Set.of());
    assertThat(rule.evaluate(index, clock, scope)).extracting(a -> a.subject().id())
        .containsExactly(P.openSaturdayMorningVisit());
  }

  @Test
  void namesAShiftThatCrossesMidnightByItsLocalStart() {
    ScheduleIndex small = ScheduleIndex.create(clock);
    small.put(Fixtures.client("C1", "Mr.", "Okafor"));
    Visit overnight = Fixtures.visit("C1", null, LocalDateTime.of(2026, 11, 20, 23, 0), 8);
    small.put(overnight);
    Alert alert = UnfilledShiftRule.ofDefaults().evaluate(small, clock, Scope.all()).get(0);
    assertThat(alert.message()).startsWith("Friday 11 PM shift with Mr. Okafor unfilled");
  }

  @Test
  void badThresholdsFailWithTheValue() {
    assertThatThrownBy(() -> UnfilledShiftRule.builder().horizon(Duration.ofHours(-1)))
        .hasMessageContaining("horizon must be positive but was PT-1H");
    assertThatThrownBy(() -> UnfilledShiftRule.builder().urgentWithin(Duration.ofHours(10)).build())
        .hasMessageContaining("urgentWithin <= warningWithin <= horizon").hasMessageContaining("PT10H");
  }
}
