package com.optimalworkforce.alerts.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleIndexTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();

  @Test
  void indexesTheAgencyByStartCaregiverClientAndPayWeek() {
    ScheduleIndex index = Fixtures.index(AGENCY, AGENCY.clock());
    Instant now = AGENCY.now();
    // Tom's Saturday 10 AM is exactly a day ahead; ranges are half-open.
    List<String> open = index.unfilledStarting(now, now.plus(Duration.ofDays(1)).plusSeconds(1)).stream()
        .map(Visit::id).toList();
    assertThat(open).contains(P.openFridayAfternoonVisit(), P.openSaturdayMorningVisit(), P.lastMinuteOpenVisit());
    assertThat(index.visitsStarting(now, now.plus(Duration.ofDays(1))))
        .isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()))
        .allSatisfy(v -> assertThat(v.start()).isBetween(now, now.plus(Duration.ofDays(1))));
    LocalDate thisWeek = index.payCalendar().weekOf(now, Fixtures.TORONTO);
    assertThat(thisWeek).isEqualTo(LocalDate.of(2026, 11, 16));
    assertThat(index.hoursOf(P.nearOvertime(), thisWeek)).isEqualTo(42.0);
    assertThat(index.hoursByCaregiver(thisWeek)).containsEntry(P.nearOvertime(), 42.0);
    assertThat(index.visitsFor(P.saturdayMorningClient(), now, now.plus(Duration.ofDays(2))))
        .extracting(Visit::id).contains(P.openSaturdayMorningVisit());
    assertThat(index.callOutsOf(P.mondayCallOut(), now.minus(Duration.ofDays(28)), now)).hasSize(6);
    assertThat(index.vacancy(P.lastMinuteOpenVisit())).hasValueSatisfying(v -> {
      assertThat(v.previousCaregiverId()).isEqualTo(P.lastMinuteCallOut());
      assertThat(v.openedAt()).isEqualTo(now.minus(Duration.ofMinutes(45)));
    });
    assertThat(index.regionIds()).containsExactlyInAnyOrder("toronto-east", "vancouver");
    assertThat(index.weeklyHours("toronto-east")).containsKey(thisWeek);
  }

  @Test
  void changesUpdateEveryIndexAndTotal() {
    MutableClock clock = MutableClock.at(AGENCY.now());
    ScheduleIndex index = Fixtures.index(AGENCY, clock);
    LocalDate nextWeek = LocalDate.of(2026, 11, 23);
    Visit johnsThursday = index.visitsOf(P.nearOvertime(), Instant.parse("2026-11-26T22:00:00Z"),
        Instant.parse("2026-11-26T23:00:00Z")).get(0);
    double regionBefore = index.weeklyHours("toronto-east").get(nextWeek);
    long versionBefore = index.version();

    Visit opened = johnsThursday.toBuilder().caregiverId(null).status(VisitStatus.OPEN).build();
    clock.advance(Duration.ofMinutes(5));
    index.onChanges(List.of(Change.updated(johnsThursday, opened)));

    assertThat(index.hoursOf(P.nearOvertime(), nextWeek)).isEqualTo(38.0);
    assertThat(index.unfilledStarting(opened.start(), opened.end())).extracting(Visit::id).contains(opened.id());
    assertThat(index.visitsOf(P.nearOvertime(), opened.start(), opened.end())).isEmpty();
    assertThat(index.vacancy(opened.id())).hasValueSatisfying(v -> {
      assertThat(v.previousCaregiverId()).isEqualTo(P.nearOvertime());
      assertThat(v.openedAt()).isEqualTo(clock.instant());
    });
    assertThat(index.weeklyHours("toronto-east").get(nextWeek)).isEqualTo(regionBefore); // open hours still scheduled
    assertThat(index.version()).isGreaterThan(versionBefore);

    Visit cancelled = opened.toBuilder().status(VisitStatus.CANCELLED).build();
    index.apply(Change.updated(opened, cancelled));
    assertThat(index.weeklyHours("toronto-east").get(nextWeek)).isEqualTo(regionBefore - 4.0);
    assertThat(index.unfilledStarting(opened.start(), opened.end())).extracting(Visit::id).doesNotContain(opened.id());
    assertThat(index.vacancy(opened.id())).isEmpty();

    index.remove(cancelled.key());
    assertThat(index.visit(cancelled.id())).isEmpty();
    assertThat(index.visitsFor(cancelled.clientId(), cancelled.start(), cancelled.end())).isEmpty();
  }

  @Test
  void incrementalChangesGiveTheSameIndexAsARebuild() {
    SyntheticAgency agency = SyntheticAgency.builder().seed(9).regions(2).clients(60).caregivers(30)
        .weeksOfHistory(3).weeksAhead(1).build();
    ScheduleIndex incremental = Fixtures.index(agency, agency.clock());
    // Move 5% of the future visits, delete a few, take the caregiver off others.
    List<Change> changes = new ArrayList<>();
    List<Visit> before = agency.visits().toList();
    agency.changeVisits(v -> v.start().isAfter(agency.now()), 0.05, 3);
    agency.deleteVisits(v -> v.start().isAfter(agency.now()), 5, 4);
    for (Visit v : before) {
      var after = agency.visit(v.id());
      if (after.isEmpty()) {
        changes.add(Change.deleted(v));
      } else if (!after.get().equals(v)) {
        changes.add(Change.updated(v, after.get()));
      }
    }
    for (Visit v : before.stream().filter(v -> v.caregiverId() != null && v.status() == VisitStatus.SCHEDULED)
        .limit(20).toList()) {
      Visit open = agency.visit(v.id()).orElse(v).toBuilder().caregiverId(null).status(VisitStatus.OPEN).build();
      agency.put(open);
      changes.add(Change.updated(agency.visit(v.id()).orElse(v), open));
    }
    incremental.onChanges(changes);
    ScheduleIndex rebuilt = Fixtures.index(agency, agency.clock());

    Instant from = agency.window().from();
    Instant to = agency.window().to();
    assertThat(incremental.visitCount()).isEqualTo(rebuilt.visitCount());
    assertThat(incremental.visitsStarting(from, to)).isEqualTo(rebuilt.visitsStarting(from, to));
    assertThat(incremental.unfilledStarting(from, to)).isEqualTo(rebuilt.unfilledStarting(from, to));
    for (String region : rebuilt.regionIds()) {
      assertThat(incremental.weeklyHours(region)).allSatisfy((week, h) ->
          assertThat(h).isCloseTo(rebuilt.weeklyHours(region).getOrDefault(week, 0.0), org.assertj.core.data.Offset.offset(1e-6)));
    }
    for (Caregiver c : agency.caregivers()) {
      for (LocalDate week = agency.firstMonday(); week.isBefore(agency.firstMonday().plusWeeks(6)); week = week.plusWeeks(1)) {
        assertThat(incremental.hoursOf(c.id(), week)).as("%s in %s", c.id(), week)
            .isCloseTo(rebuilt.hoursOf(c.id(), week), org.assertj.core.data.Offset.offset(1e-6));
      }
      assertThat(incremental.visitsOf(c.id(), from, to)).isEqualTo(rebuilt.visitsOf(c.id(), from, to));
    }
  }

  @Test
  void shiftsCrossingMidnightAndThePayWeekAreSplitInRealHoursAcrossDst() {
    ScheduleIndex index = ScheduleIndex.create(Clockless.CLOCK);
    index.put(Fixtures.caregiver("E1", "Ana"));
    // Saturday 31 Oct 22:00 to Sunday 1 Nov 06:00 in Toronto: the clocks fall back at 2 AM, 9 real hours.
    Visit fallBack = Fixtures.visit("C1", "E1", LocalDateTime.of(2026, 10, 31, 22, 0), 9);
    // Sunday 1 Nov 22:00 to Monday 2 Nov 06:00: 2 hours in the week of Oct 26, 6 in the week of Nov 2.
    Visit crossesWeek = Fixtures.visit("C1", "E1", LocalDateTime.of(2026, 11, 1, 22, 0), 8);
    index.putAll(List.of(fallBack, crossesWeek));

    assertThat(fallBack.localEnd().toLocalTime()).hasToString("06:00");
    assertThat(index.hoursOf("E1", LocalDate.of(2026, 10, 26))).isEqualTo(11.0);
    assertThat(index.hoursOf("E1", LocalDate.of(2026, 11, 2))).isEqualTo(6.0);
    // Region hours count each visit in the week it starts.
    assertThat(index.weeklyHours("toronto-east")).containsEntry(LocalDate.of(2026, 10, 26), 17.0);
  }

  @Test
  void payWeeksCanStartOnAnotherDay() {
    ScheduleIndex index = ScheduleIndex.builder().clock(Clockless.CLOCK)
        .payCalendar(PayCalendar.startingOn(DayOfWeek.SUNDAY)).build();
    index.put(Fixtures.visit("C1", "E1", LocalDateTime.of(2026, 11, 1, 22, 0), 8)); // Sun 22:00 - Mon 06:00
    assertThat(index.hoursOf("E1", LocalDate.of(2026, 11, 1))).isEqualTo(8.0);
    assertThat(index.payCalendar().weekOf(Instant.parse("2026-11-21T12:00:00Z"), Fixtures.TORONTO))
        .isEqualTo(LocalDate.of(2026, 11, 15));
  }

  @Test
  void badQueriesAreRefused() {
    ScheduleIndex index = ScheduleIndex.create(Clockless.CLOCK);
    Instant t = Instant.parse("2026-11-20T15:00:00Z");
    assertThatThrownBy(() -> index.visitsStarting(t, t.minusSeconds(1))).hasMessageContaining("is before its start");
    assertThatThrownBy(() -> ScheduleIndex.builder().build()).hasMessageContaining("a clock is required");
    assertThatThrownBy(() -> index.put(null)).isInstanceOf(NullPointerException.class);
    index.remove(RecordKey.of(EntityType.VISIT, "nope")); // a no-op
    assertThat(index.visitCount()).isZero();
  }

  /** A fixed clock for tests where "now" does not matter. */
  static final class Clockless {
    static final java.time.Clock CLOCK = java.time.Clock.fixed(SyntheticAgency.DEFAULT_NOW, java.time.ZoneOffset.UTC);
  }
}
