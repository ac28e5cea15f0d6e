package com.optimalworkforce.benchmarks;

import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchRanking;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The same ranking as {@link MatchScorerBenchmark}, timed by the thread's CPU time as well as the
 * wall clock: on a shared machine the wall-clock tail measures the neighbours; CPU time shows
 * what one ranking costs. Also reports the bytes the ranking thread allocates per ranking.
 *
 * <pre>{@code
 * java -Xmx3g -XX:+UseParallelGC -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     com.optimalworkforce.benchmarks.MatchScorerCpuTime
 * }</pre>
 */
public final class MatchScorerCpuTime {
  private MatchScorerCpuTime() {}

  public static void main(String[] args) {
    SyntheticAgency agency = SyntheticAgency.builder().seed(11).regions(6).clients(10_000).caregivers(2_000)
        .weeksOfHistory(52).weeksAhead(1).build();
    MatchHistory history = MatchHistory.create();
    for (EntityType type : EntityType.values()) {
      history.loadAll(agency.records(type));
    }
    List<Caregiver> candidates = agency.caregivers();
    Visit shift = agency.visit(agency.profiles().orElseThrow().openFridayAfternoonVisit()).orElseThrow();
    MatchScorer scorer = MatchScorer.create(history, agency.clock());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
    long self = Thread.currentThread().getId();
    long allocated = 0;
    int warmup = 3_000;
    int n = 5_000;
    long[] cpu = new long[n];
    long[] wall = new long[n];
    int ranked = 0;
    for (int i = -warmup; i < n; i++) {
      long a0 = allocations.getThreadAllocatedBytes(self);
      long c0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      MatchRanking r = scorer.rank(shift, candidates);
      long w = System.nanoTime() - w0;
      long c = threads.getCurrentThreadCpuTime() - c0;
      long a = allocations.getThreadAllocatedBytes(self) - a0;
      ranked += r.scores().size();
      if (i >= 0) {
        cpu[i] = c;
        wall[i] = w;
        allocated += a;
      }
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf(Locale.ROOT, "%d rankings of %d candidates (%d ranked in all)%n", n, candidates.size(), ranked);
    System.out.printf(Locale.ROOT, "CPU time  ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f%n", cpu[n / 2] / 1e6,
        cpu[n * 9 / 10] / 1e6, cpu[n * 99 / 100] / 1e6, cpu[n * 999 / 1000] / 1e6);
    System.out.printf(Locale.ROOT, "wall time ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f%n", wall[n / 2] / 1e6,
        wall[n * 9 / 10] / 1e6, wall[n * 99 / 100] / 1e6, wall[n * 999 / 1000] / 1e6);
    System.out.printf(Locale.ROOT, "allocated: %.1f KB per ranking%n", allocated / (double) n / 1024);
  }
}
