package com.optimalworkforce.alerts.scoring;

import static com.optimalworkforce.alerts.scoring.Fixture.caregiver;
import static com.optimalworkforce.alerts.scoring.Fixture.offer;
import static com.optimalworkforce.alerts.scoring.Fixture.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.Visit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MatchScorerTest {
  final MatchHistory history = MatchHistory.create();
  final Visit friday = shift("V-OPEN", "2026-11-20T14:00", 4);

  @Test
  void pointsAddUpToTheDistanceFromTheAgencyRate() {
    MatchFactor plus = MatchFactor.of("plus", "Plus", 1.2, ctx -> FactorSignal.of(1, "good"));
    MatchFactor minus = MatchFactor.of("minus", "Minus", 0.5, ctx -> FactorSignal.of(-1, "bad"));
    MatchConfig config = MatchConfig.builder().addFactor(plus).addFactor(minus).build();
    MatchScore s = MatchScorer.create(history, config, Fixture.CLOCK).rank(friday, List.of(caregiver("E1")))
        .scores().get(0);
    double sum = 0;
    for (FactorContribution c : s.contributions()) {
      sum += s.points(c.factorId());
    }
    assertThat(sum).isCloseTo(100 * s.probability() - s.basePercent(), within(1e-9));
    assertThat(s.logOdds()).isCloseTo(s.baseLogOdds() + 1.2 - 0.5, within(1e-12));
    assertThat(s.reason()).isEqualTo("good; bad");
    assertThat(s.points("plus")).isPositive();
    assertThat(s.points("unknown")).isZero();
  }

  @Test
  void percentStaysWithin1And99() {
    MatchFactor huge = MatchFactor.of("huge", "Huge", 20, ctx -> FactorSignal.of(1, "certain"));
    MatchScore s = MatchScorer.create(history, MatchConfig.builder().addFactor(huge).build(), Fixture.CLOCK)
        .rank(friday, List.of(caregiver("E1"))).scores().get(0);
    assertThat(s.probability()).isGreaterThan(0.995);
    assertThat(s.percent()).isEqualTo(99);
  }

  @Test
  void rankingIsBestFirstWithTiesByIdAndRankWithoutCandidatesUsesTheRegion() {
    for (int i = 0; i < 4; i++) {
      history.load(offer("E2", Fixture.at("2026-10-02", 7 * i, "14:00"), OfferOutcome.ACCEPTED));
      history.load(offer("E3", Fixture.at("2026-10-02", 7 * i, "14:00"), OfferOutcome.DECLINED));
    }
    history.loadAll(List.of(caregiver("E3"), caregiver("E1"), caregiver("E2"),
        caregiver("E9").toBuilder().regionId("elsewhere").build()));
    MatchRanking r = MatchScorer.create(history, Fixture.CLOCK).rank(friday);
    assertThat(r.scores()).extracting(MatchScore::caregiverId).containsExactly("E2", "E1", "E3");
    assertThat(r.top(2)).extracting(MatchScore::caregiverId).containsExactly("E2", "E1");
    assertThat(r.best().orElseThrow().caregiverId()).isEqualTo("E2");
    assertThat(r.positionOf("E9")).isEqualTo(-1);
    assertThatThrownBy(() -> r.top(-1)).hasMessageContaining("-1");
  }

  @Test
  void aFailingFactorIsNamedInTheError() {
    MatchFactor broken = MatchFactor.of("broken", "Broken", 1, ctx -> {
      throw new IllegalStateException("boom");
    });
    MatchScorer scorer = MatchScorer.create(history, MatchConfig.builder().addFactor(broken).build(), Fixture.CLOCK);
    assertThatThrownBy(() -> scorer.rank(friday, List.of(caregiver("E1"))))
        .hasMessageContaining("Match factor 'broken' failed for caregiver E1").hasMessageContaining("boom");
    MatchFactor silent = MatchFactor.of("silent", "Silent", 1, ctx -> null);
    MatchScorer nulls = MatchScorer.create(history, MatchConfig.builder().addFactor(silent).build(), Fixture.CLOCK);
    assertThatThrownBy(() -> nulls.rank(friday, List.of(caregiver("E1"))))
        .hasMessageContaining("'silent' returned null").hasMessageContaining("FactorSignal.neutral()");
  }

  @Test
  void toStringLeavesNamesOut() {
    Caregiver sarah = caregiver("E1").toBuilder().name(com.optimalworkforce.core.model.PersonName.of("Sarah", "Nguyen"))
        .build();
    MatchRanking r = MatchScorer.create(history, Fixture.CLOCK).rank(friday, List.of(sarah));
    assertThat(r.scores().get(0).toString()).contains("E1").doesNotContain("Sarah").doesNotContain("Nguyen");
  }

  @Test
  void rankingRunsConcurrentlyWithItselfAndWithUpdates() throws Exception {
    List<Caregiver> candidates = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      candidates.add(caregiver("E" + i));
      history.load(offer("E" + i, "2026-10-16T14:00", i % 2 == 0 ? OfferOutcome.ACCEPTED : OfferOutcome.DECLINED));
    }
    MatchScorer scorer = MatchScorer.create(history, Fixture.CLOCK);
    MatchRanking before = scorer.rank(friday, candidates);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      jobs.add(pool.submit(() -> {
        for (int k = 0; k < 2000; k++) {
          history.load(Fixture.booked("V-B" + k, "E" + (k % 50), "C1", "2026-11-23T09:00", 1,
              com.optimalworkforce.core.model.VisitStatus.SCHEDULED));
          history.load(offer("E" + (k % 50), "2026-09-18T14:00", OfferOutcome.DECLINED));
        }
      }));
      for (int t = 0; t < 3; t++) {
        jobs.add(pool.submit(() -> {
          for (int k = 0; k < 200; k++) {
            MatchRanking r = scorer.rank(friday, candidates);
            assertThat(r.scores().size() + r.excluded().size()).isEqualTo(50);
          }
        }));
      }
      for (Future<?> f : jobs) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    MatchRanking after = scorer.rank(friday, candidates);
    assertThat(after.scores()).hasSize(50);
    assertThat(history.candidate("E0").offers().offered()).isEqualTo(1 + 40);
    assertThat(after.score("E0").orElseThrow().probability()).isLessThan(before.score("E0").orElseThrow().probability());
  }
}
