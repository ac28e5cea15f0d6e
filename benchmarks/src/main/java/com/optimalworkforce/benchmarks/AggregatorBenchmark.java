package com.optimalworkforce.benchmarks;

import com.optimalworkforce.core.aggregate.AggregateCounts;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.aggregate.Aggregator;
import com.optimalworkforce.core.aggregate.PrivacyPolicy;
import com.optimalworkforce.core.aggregate.Release;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the aggregator folds visit change events on one thread, how long publishing a
 * snapshot (suppression included) takes, and how long publishing it as a {@link Release} of a
 * series takes (the first, and the next one after 1% of the visits changed, as {@code Integration}
 * does after each sync), for the synthetic agency and for one {@link LargeRegion} of 100 areas.
 * Events, counts and the previous release are made in setup; only the fold or the publication is
 * timed.
 * Besides JMH's wall-clock score, each iteration prints the events folded per second of the
 * benchmark thread's own CPU time: on a shared, oversubscribed machine that is the fair measure of
 * what one core does.
 *
 * <pre>{@code
 * benchmarks/run AggregatorBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class AggregatorBenchmark {
  static final int EVENTS = 1_000_000;

  private List<Change> creations;
  private List<Change> creationsWithCopiedIds;
  private List<Change> updates;
  private AggregateCounts counts;
  private AggregateCounts updateBase;
  /** The counts after a sync that changed 1% of the visits, and the release before it. */
  private AggregateCounts nextCounts;
  private Release firstRelease;
  private static final Instant FIRST_SYNC = Instant.parse("2026-11-20T15:00:00Z");
  private static final Instant NEXT_SYNC = FIRST_SYNC.plus(Duration.ofMinutes(15));

  @Setup(Level.Trial)
  public void setUp() {
    // 6 regions, 10,000 clients over 33 weeks: a little over a million visits in ~60 areas.
    SyntheticAgency agency = SyntheticAgency.builder().seed(7).regions(6).usRegions(2).clients(10_000)
        .caregivers(2_000).weeksOfHistory(30).weeksAhead(2).build();
    List<Visit> visits = agency.visits().limit(EVENTS).toList();
    if (visits.size() < EVENTS) {
      throw new IllegalStateException("agency has only " + visits.size() + " visits");
    }
    creations = visits.stream().map(Change::created).toList();
    // As a connector that builds each record's region id anew (AlayaCare: Long.toString(branch)).
    creationsWithCopiedIds = visits.stream()
        .map(v -> Change.created(v.toBuilder().regionId(new String(v.regionId())).build())).toList();
    // Updates as a sync reports them: the previous version and the new one (15 minutes longer).
    updates = visits.stream()
        .map(v -> Change.updated(v, v.toBuilder().end(v.end().plus(Duration.ofMinutes(15))).build())).toList();
    Aggregator all = Aggregator.create();
    creations.forEach(all::apply);
    counts = all.counts();
    updateBase = counts;
    Aggregator next = Aggregator.resume(counts);
    changeOnePercent(visits).forEach(next::apply);
    nextCounts = next.counts();
    firstRelease = counts.release(PrivacyPolicy.ofDefaults(), FIRST_SYNC);
  }

  /**
   * What a sync between two releases reports: 1% of the visits changed, a third each moved 15
   * minutes later, cancelled (or restored), and given another caregiver (a live visit loses its
   * caregiver, as in a call-out; one without is filled).
   */
  static List<Change> changeOnePercent(List<Visit> visits) {
    Random random = new Random(11);
    List<Change> changes = new ArrayList<>();
    for (Visit v : visits) {
      if (random.nextInt(100) != 0) {
        continue;
      }
      Visit.Builder b = v.toBuilder();
      switch (changes.size() % 3) {
        case 0 -> b.end(v.end().plus(Duration.ofMinutes(15)));
        case 1 -> b.status(v.isCancelled() ? VisitStatus.SCHEDULED : VisitStatus.CANCELLED);
        default -> {
          if (v.caregiver().isPresent() && v.status().isLive()) {
            b.caregiverId(null).status(VisitStatus.OPEN);
          } else {
            b.caregiverId("C1");
            if (v.status() == VisitStatus.OPEN || v.status() == VisitStatus.OFFERED) {
              b.status(VisitStatus.SCHEDULED);
            }
          }
        }
      }
      changes.add(Change.updated(v, b.build()));
    }
    return changes;
  }

  /** Creations: one fold of one visit each. Score = events per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(EVENTS)
  public Aggregator foldCreatedVisits(CpuClock cpu) {
    long t0 = cpu.now();
    Aggregator a = Aggregator.create();
    for (Change c : creations) {
      a.apply(c);
    }
    cpu.add(EVENTS, t0);
    return a;
  }

  /** Creations whose region ids are equal but not identical strings, one per record. Score = events per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(EVENTS)
  public Aggregator foldCreatedVisitsWithCopiedRegionIds(CpuClock cpu) {
    long t0 = cpu.now();
    Aggregator a = Aggregator.create();
    for (Change c : creationsWithCopiedIds) {
      a.apply(c);
    }
    cpu.add(EVENTS, t0);
    return a;
  }

  /** Updates: each removes the previous version and adds the new one. Score = events per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(EVENTS)
  public Aggregator foldUpdatedVisits(CpuClock cpu) {
    long t0 = cpu.now();
    Aggregator a = Aggregator.resume(updateBase);
    for (Change c : updates) {
      a.apply(c);
    }
    cpu.add(EVENTS, t0);
    return a;
  }

  /** CPU time of the benchmark thread, per iteration. */
  @State(Scope.Thread)
  public static class CpuClock {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long events;
    private long nanos;

    long now() {
      return threads.getCurrentThreadCpuTime();
    }

    void add(long count, long since) {
      events += count;
      nanos += now() - since;
    }

    @TearDown(Level.Iteration)
    public void report() {
      if (nanos > 0) {
        // Benchmarks may print: this figure goes to docs/performance.md next to the JMH score.
        System.out.printf("  [%,.0f events per CPU-second]%n", events * 1e9 / nanos);
      }
      events = 0;
      nanos = 0;
    }
  }

  /** Publishing the million visits' counts under the default policy (suppression and audit). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public AggregateSnapshot publishSnapshot() {
    return counts.publish(PrivacyPolicy.ofDefaults(), Instant.EPOCH);
  }

  /** The first release of a series: the same snapshot, plus the alternatives kept for the next one. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Release releaseFirst() {
    return counts.release(PrivacyPolicy.ofDefaults(), FIRST_SYNC);
  }

  /** The next release after a sync that changed 1% of the visits, consistent with the first. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Release releaseNext() {
    return nextCounts.release(PrivacyPolicy.ofDefaults(), NEXT_SYNC, firstRelease);
  }

  /**
   * One region of 100 areas over 12 weeks (about 56,000 visits; area volumes from 1 to ~250
   * visits a week), larger per region than the synthetic agency's, which draws at most a dozen
   * areas a region: publishing cost grows with the cells of a region's tables.
   */
  @State(Scope.Benchmark)
  public static class LargeRegion {
    AggregateCounts counts;
    AggregateCounts nextCounts;
    Release firstRelease;

    @Setup(Level.Trial)
    public void setUp() {
      Random random = new Random(5);
      ZoneId zone = ZoneId.of("America/Toronto");
      Instant week0 = LocalDate.of(2026, 9, 7).atStartOfDay(zone).toInstant();
      String letters = "ABCEGHJKLMNPRSTVWXYZ";
      List<Visit> visits = new ArrayList<>();
      for (int area = 0; area < 100; area++) {
        String postalCode = "M" + (1 + area / 20) + letters.charAt(area % 20) + " 1A1";
        double mean = Math.exp(random.nextDouble() * 5.5);
        for (int week = 0; week < 12; week++) {
          long n = Math.round(mean * (0.5 + random.nextDouble()));
          for (int k = 0; k < n; k++) {
            Instant start = week0.plus(Duration.ofDays(7L * week + random.nextInt(7)))
                .plus(Duration.ofHours(8 + random.nextInt(10)));
            boolean unfilled = random.nextInt(30) == 0;
            boolean cancelled = !unfilled && random.nextInt(25) == 0;
            visits.add(Visit.builder().id("V" + visits.size()).clientId("C" + random.nextInt(5000)).regionId("large")
                .zone(zone).start(start).end(start.plus(Duration.ofMinutes(30 + 15 * random.nextInt(8))))
                .caregiverId(unfilled ? null : "G" + random.nextInt(800))
                .status(unfilled ? VisitStatus.OPEN : cancelled ? VisitStatus.CANCELLED : VisitStatus.SCHEDULED)
                .postalCode(postalCode).build());
          }
        }
      }
      Aggregator all = Aggregator.create();
      visits.forEach(all::add);
      counts = all.counts();
      changeOnePercent(visits).forEach(all::apply);
      nextCounts = all.counts();
      firstRelease = counts.release(PrivacyPolicy.ofDefaults(), FIRST_SYNC);
    }
  }

  /** The large region's snapshot, published once. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public AggregateSnapshot publishLargeRegion(LargeRegion region) {
    return region.counts.publish(PrivacyPolicy.ofDefaults(), FIRST_SYNC);
  }

  /** The large region's first release. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Release releaseFirstLargeRegion(LargeRegion region) {
    return region.counts.release(PrivacyPolicy.ofDefaults(), FIRST_SYNC);
  }

  /** The large region's next release after 1% of its visits changed. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Release releaseNextLargeRegion(LargeRegion region) {
    return region.nextCounts.release(PrivacyPolicy.ofDefaults(), NEXT_SYNC, region.firstRelease);
  }
}
