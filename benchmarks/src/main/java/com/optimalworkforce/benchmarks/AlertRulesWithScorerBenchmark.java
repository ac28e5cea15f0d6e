package com.optimalworkforce.benchmarks;

import com.optimalworkforce.alerts.rules.AlertRule;
import com.optimalworkforce.alerts.rules.BackupFinder;
import com.optimalworkforce.alerts.rules.BuiltInRules;
import com.optimalworkforce.alerts.rules.MatchScorerBackups;
import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
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
 * The built-in rules with backups from the match scorer, on the agency of
 * {@link AlertRulesBenchmark}: every alerted open shift is ranked against the active caregivers of
 * its region (about 830). Setup prints the thread CPU time of the first run (every shift ranked)
 * and of a run with {@link BackupFinder#cached} warm (what each scheduled run costs within the
 * cache's 15 minutes); the benchmark measures the warm run.
 *
 * <pre>{@code
 * benchmarks/run AlertRulesWithScorerBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx5g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AlertRulesWithScorerBenchmark {
  private MutableClock clock;
  private ScheduleIndex index;
  private List<AlertRule> cachedRules;

  @Setup(Level.Trial)
  public void setUp() {
    SyntheticAgency agency = SyntheticAgency.builder().seed(7).regions(6).clients(31_500).caregivers(5_000)
        .weeksOfHistory(4).weeksAhead(1).build();
    clock = MutableClock.at(agency.now());
    index = ScheduleIndex.create(clock);
    MatchHistory history = MatchHistory.create();
    for (EntityType type : EntityType.values()) {
      List<SourceRecord> records = agency.records(type).toList();
      index.putAll(records);
      history.loadAll(records);
    }
    MatchScorer scorer = MatchScorer.create(history, clock);
    BackupFinder backups = MatchScorerBackups.of(scorer);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    int alerts = run(BuiltInRules.all(backups));
    long cold = mx.getCurrentThreadCpuTime() - t0;
    cachedRules = BuiltInRules.all(BackupFinder.cached(backups, Duration.ofMinutes(15)));
    long t1 = mx.getCurrentThreadCpuTime();
    run(cachedRules);
    long firstCached = mx.getCurrentThreadCpuTime() - t1;
    long t2 = mx.getCurrentThreadCpuTime();
    run(cachedRules);
    long warm = mx.getCurrentThreadCpuTime() - t2;
    System.out.printf("%n%d alerts; thread CPU time: every shift ranked %d ms; with the cache, first run %d ms, "
        + "next run %d ms%n", alerts, cold / 1_000_000, firstCached / 1_000_000, warm / 1_000_000);
  }

  private int run(List<AlertRule> rules) {
    int n = 0;
    for (AlertRule rule : rules) {
      n += rule.evaluate(index, clock, com.optimalworkforce.alerts.rules.Scope.all()).size();
    }
    return n;
  }

  /** A scheduled run with the backups cache warm. */
  @Benchmark
  public int allRulesWithCachedScorer() {
    return run(cachedRules);
  }
}
