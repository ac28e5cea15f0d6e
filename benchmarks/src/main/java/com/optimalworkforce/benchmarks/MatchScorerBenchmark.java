package com.optimalworkforce.benchmarks;

import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchRanking;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ranking 2,000 candidates for one shift with a year of history indexed: 6 regions, 10,000
 * clients, 2,000 caregivers, 52 weeks (1.64 million visits with a caregiver and 1.25 million
 * offers). The shift is the profiles' open Friday 2 PM shift; every caregiver is a candidate.
 * {@code Mode.SampleTime} gives the percentiles (p99 is the target: at most 2 ms).
 *
 * <pre>{@code
 * benchmarks/run MatchScorerBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class MatchScorerBenchmark {
  private MatchScorer scorer;
  private List<Caregiver> candidates;
  private Visit shift;

  @Setup(Level.Trial)
  public void setUp() {
    SyntheticAgency agency = SyntheticAgency.builder().seed(11).regions(6).clients(10_000).caregivers(2_000)
        .weeksOfHistory(52).weeksAhead(1).build();
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    MatchHistory history = MatchHistory.create();
    long started = System.nanoTime();
    for (EntityType type : EntityType.values()) {
      history.loadAll(agency.records(type));
    }
    long loadMillis = (System.nanoTime() - started) / 1_000_000;
    Map<EntityType, Long> sizes = history.sizes();
    candidates = agency.caregivers();
    shift = agency.visit(agency.profiles().orElseThrow().openFridayAfternoonVisit()).orElseThrow();
    scorer = MatchScorer.create(history, agency.clock());
    long firstStarted = System.nanoTime();
    MatchRanking first = scorer.rank(shift, candidates); // builds every snapshot, fits prior and calibration
    long firstMillis = (System.nanoTime() - firstStarted) / 1_000_000;
    System.gc();
    long heapAfter = rt.totalMemory() - rt.freeMemory();
    System.out.printf("%nindexed %s in %d ms (generating the records included); index heap %d MB; first ranking "
        + "%d ms (%d ranked, %d excluded)%n", sizes, loadMillis, (heapAfter - heapBefore) >> 20, firstMillis,
        first.scores().size(), first.excluded().size());
    if (sizes.get(EntityType.VISIT) < 1_000_000 || sizes.get(EntityType.SHIFT_OFFER) < 200_000) {
      throw new IllegalStateException("The history is smaller than the target: " + sizes);
    }
  }

  /** One ranking of 2,000 candidates. */
  @Benchmark
  public MatchRanking rank2000Candidates() {
    return scorer.rank(shift, candidates);
  }

  /** One ranking, reading every candidate's reason (the strings are built lazily). */
  @Benchmark
  public int rank2000CandidatesWithReasons() {
    MatchRanking r = scorer.rank(shift, candidates);
    int n = 0;
    for (var s : r.scores()) {
      n += s.reason().length();
    }
    return n;
  }
}
