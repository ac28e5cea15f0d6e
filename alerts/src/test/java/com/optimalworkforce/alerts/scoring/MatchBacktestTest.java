package com.optimalworkforce.alerts.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchBacktestTest {
  /**
   * One region, 150 caregivers and 52 weeks: about 80 offers per caregiver a year, as sparse as a
   * real agency's; the last 12 weeks are held out.
   */
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(3).regions(1).clients(400).caregivers(150)
      .weeksOfHistory(52).weeksAhead(0).profiles(false).build();
  static final List<SourceRecord> RECORDS = Agencies.records(AGENCY);
  static final Instant SPLIT = AGENCY.now().minus(Duration.ofDays(7 * 12));

  @Test
  void metricsMatchATextbookExample() {
    BacktestReport.Model m = BacktestReport.Model.of("m", new double[] {0.1, 0.4, 0.35, 0.8},
        new boolean[] {false, false, true, true}, 2);
    assertThat(m.auc()).isCloseTo(0.75, within(1e-12));
    assertThat(m.brier()).isCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, within(1e-12));
    assertThat(m.logLoss()).isCloseTo(-(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4,
        within(1e-12));
    assertThat(m.reliability()).hasSize(2);
    assertThat(m.reliability().get(0).count()).isEqualTo(3);
    assertThat(m.reliability().get(0).meanPredicted()).isCloseTo(0.85 / 3, within(1e-12));
    assertThat(m.reliability().get(0).observed()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(m.reliability().get(1).count()).isEqualTo(1);
  }

  @Test
  void tiesCountHalfInTheAuc() {
    BacktestReport.Model m = BacktestReport.Model.of("m", new double[] {0.5, 0.5}, new boolean[] {true, false}, 10);
    assertThat(m.auc()).isEqualTo(0.5);
    assertThatThrownBy(() -> BacktestReport.Model.of("m", new double[] {1.5}, new boolean[] {true}, 10))
        .hasMessageContaining("prediction 0 is 1.5");
  }

  static final BacktestReport DEFAULTS = MatchBacktest.builder().trainUntil(SPLIT).build().run(RECORDS.stream());

  @Test
  void theDefaultScorerBeatsBothBaselinesOnHeldOutOffers() {
    BacktestReport report = DEFAULTS;
    assertThat(report.testOffers()).isGreaterThan(3000);
    assertThat(report.trainOffers()).isGreaterThan(10_000);
    BacktestReport.Model scorer = report.model(MatchBacktest.SCORER);
    assertThat(scorer.brier()).isLessThan(report.model(MatchBacktest.RAW_RATE).brier())
        .isLessThan(report.model(MatchBacktest.LAPLACE).brier());
    assertThat(scorer.auc()).isGreaterThan(report.model(MatchBacktest.RAW_RATE).auc());
    // And it is calibrated: in every well-filled bin, the observed rate is within 6 points.
    for (BacktestReport.Bin bin : scorer.reliability()) {
      if (bin.count() >= 200) {
        assertThat(bin.observed()).as("bin %s", bin.from()).isCloseTo(bin.meanPredicted(), within(0.06));
      }
    }
    assertThat(report.toMarkdown()).contains("| match scorer | ").contains("| 0.4-0.5 |");
  }

  @Test
  void calibrationMakesTheConfiguredWeightsHonest() {
    // Continuity and distance do not drive acceptance in the synthetic agency: with their
    // configured weights the percentages run high; fitted to the agency, they do not.
    assertThat(DEFAULTS.model(MatchBacktest.SCORER).brier())
        .isLessThan(DEFAULTS.model(MatchBacktest.UNCALIBRATED).brier() - 0.002);
    assertThat(DEFAULTS.model(MatchBacktest.SCORER).logLoss())
        .isLessThan(DEFAULTS.model(MatchBacktest.UNCALIBRATED).logLoss());
  }

  @Test
  void theScorerIsMeasuredAgainstTheTrueProbabilities() {
    BacktestReport report = DEFAULTS;
    List<ShiftOffer> held = RECORDS.stream().filter(r -> r.type() == EntityType.SHIFT_OFFER).map(ShiftOffer.class::cast)
        .filter(o -> !o.offeredAt().isBefore(SPLIT)).toList();
    double[] truth = held.stream()
        .mapToDouble(o -> AGENCY.acceptanceProbability(o.caregiverId(), o.shiftStart(), o.zone())).toArray();
    boolean[] accepted = new boolean[held.size()];
    for (int i = 0; i < accepted.length; i++) {
      accepted[i] = held.get(i).outcome() == OfferOutcome.ACCEPTED;
    }
    BacktestReport.Model oracle = BacktestReport.Model.of("truth", truth, accepted, 10);
    // No model can beat the truth; ours closes part of the gap from the raw rate to it.
    double scorer = report.model(MatchBacktest.SCORER).brier();
    assertThat(oracle.brier()).isLessThan(scorer);
    assertThat(scorer - oracle.brier()).isLessThan(report.model(MatchBacktest.RAW_RATE).brier() - oracle.brier());
  }

  @Test
  void aBacktestNeedsASplitDate() {
    assertThatThrownBy(() -> MatchBacktest.builder().build()).hasMessageContaining("trainUntil");
    assertThatThrownBy(() -> MatchBacktest.builder().trainUntil(SPLIT).testUntil(SPLIT).build())
        .hasMessageContaining("must be after");
  }
}
