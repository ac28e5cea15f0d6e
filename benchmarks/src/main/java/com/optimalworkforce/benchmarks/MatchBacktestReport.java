package com.optimalworkforce.benchmarks;

import com.optimalworkforce.alerts.scoring.BacktestReport;
import com.optimalworkforce.alerts.scoring.MatchBacktest;
import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints the calibration figures of {@code docs/match-scoring.md}: the match scorer against the
 * baselines on held-out offers of synthetic agencies, next to the true probabilities the agency
 * drew the answers from.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -pl benchmarks -am package
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     com.optimalworkforce.benchmarks.MatchBacktestReport
 * }</pre>
 */
public final class MatchBacktestReport {
  private MatchBacktestReport() {}

  public static void main(String[] args) {
    // seed, clients, caregivers, weeks of history, weeks held out
    int[][] agencies = {{3, 400, 150, 52, 12}, {4, 400, 150, 52, 12}, {3, 400, 60, 52, 12}, {3, 300, 100, 26, 8}};
    for (int[] a : agencies) {
      SyntheticAgency agency = SyntheticAgency.builder().seed(a[0]).regions(1).clients(a[1]).caregivers(a[2])
          .weeksOfHistory(a[3]).weeksAhead(0).profiles(false).build();
      Instant split = agency.now().minus(Duration.ofDays(7L * a[4]));
      List<SourceRecord> records = Stream.of(EntityType.values()).flatMap(agency::records).toList();
      BacktestReport report = MatchBacktest.builder().trainUntil(split).build().run(records.stream());
      System.out.printf(Locale.ROOT, "%n### Agency: seed %d, 1 region, %d clients, %d caregivers, %d weeks, last %d held out%n%n",
          a[0], a[1], a[2], a[3], a[4]);
      System.out.print(report.toMarkdown());
      List<ShiftOffer> held = records.stream().filter(r -> r instanceof ShiftOffer).map(ShiftOffer.class::cast)
          .filter(o -> !o.offeredAt().isBefore(split)).toList();
      double[] truth = held.stream()
          .mapToDouble(o -> agency.acceptanceProbability(o.caregiverId(), o.shiftStart(), o.zone())).toArray();
      boolean[] accepted = new boolean[held.size()];
      for (int i = 0; i < accepted.length; i++) {
        accepted[i] = held.get(i).outcome() == OfferOutcome.ACCEPTED;
      }
      BacktestReport.Model oracle = BacktestReport.Model.of("true probability", truth, accepted, 10);
      System.out.printf(Locale.ROOT, "%nFor reference, the true probabilities: AUC %.3f, Brier %.4f, log loss %.4f%n",
          oracle.auc(), oracle.brier(), oracle.logLoss());
      MatchHistory history = MatchHistory.create();
      records.stream().filter(r -> !(r instanceof ShiftOffer o) || o.offeredAt().isBefore(split))
          .filter(r -> !(r instanceof Visit v) || v.start().isBefore(split)).forEach(history::load);
      MatchScorer scorer = MatchScorer.create(history, Clock.fixed(split, ZoneOffset.UTC));
      System.out.println("Fitted prior: " + scorer.acceptancePrior());
      scorer.calibration().ifPresent(c -> System.out.printf(Locale.ROOT,
          "Calibration on %d offers: offset %.3f, weights %s, log loss %.4f -> %.4f%n", c.offers(), c.offset(),
          c.weights(), c.logLossConfigured(), c.logLossFitted()));
    }
  }
}
