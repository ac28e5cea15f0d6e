package com.optimalworkforce.benchmarks;

import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.SyntheticAgency;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast the synthetic agency builds a large agency and generates its visits, and how fast
 * content hashes are computed (the sync engine hashes every record it reads).
 *
 * <pre>{@code
 * benchmarks/run SyntheticAgencyBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SyntheticAgencyBenchmark {
  private SyntheticAgency agency;

  @Setup(Level.Trial)
  public void setUp() {
    agency = build();
  }

  private static SyntheticAgency build() {
    return SyntheticAgency.builder().seed(7).regions(6).clients(10_000).caregivers(2_000)
        .weeksOfHistory(2).weeksAhead(1).build();
  }

  /** Building the agency: clients, caregivers, the care plan. */
  @Benchmark
  public SyntheticAgency buildLargeAgency() {
    return build();
  }

  /** Generating every visit (about 125,000) of the agency. */
  @Benchmark
  public long generateAllVisits() {
    return agency.visits().count();
  }

  /** Generating and hashing every visit. */
  @Benchmark
  public void hashAllVisits(Blackhole bh) {
    agency.visits().map(Visit::contentHash).forEach(bh::consume);
  }
}
