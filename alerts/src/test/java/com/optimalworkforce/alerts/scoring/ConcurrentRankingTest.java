package com.optimalworkforce.alerts.scoring;

import static com.optimalworkforce.alerts.scoring.Fixture.booked;
import static com.optimalworkforce.alerts.scoring.Fixture.caregiver;
import static com.optimalworkforce.alerts.scoring.Fixture.offer;
import static com.optimalworkforce.alerts.scoring.Fixture.shift;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Rankings from several threads at once: they agree with a ranking made alone, and a ranking that
 * runs while a record is being updated sees the record's old version or its new one, never
 * neither.
 */
class ConcurrentRankingTest {
  static final int THREADS = 4;

  /** Everything a scheduler sees of a ranking, to compare rankings exactly. */
  static List<String> digest(MatchRanking r) {
    List<String> out = new ArrayList<>();
    for (MatchScore s : r.scores()) {
      StringBuilder sb = new StringBuilder(s.caregiverId()).append(' ').append(Double.doubleToLongBits(s.probability()))
          .append(' ').append(s.reason());
      for (FactorContribution c : s.contributions()) {
        sb.append(" | ").append(c.factorId()).append(' ').append(c.logOdds()).append(' ').append(c.explanation());
      }
      out.add(sb.toString());
    }
    for (MatchExclusion x : r.excluded()) {
      out.add(x.caregiverId() + " excluded " + x.reason() + " " + x.detail());
    }
    return out;
  }

  @Test
  void concurrentFirstRankingsOfAFreshScorerAgreeWithARankingMadeAlone() throws Exception {
    MatchHistory history = Agencies.Profiles.HISTORY;
    Visit shift = Agencies.Profiles.AGENCY.visit(Agencies.Profiles.P.openFridayAfternoonVisit()).orElseThrow();
    List<Caregiver> candidates = Agencies.Profiles.AGENCY.caregivers();
    List<String> alone = digest(MatchScorer.create(history, Agencies.Profiles.AGENCY.clock()).rank(shift, candidates));
    assertThat(alone).hasSize(candidates.size());

    // A fresh scorer: the threads race for the first fit of the prior and the calibration too.
    MatchScorer scorer = MatchScorer.create(history, Agencies.Profiles.AGENCY.clock());
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<List<String>>>> jobs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        jobs.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          List<List<String>> seen = new ArrayList<>();
          for (int k = 0; k < 25; k++) {
            seen.add(digest(scorer.rank(shift, candidates)));
          }
          return seen;
        }));
      }
      for (Future<List<List<String>>> job : jobs) {
        for (List<String> d : job.get(120, TimeUnit.SECONDS)) {
          assertThat(d).isEqualTo(alone);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRankingDuringAnUpdateSeesTheOldOrTheNewVersionNeverNeither() throws Exception {
    MatchHistory history = MatchHistory.create();
    Visit friday = shift("V-OPEN", "2026-11-20T14:00", 4);
    // E1 is booked across the shift; the sync keeps updating that visit (every version overlaps it).
    history.load(booked("V-B", "E1", "C9", "2026-11-20T13:00", 2, VisitStatus.SCHEDULED));
    // E2 had 5 similar offers; the sync keeps updating one of them (its answer flips).
    List<ShiftOffer> offers = new ArrayList<>();
    for (int w = 0; w < 5; w++) {
      ShiftOffer o = offer("E2", Fixture.at("2026-10-02", 7 * w, "14:00"), OfferOutcome.ACCEPTED);
      offers.add(o);
      history.load(o);
    }
    ShiftOffer flipping = offers.get(4);
    List<Caregiver> candidates = List.of(caregiver("E1"), caregiver("E2"));
    MatchScorer scorer = MatchScorer.create(history, MatchConfig.builder().calibrate(false).build(), Fixture.CLOCK);

    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> wrong = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < THREADS - 1; t++) {
        readers.add(pool.submit(() -> {
          int rankings = 0;
          while ((writing.get() || rankings < 100) && wrong.size() < 5) {
            MatchRanking r = scorer.rank(friday, candidates);
            rankings++;
            if (r.exclusion("E1").map(MatchExclusion::reason).orElse(null) != ExclusionReason.DOUBLE_BOOKED) {
              wrong.add("E1 not double-booked: " + digest(r));
            }
            String acceptance = r.score("E2").orElseThrow().contribution(MatchFactors.ACCEPTANCE).orElseThrow()
                .explanation();
            if (!acceptance.matches("accepted [45]/5 similar shifts")) {
              wrong.add("E2: " + acceptance);
            }
          }
        }));
      }
      Future<?> writer = pool.submit(() -> {
        try {
          for (int k = 0; k < 30_000 && wrong.size() < 5; k++) {
            history.load(booked("V-B", "E1", "C9", k % 2 == 0 ? "2026-11-20T13:30" : "2026-11-20T13:00", 2,
                VisitStatus.SCHEDULED));
            history.load(ShiftOffer.builder().id(flipping.id()).visitId(flipping.visitId()).caregiverId("E2")
                .zone(flipping.zone()).shiftStart(flipping.shiftStart()).shiftEnd(flipping.shiftEnd())
                .serviceCode(flipping.serviceCode()).offeredAt(flipping.offeredAt())
                .outcome(k % 2 == 0 ? OfferOutcome.DECLINED : OfferOutcome.ACCEPTED).build());
          }
        } finally {
          writing.set(false);
        }
      });
      writer.get(120, TimeUnit.SECONDS);
      for (Future<?> f : readers) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wrong).isEmpty();
  }
}
