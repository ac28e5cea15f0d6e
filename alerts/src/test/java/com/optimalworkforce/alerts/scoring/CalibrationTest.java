package com.optimalworkforce.alerts.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  static final SyntheticAgency AGENCY = MatchBacktestTest.AGENCY;
  static final MatchHistory HISTORY = Agencies.history(MatchBacktestTest.RECORDS);

  /** A factor that knows the true acceptance probability of the synthetic agency. */
  static final MatchFactor ORACLE = MatchFactor.of("oracle", "Knows the truth", 0.0, ctx -> {
    double p = AGENCY.acceptanceProbability(ctx.caregiver().id(), ctx.shift().start(), ctx.shift().zone());
    return FactorSignal.of(Math.log(p / (1 - p)) + 0.3, "oracle");
  });

  /** A factor that says nothing about acceptance but claims to, with a large weight. */
  static final MatchFactor NOISE = MatchFactor.of("noise", "Noise", 1.5, ctx -> {
    int h = (ctx.caregiver().id() + ctx.shift().start()).hashCode();
    return FactorSignal.of(((h & 1023) / 511.5) - 1, "noise");
  });

  static MatchCalibration calibrate(MatchConfig config) {
    return MatchScorer.create(HISTORY, config, AGENCY.clock()).calibration().orElseThrow();
  }

  @Test
  void aFactorThatPredictsNothingIsFittedToAboutZero() {
    MatchCalibration c = calibrate(MatchConfig.builder().addFactor(NOISE).build());
    long made = MatchBacktestTest.RECORDS.stream().filter(r -> r instanceof ShiftOffer).map(ShiftOffer.class::cast)
        .filter(o -> o.offeredAt().isBefore(AGENCY.now())).count();
    assertThat(c.offers()).isEqualTo((int) Math.min(made, 20_000));
    assertThat(c.weight("noise")).isBetween(-0.15, 0.15);
    assertThat(c.logLossFitted()).isLessThan(c.logLossConfigured());
  }

  @Test
  void aFactorThatKnowsTheTruthIsLearnedAndTheOthersStepBack() {
    MatchCalibration c = calibrate(MatchConfig.builder().addFactor(ORACLE).build());
    assertThat(c.weight("oracle")).isGreaterThan(0.6);
    assertThat(c.weight(MatchFactors.ACCEPTANCE)).isLessThan(0.6);
  }

  @Test
  void aFactorTheAnswersContradictIsHeldAtZeroAndNeverCited() {
    MatchFactor backwards = MatchFactor.of("backwards", "Backwards", 1.0, ctx -> {
      double p = AGENCY.acceptanceProbability(ctx.caregiver().id(), ctx.shift().start(), ctx.shift().zone());
      return FactorSignal.of(0.5 - p, "says the opposite");
    });
    MatchConfig config = MatchConfig.builder().addFactor(backwards).build();
    MatchScorer scorer = MatchScorer.create(HISTORY, config, AGENCY.clock());
    assertThat(scorer.calibration().orElseThrow().weight("backwards")).isZero();
    com.optimalworkforce.core.model.Visit shift = AGENCY.visits().filter(v -> v.start().isAfter(AGENCY.now()))
        .findFirst().orElseThrow();
    MatchRanking ranking = scorer.rank(shift, AGENCY.caregivers());
    assertThat(ranking.scores()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.reason()).doesNotContain("says the opposite");
      assertThat(s.contribution("backwards").orElseThrow().logOdds()).isZero();
    });
  }

  @Test
  void policyCostsKeepTheirConfiguredWeight() {
    MatchCalibration c = calibrate(MatchConfig.builder().weight(MatchFactors.OVERTIME_COST, 2.5).build());
    assertThat(c.weight(MatchFactors.OVERTIME_COST)).isEqualTo(2.5);
    assertThat(c.weight(MatchFactors.ACCEPTANCE)).isNotEqualTo(1.0);
  }

  @Test
  void aReplayedOfferIsNotItsOwnEvidence() {
    // 300 caregivers offered one shift each: replayed, each must look never offered anything.
    MatchHistory history = MatchHistory.create();
    for (int i = 0; i < 300; i++) {
      history.load(Fixture.offer("E" + i, "2026-10-16T14:00", i % 3 == 0 ? OfferOutcome.ACCEPTED
          : OfferOutcome.DECLINED));
    }
    AtomicInteger replays = new AtomicInteger();
    AtomicInteger sawItself = new AtomicInteger();
    MatchFactor spy = MatchFactor.of("spy", "Spy", 0, ctx -> {
      replays.incrementAndGet();
      if (ctx.acceptance().similar().offered() > 0 || ctx.acceptance().other().offered() > 0
          || ctx.history().offers().offered() > 0) {
        sawItself.incrementAndGet();
      }
      return FactorSignal.neutral();
    });
    MatchScorer scorer = MatchScorer.create(history, MatchConfig.builder().addFactor(spy).build(), Fixture.CLOCK);
    MatchCalibration c = scorer.calibration().orElseThrow();
    assertThat(c.offers()).isEqualTo(300);
    assertThat(replays.get()).isEqualTo(300);
    assertThat(sawItself.get()).isZero();
    // Nothing to learn beyond the agency rate: the acceptance weight stays at its prior.
    assertThat(c.weight(MatchFactors.ACCEPTANCE)).isEqualTo(1.0);
  }

  @Test
  void calibrationNeedsEnoughOffersAndCanBeSwitchedOff() {
    MatchHistory few = MatchHistory.create();
    for (int i = 0; i < 199; i++) {
      few.load(Fixture.offer("E" + i, "2026-10-16T14:00", OfferOutcome.ACCEPTED));
    }
    assertThat(MatchScorer.create(few, Fixture.CLOCK).calibration()).isEmpty();
    assertThat(MatchScorer.create(HISTORY, MatchConfig.builder().calibrate(false).build(), AGENCY.clock())
        .calibration()).isEmpty();
  }

  @Test
  void onlyOffersMadeBeforeNowAreFitted() {
    Instant early = AGENCY.now().minus(Duration.ofDays(300));
    long before = MatchBacktestTest.RECORDS.stream().filter(r -> r instanceof ShiftOffer)
        .map(ShiftOffer.class::cast).filter(o -> o.offeredAt().isBefore(early)).count();
    MatchScorer scorer = MatchScorer.create(HISTORY, Clock.fixed(early, ZoneOffset.UTC));
    assertThat(scorer.calibration().orElseThrow().offers()).isEqualTo((int) Math.min(before, 20_000));
    assertThat(before).isBetween(200L, 20_000L);
  }
}
