package com.optimalworkforce.benchmarks;

import com.optimalworkforce.alerts.engine.AlertEngine;
import com.optimalworkforce.alerts.engine.EvaluationReport;
import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.AlertRule;
import com.optimalworkforce.alerts.rules.BackupFinder;
import com.optimalworkforce.alerts.rules.BuiltInRules;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seven built-in alert rules over a week of at least 100,000 visits and 5,000 caregivers (6
 * regions, 31,500 clients, 4 weeks of history and 1 ahead indexed: 586,638 visits, 101,437 of them
 * in the current week), on one
 * thread: a full evaluation of the rules, the engine's full run (rules plus de-duplication against
 * the stored alerts), and the engine's run after one visit changes (the scope the change touched).
 * Setup prints how many records each rule reads in a full run and after one change, and the
 * thread CPU time of each (which, unlike JMH's wall-clock score, does not count the time the
 * thread waited for a core on a busy machine).
 *
 * <pre>{@code
 * benchmarks/run AlertRulesBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AlertRulesBenchmark {
  private MutableClock clock;
  private ScheduleIndex index;
  private List<AlertRule> rules;
  private AlertEngine engine;
  private Visit filled;
  private Visit open;
  private boolean isOpen;

  @Setup(Level.Trial)
  public void setUp() {
    SyntheticAgency agency = SyntheticAgency.builder().seed(7).regions(6).clients(31_500).caregivers(5_000)
        .weeksOfHistory(4).weeksAhead(1).build();
    clock = MutableClock.at(agency.now());
    index = ScheduleIndex.create(clock);
    long t0 = System.nanoTime();
    for (EntityType type : EntityType.values()) {
      index.putAll(agency.records(type).toList());
    }
    long loadMillis = (System.nanoTime() - t0) / 1_000_000;
    TimeWindow week = agency.currentWeek();
    long weekVisits = index.visitsStarting(week.from(), week.to()).size();
    long unfilledDay = index.unfilledStarting(agency.now(), agency.now().plus(Duration.ofDays(1))).size();
    if (weekVisits < 100_000 || agency.caregivers().size() != 5_000) {
      throw new IllegalStateException("The week is smaller than the target: " + weekVisits + " visits");
    }
    rules = BuiltInRules.all(BackupFinder.none());
    engine = AlertEngine.builder(index, clock).rules(rules).build();
    EvaluationReport full = engine.evaluate();
    Map<String, Long> alertsByRule = new LinkedHashMap<>();
    for (AlertRule rule : rules) {
      alertsByRule.put(rule.id(), (long) rule.evaluate(index, clock, com.optimalworkforce.alerts.rules.Scope.all())
          .size());
    }
    // The visit to change: a booked shift this afternoon, taken off its caregiver and given back.
    filled = index.visitsStarting(agency.now().plus(Duration.ofHours(4)), agency.now().plus(Duration.ofHours(5)))
        .stream().filter(v -> v.status() == VisitStatus.SCHEDULED).findFirst().orElseThrow();
    open = filled.toBuilder().caregiverId(null).status(VisitStatus.OPEN).build();
    EvaluationReport one = engine.apply(List.of(Change.updated(filled, open)));
    EvaluationReport back = engine.apply(List.of(Change.updated(open, filled)));
    System.out.printf("%nindexed %d visits in %d ms; this week %d visits, %d unfilled in the next 24 h; "
        + "alerts per rule %s%nfull run: %d alerts, records read %s (total %d)%n"
        + "after one visit change: %d raised, records read %s (total %d); after the change back: %d resolved, %d read%n",
        index.visitCount(), loadMillis, weekVisits, unfilledDay, alertsByRule, full.alerts(), full.recordsReadByRule(),
        full.recordsRead(), one.raised(), one.recordsReadByRule(), one.recordsRead(), back.resolved(),
        back.recordsRead());
    printCpuTimes();
  }

  /** Thread CPU time per rule (full run), of the engine's full run and of one change; mean of 10 after 10 warm-ups. */
  private void printCpuTimes() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> perRule = new LinkedHashMap<>();
    long engineFull = 0;
    long oneChange = 0;
    for (int round = 0; round < 20; round++) {
      boolean measured = round >= 10;
      for (AlertRule rule : rules) {
        long t0 = mx.getCurrentThreadCpuTime();
        rule.evaluate(index, clock, com.optimalworkforce.alerts.rules.Scope.all());
        long dt = mx.getCurrentThreadCpuTime() - t0;
        if (measured) {
          perRule.merge(rule.id(), dt, Long::sum);
        }
      }
      long t0 = mx.getCurrentThreadCpuTime();
      engine.evaluate();
      long t1 = mx.getCurrentThreadCpuTime();
      engineAfterOneVisitChange();
      long t2 = mx.getCurrentThreadCpuTime();
      if (measured) {
        engineFull += t1 - t0;
        oneChange += t2 - t1;
      }
    }
    StringBuilder rulesLine = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, Long> e : perRule.entrySet()) {
      rulesLine.append(String.format(" %s=%.1f", e.getKey(), e.getValue() / 10 / 1e6));
      total += e.getValue() / 10;
    }
    System.out.printf("thread CPU time (ms): all rules %.1f (%s ); engine full run %.1f; engine after one change %.3f%n",
        total / 1e6, rulesLine, engineFull / 10 / 1e6, oneChange / 10 / 1e6);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  /** Every built-in rule over the whole schedule (no backups: the match scorer is measured on its own). */
  @Benchmark
  public int allRulesFullRun() {
    int n = 0;
    for (AlertRule rule : rules) {
      List<Alert> alerts = rule.evaluate(index, clock, com.optimalworkforce.alerts.rules.Scope.all());
      n += alerts.size();
    }
    return n;
  }

  /** The engine's scheduled run: every rule, then de-duplication against the stored alerts. */
  @Benchmark
  public EvaluationReport engineFullRun() {
    return engine.evaluate();
  }

  /** The engine after one visit change: the index updated, the rules re-run on what it touched. */
  @Benchmark
  public EvaluationReport engineAfterOneVisitChange() {
    Change change = isOpen ? Change.updated(open, filled) : Change.updated(filled, open);
    isOpen = !isOpen;
    return engine.apply(List.of(change));
  }
}
