package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.optimalworkforce.alerts.scoring.ExclusionReason;
import com.optimalworkforce.alerts.scoring.FactorContribution;
import com.optimalworkforce.alerts.scoring.MatchRanking;
import com.optimalworkforce.alerts.scoring.MatchScore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MatchScoreApiTest {
  static MatchRanking ranking;
  static String out;

  @BeforeAll
  static void runTheExample() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ranking = MatchScoreApi.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    out = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sarahWhoAcceptsFridayAfternoonsLeadsWithHerRecord() {
    assertThat(ranking.top(2)).extracting(s -> s.caregiver().name().given()).as(out).contains("Sarah");
    MatchScore sarah = ranking.scores().stream().filter(s -> s.caregiver().name().given().equals("Sarah"))
        .findFirst().orElseThrow();
    assertThat(sarah.reason()).contains("similar shifts");
    assertThat(out).containsPattern("Sarah +" + sarah.percent() + "%  accepted \\d/\\d similar shifts");
  }

  @Test
  void everyScoreIsExplainedByItsFactorsInPoints() {
    assertThat(ranking.scores()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.percent()).isBetween(1, 99);
      double points = s.contributions().stream().mapToDouble(c -> s.points(c.factorId())).sum();
      assertThat(s.basePercent() + points).isCloseTo(100 * s.probability(), within(1e-6));
    });
    assertThat(ranking.scores()).extracting(MatchScore::percent).isSortedAccordingTo((a, b) -> b - a);
    assertThat(out).contains("points  acceptance").contains("every candidate starts from the agency's acceptance rate");
  }

  @Test
  void theHostFactorCountsWithItsConfiguredWeight() {
    assertThat(ranking.scores()).allSatisfy(s -> {
      FactorContribution c = s.contribution(MatchScoreApi.ShortOfHours.ID).orElseThrow();
      assertThat(c.weight()).isEqualTo(0.8);   // not calibrated: a policy keeps its weight
    });
    assertThat(ranking.scores()).anySatisfy(s -> assertThat(s.points(MatchScoreApi.ShortOfHours.ID)).isPositive());
    assertThat(out).containsPattern("\\+\\d+\\.\\d points  short-of-hours +only \\d+ h booked this pay week");
  }

  @Test
  void excludedCandidatesSayWhy() {
    assertThat(ranking.excluded()).isNotEmpty()
        .anySatisfy(x -> assertThat(x.reason()).isEqualTo(ExclusionReason.OVERTIME_CAP))
        .anySatisfy(x -> assertThat(x.reason()).isEqualTo(ExclusionReason.DOUBLE_BOOKED));
    assertThat(out).contains("excluded (would exceed the overtime cap): ").contains("over the 45 h cap")
        .contains("excluded (double-booked): already booked ");
    assertThat(ranking.scores().size() + ranking.excluded().size()).isEqualTo(40);
  }
}
