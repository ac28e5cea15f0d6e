package com.optimalworkforce.alerts.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of docs/match-scoring.md, compiled and run. */
class MatchScoringGuideTest {

  @Test
  void quickStart() {
    SyntheticAgency agency = Agencies.Profiles.AGENCY;
    BehaviourProfiles p = Agencies.Profiles.P;
    Clock clock = agency.clock();
    Visit openShift = agency.visit(p.openFridayAfternoonVisit()).orElseThrow();
    List<String> lines = new ArrayList<>();

    // tag::quick-start[]
    MatchHistory history = MatchHistory.create();
    for (EntityType type : EntityType.values()) {
      history.loadAll(agency.records(type));       // bulk load once, any order
    }
    // later: syncEngine listeners get `history` (a ChangeListener) and fold each change in

    MatchScorer scorer = MatchScorer.create(history, MatchConfig.builder().overtimeCapHours(45).build(), clock);
    MatchRanking ranking = scorer.rank(openShift);    // every caregiver of the shift's region
    for (MatchScore s : ranking.top(3)) {
      Caregiver c = s.caregiver();
      lines.add(c.name().given() + " " + s.percent() + "% - " + s.reason());
    }
    for (MatchExclusion x : ranking.excluded()) {
      if (x.reason() == ExclusionReason.OVERTIME_CAP) {
        lines.add(x.caregiverId() + " excluded: " + x.detail());
      }
    }
    // end::quick-start[]

    lines.forEach(l -> org.slf4j.LoggerFactory.getLogger("guide").debug(l));
    assertThat(lines.get(0)).startsWith("Sarah ").contains("% - accepted ").contains("/8 similar shifts");
    assertThat(lines).hasSizeGreaterThan(3);
  }

  @Test
  void customFactor() {
    // tag::custom-factor[]
    MatchFactor sameRegion = MatchFactor.of("home-region", "Works in the shift's region", 0.5, ctx ->
        ctx.caregiver().regionId().equals(ctx.shift().regionId())
            ? FactorSignal.neutral()
            : FactorSignal.of(-1, "works in another region"));
    MatchConfig config = MatchConfig.builder().addFactor(sameRegion).build();
    // end::custom-factor[]
    assertThat(config.factors()).extracting(MatchFactor::id).endsWith("home-region");
    Visit shift = Agencies.Profiles.AGENCY.visit(Agencies.Profiles.P.openFridayAfternoonVisit()).orElseThrow();
    Caregiver elsewhere = Agencies.Profiles.AGENCY.caregivers().stream()
        .filter(c -> !c.regionId().equals(shift.regionId())).filter(Caregiver::active).findFirst().orElseThrow();
    MatchRanking r = MatchScorer.create(Agencies.Profiles.HISTORY, config, Agencies.Profiles.AGENCY.clock())
        .rank(shift, List.of(elsewhere));
    r.score(elsewhere.id()).ifPresent(s -> assertThat(s.contribution("home-region").orElseThrow().explanation())
        .isEqualTo("works in another region"));
  }
}
