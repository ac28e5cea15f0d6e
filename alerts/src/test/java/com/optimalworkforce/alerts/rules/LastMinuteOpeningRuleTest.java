package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastMinuteOpeningRuleTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();
  final MutableClock clock = MutableClock.at(AGENCY.now());
  final ScheduleIndex index = Fixtures.index(AGENCY, clock);
  final BackupFinder backups = Backups.fixed(P.priorityBackups().get(0), 90, "", P.priorityBackups().get(1), 85, "",
      P.priorityBackups().get(2), 78, "");

  @Test
  void findsTomsSaturdayShiftWithMrDavisAndItsPriorityBackups() {
    List<Alert> alerts = LastMinuteOpeningRule.builder().backups(backups).build().evaluate(index, clock, Scope.all());
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.message()).isEqualTo("Tom's Saturday 10 AM shift with Mr. Davis now open. "
          + "Priority backups: Lisa (90%), Rachel (85%), Mike (78%)");
      assertThat(a.subject()).isEqualTo(Subject.shift(P.lastMinuteOpenVisit()));
      assertThat(a.severity()).isEqualTo(Severity.WARNING);
      assertThat(a.recommended()).extracting(Recommendation::caregiverId).containsExactlyElementsOf(P.priorityBackups());
    });
  }

  @Test
  void onTheDayOfTheShiftTheMessageIsTheOneSchedulersKnow() {
    clock.advance(Duration.ofHours(20)); // Saturday 6 AM: Tom's 10 AM shift is today, 4 hours away
    assertThat(LastMinuteOpeningRule.builder().backups(backups).build().evaluate(index, clock, Scope.all()))
        .singleElement().satisfies(a -> {
          assertThat(a.message()).isEqualTo(
              "Tom's 10 AM shift with Mr. Davis now open. Priority backups: Lisa (90%), Rachel (85%), Mike (78%)");
          assertThat(a.severity()).isEqualTo(Severity.WARNING);
        });
    clock.advance(Duration.ofHours(2)); // 8 AM: within 3 hours
    assertThat(LastMinuteOpeningRule.builder().backups(backups).build().evaluate(index, clock, Scope.all()))
        .singleElement().satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.URGENT));
  }

  @Test
  void staysSilentForShiftsThatWereNeverStaffedOrOpenedLongAgo() {
    // Tom called out 45 minutes ago; the Friday and Saturday 7 AM shifts were never staffed.
    assertThat(LastMinuteOpeningRule.builder().openedWithin(Duration.ofMinutes(30)).build()
        .evaluate(index, clock, Scope.all())).isEmpty();
    clock.advance(Duration.ofHours(25));
    assertThat(LastMinuteOpeningRule.ofDefaults().evaluate(index, clock, Scope.all()))
        .noneMatch(a -> a.subject().id().equals(P.lastMinuteOpenVisit()));
  }

  @Test
  void findsAShiftASyncJustOpenedAndLeavesOutTheWeekdayForToday() {
    Visit johnsFriday = index.visitsOf(P.nearOvertime(), Instant.parse("2026-11-20T13:00:00Z"),
        Instant.parse("2026-11-20T14:00:00Z")).get(0); // 8 AM to 4 PM, under way
    Visit later = johnsFriday.toBuilder().start(Instant.parse("2026-11-20T21:00:00Z"))
        .end(Instant.parse("2026-11-21T01:00:00Z")).build();
    index.apply(Change.updated(johnsFriday, later));
    clock.advance(Duration.ofMinutes(10));
    Visit open = later.toBuilder().caregiverId(null).status(VisitStatus.OPEN).build();
    index.apply(Change.updated(later, open));
    clock.advance(Duration.ofMinutes(5));
    Scope scope = Scope.affectedBy(List.of(Change.updated(later, open)));
    List<Alert> alerts = LastMinuteOpeningRule.ofDefaults().evaluate(index, clock, scope);
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.message()).matches("John's 4 PM shift with M(r|rs|s)\\. \\w+ now open\\. "
          + "No backup found yet; it starts in 6 hours\\.");
      assertThat(a.subject().id()).isEqualTo(open.id());
    });
  }
}
