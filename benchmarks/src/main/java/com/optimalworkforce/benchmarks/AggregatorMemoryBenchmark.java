package com.optimalworkforce.benchmarks;

import com.optimalworkforce.core.aggregate.AggregateCounts;
import com.optimalworkforce.core.aggregate.Aggregator;
import com.optimalworkforce.core.aggregate.Metric;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.lang.management.ManagementFactory;
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
 * Aggregating 10 million visits in a 128 MB heap: the visits are generated lazily from a large
 * synthetic agency and streamed through the aggregator, whose memory grows with areas and weeks
 * only. The time includes generating the visits (about half a microsecond each).
 *
 * <pre>{@code
 * benchmarks/run AggregatorMemoryBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m", "-Xms128m"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class AggregatorMemoryBenchmark {
  static final long VISITS = 10_000_000;

  private SyntheticAgency agency;
  private AggregateCounts last;

  @Setup(Level.Trial)
  public void setUp() {
    // 22,000 clients over 150 weeks: about 10.3 million visits, none of them held in memory.
    agency = SyntheticAgency.builder().seed(11).regions(8).usRegions(2).clients(22_000).caregivers(6_000)
        .weeksOfHistory(147).weeksAhead(2).build();
    if (agency.positions(EntityType.VISIT) < VISITS) {
      throw new IllegalStateException("agency has only " + agency.positions(EntityType.VISIT) + " visits");
    }
  }

  @Benchmark
  public AggregateCounts aggregateTenMillionVisitsIn128Mb() {
    Aggregator aggregator = Aggregator.create();
    aggregator.addAll(agency.visits().limit(VISITS));
    last = aggregator.counts();
    return last;
  }

  @TearDown(Level.Trial)
  public void report() {
    long visits = 0;
    long cancelled = 0;
    for (String region : last.regionIds()) {
      visits += last.regionTotal(region, Metric.VISITS);
      cancelled += last.regionTotal(region, Metric.CANCELLED_VISITS);
    }
    if (visits + cancelled != VISITS) {
      throw new IllegalStateException("aggregated " + (visits + cancelled) + " visits, expected " + VISITS);
    }
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long max = Runtime.getRuntime().maxMemory();
    // Benchmarks may print: this is the figure docs/performance.md reports.
    System.out.printf("%nAggregated %,d visits into %s; heap used after GC %,d KB of %,d KB max%n",
        visits + cancelled, last, used / 1024, max / 1024);
  }
}
