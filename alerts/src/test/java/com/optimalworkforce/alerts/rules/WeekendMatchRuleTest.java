package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeekendMatchRuleTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();
  static final ScheduleIndex INDEX = Fixtures.index(AGENCY, AGENCY.clock());

  /** A caregiver of the first region who is none of the profiles. */
  static String other() {
    return AGENCY.caregivers().stream().filter(c -> c.regionId().equals("toronto-east")).map(Caregiver::id)
        .filter(id -> id.compareTo("E5022") > 0).findFirst().orElseThrow();
  }

  @Test
  void findsTheOpenSaturdayMorningWithMrsAndersonAndEmmasContinuity() {
    WeekendMatchRule rule = WeekendMatchRule.builder()
        .backups(Backups.fixed(P.saturdayRegular(), 92, "", other(), 88, "")).build();
    List<Alert> alerts = rule.evaluate(INDEX, AGENCY.clock(), Scope.all());
    Alert saturday = alerts.stream().filter(a -> a.subject().id().equals(P.openSaturdayMorningVisit())).findFirst()
        .orElseThrow();
    String otherName = INDEX.caregiver(other()).orElseThrow().name().given();
    // Four Saturdays of history; Emma missed the first one. She also sees Mrs. Anderson on Sundays.
    assertThat(saturday.message()).startsWith("Saturday 7 AM with Mrs. Anderson. Best matches: "
        + "Emma (92% - worked 3/4 Saturdays, knows Mrs. Anderson), " + otherName + " (88%");
    assertThat(saturday.severity()).isEqualTo(Severity.INFO);
    assertThat(alerts).allSatisfy(a -> assertThat(INDEX.visit(a.shiftId()).orElseThrow().localStart().getDayOfWeek())
        .isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
  }

  @Test
  void namesCandidatesWithContinuityBeforeBetterScoredStrangers() {
    List<String> backups = P.priorityBackups(); // Lisa, Rachel, Mike
    WeekendMatchRule rule = WeekendMatchRule.builder().backups(Backups.fixed(backups.get(0), 89, "", backups.get(2), 67,
        "", P.fridayAfternoonAccepter(), 67, "", P.saturdayRegular(), 60, "")).build();
    Alert saturday = rule.evaluate(INDEX, AGENCY.clock(), Scope.all()).stream()
        .filter(a -> a.subject().id().equals(P.openSaturdayMorningVisit())).findFirst().orElseThrow();
    // Lisa worked 2 of the 4 Saturdays; Mike and Sarah none; Emma 3 and she knows Mrs. Anderson.
    assertThat(saturday.message()).isEqualTo("Saturday 7 AM with Mrs. Anderson. Best matches: "
        + "Lisa (89% - worked 2/4 Saturdays), Emma (60% - worked 3/4 Saturdays, knows Mrs. Anderson)");
    assertThat(saturday.recommended()).extracting(Recommendation::caregiverId)
        .containsExactly(backups.get(0), P.saturdayRegular());
  }

  @Test
  void theContinuityShareIsASetting() {
    List<String> backups = P.priorityBackups(); // Lisa worked 2 of the 4 Saturdays, Mike none
    String other = other(); // worked all 4
    BackupFinder finder = Backups.fixed(backups.get(2), 80, "", backups.get(0), 70, "", other, 60, "");
    java.util.function.Function<WeekendMatchRule, List<String>> picked = rule -> rule.evaluate(INDEX, AGENCY.clock(),
        Scope.all()).stream().filter(a -> a.subject().id().equals(P.openSaturdayMorningVisit())).findFirst()
        .orElseThrow().recommended().stream().map(Recommendation::caregiverId).toList();
    // Half the Saturdays is continuity by default: Lisa comes before Mike, who is scored better...
    assertThat(picked.apply(WeekendMatchRule.builder().matches(1).backups(finder).build()))
        .containsExactly(backups.get(0));
    // ...but not when three quarters are asked for: then only the caregiver who worked all four counts.
    assertThat(picked.apply(WeekendMatchRule.builder().matches(1).continuityShare(0.75).backups(finder).build()))
        .containsExactly(other);
    assertThat(picked.apply(WeekendMatchRule.builder().matches(2).continuityShare(0.75).backups(finder).build()))
        .containsExactly(backups.get(2), other); // Mike fills up, listed first for his better match
  }

  @Test
  void staysSilentForWeekdayShiftsAndDaysNotConfigured() {
    List<Alert> alerts = WeekendMatchRule.ofDefaults().evaluate(INDEX, AGENCY.clock(), Scope.all());
    assertThat(alerts).noneMatch(a -> a.subject().id().equals(P.openFridayAfternoonVisit()));
    List<Alert> sundays = WeekendMatchRule.builder().days(Set.of(DayOfWeek.SUNDAY)).build()
        .evaluate(INDEX, AGENCY.clock(), Scope.all());
    assertThat(sundays).noneMatch(a -> a.subject().id().equals(P.openSaturdayMorningVisit()));
    assertThat(alerts.stream().filter(a -> a.subject().id().equals(P.openSaturdayMorningVisit())))
        .singleElement().satisfies(a -> assertThat(a.message())
            .isEqualTo("Saturday 7 AM with Mrs. Anderson is open. No match found yet."));
  }

  @Test
  void badSettingsFail() {
    assertThatThrownBy(() -> WeekendMatchRule.builder().days(Set.of())).hasMessageContaining("at least one weekday");
    assertThatThrownBy(() -> WeekendMatchRule.builder().matches(0)).hasMessageContaining("at least 1 but was 0");
    assertThatThrownBy(() -> WeekendMatchRule.builder().continuityShare(1.5))
        .hasMessageContaining("continuityShare must be within (0, 1] but was 1.5");
  }
}
