package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchScore;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules with the real match scorer behind them, on the synthetic agency's profiles. */
class MatchScorerBackupsTest {
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();
  static final ScheduleIndex INDEX = Fixtures.index(AGENCY, AGENCY.clock());
  static final MatchScorer SCORER;

  static {
    MatchHistory history = MatchHistory.create();
    for (EntityType t : EntityType.values()) {
      history.loadAll(AGENCY.records(t));
    }
    SCORER = MatchScorer.create(history, AGENCY.clock());
  }

  static final BackupFinder BACKUPS = MatchScorerBackups.of(SCORER);

  private static Alert about(List<Alert> alerts, String visitId) {
    return alerts.stream().filter(a -> a.subject().id().equals(visitId)).findFirst().orElseThrow();
  }

  @Test
  void recommendsTheScorersBestWithItsPercentAndReason() {
    Visit friday = INDEX.visit(P.openFridayAfternoonVisit()).orElseThrow();
    List<Caregiver> active = INDEX.caregiversIn(friday.regionId()).stream().filter(Caregiver::active).toList();
    List<MatchScore> top = SCORER.rank(friday, active).top(3);
    Alert alert = about(UnfilledShiftRule.builder().backups(BACKUPS).build().evaluate(INDEX, AGENCY.clock(),
        Scope.all()), friday.id());
    assertThat(alert.recommended()).extracting(Recommendation::caregiverId)
        .containsExactlyElementsOf(top.stream().map(MatchScore::caregiverId).toList())
        .contains(P.fridayAfternoonAccepter());
    MatchScore best = top.get(0);
    assertThat(alert.message()).contains(best.caregiver().name().given() + " has " + best.percent() + "% match ("
        + best.reason() + "). Try " + best.caregiver().name().given() + " first?");
  }

  @Test
  void neverSuggestsTheCaregiverWhoJustCalledOut() {
    Alert tom = about(LastMinuteOpeningRule.builder().backups(BACKUPS).build().evaluate(INDEX, AGENCY.clock(),
        Scope.all()), P.lastMinuteOpenVisit());
    Visit shift = INDEX.visit(P.lastMinuteOpenVisit()).orElseThrow();
    assertThat(SCORER.rank(shift, INDEX.caregiversIn(shift.regionId())).score(P.lastMinuteCallOut()))
        .as("the scorer alone would rank Tom").isPresent();
    assertThat(tom.recommended()).hasSize(3).extracting(Recommendation::caregiverId)
        .doesNotContain(P.lastMinuteCallOut());
    assertThat(tom.recommended().get(0).caregiverId()).isIn(P.priorityBackups());
    assertThat(tom.message()).startsWith("Tom's Saturday 10 AM shift with Mr. Davis now open. Priority backups: ");
  }

  @Test
  void namesEmmaForTheSaturdayMorningWithMrsAnderson() {
    Alert saturday = about(WeekendMatchRule.builder().backups(BACKUPS).build().evaluate(INDEX, AGENCY.clock(),
        Scope.all()), P.openSaturdayMorningVisit());
    assertThat(saturday.recommended()).extracting(Recommendation::caregiverId).contains(P.saturdayRegular());
    assertThat(saturday.message()).startsWith("Saturday 7 AM with Mrs. Anderson. Best matches: ")
        .containsPattern("Emma \\(\\d{1,2}% - worked 3/4 Saturdays, knows Mrs\\. Anderson\\)");
  }
}
