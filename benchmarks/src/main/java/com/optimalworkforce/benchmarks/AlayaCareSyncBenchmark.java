package com.optimalworkforce.benchmarks;

import com.optimalworkforce.connectors.alayacare.AlayaCareConnector;
import com.optimalworkforce.connectors.alayacare.AlayaCareConnectorConfig;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.ChangeListener;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.core.sync.SyncWindow;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full sync of a large agency (2,000 caregivers, 10,000 clients, about 100,000 visits in the
 * window) from the AlayaCare simulator through the sync engine, with a server-side rate limit of
 * {@code rate} requests a second and the connector's client-side limiter set to the same rate.
 * Each invocation prints the requests sent, the request rate reached as a share of the limit, and
 * the 429s the server answered (the goal: at least 90% of the limit, no 429).
 *
 * <pre>{@code
 * benchmarks/run AlayaCareSyncBenchmark -f 1 -wi 1 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class AlayaCareSyncBenchmark {
  /** Server-side limit and client-side limiter, in requests a second. */
  @Param({"200"})
  public double rate;

  private SyntheticAgency agency;
  private AlayaCareSimulator simulator;
  private Set<String> branches;
  private SyncWindow window;
  private long startedAt;

  @Setup(Level.Trial)
  public void startSimulator() {
    agency = SyntheticAgency.builder().seed(7).regions(6).clients(10_000).caregivers(2_000)
        .weeksOfHistory(3).weeksAhead(1).build();
    simulator = AlayaCareSimulator.builder(agency).rateLimit(rate).threads(32).start();
    window = SyncWindow.of(Duration.ofDays(17), Duration.ofDays(6));
    TimeWindow w = window.at(agency.now());
    long visits = agency.visits().filter(v -> w.contains(v.start())).count();
    try (AlayaCareConnector connector = connector()) {
      branches = connector.listRegions().stream().map(Region::id).collect(Collectors.toSet());
    }
    System.out.printf(Locale.ROOT, "%nAgency: %d branches, %d clients, %d caregivers, %d visits in the window %s%n",
        branches.size(), agency.clients().size(), agency.caregivers().size(), visits, w);
  }

  private AlayaCareConnector connector() {
    return AlayaCareConnector.create(AlayaCareConnectorConfig.builder().baseUrl(simulator.baseUrl())
        .publicKey(Secret.of(simulator.publicKey())).privateKey(simulator.privateKey())
        .rateLimit(rate).concurrency(16).pageSize(1000).timeout(Duration.ofSeconds(30)).clock(agency.clock())
        .build());
  }

  @Setup(Level.Invocation)
  public void resetCounters() {
    simulator.reset();
    startedAt = System.nanoTime();
  }

  /** One full initial sync into empty stores. */
  @Benchmark
  public SyncReport fullSync() {
    try (AlayaCareConnector connector = connector()) {
      SyncReport report = SyncEngine.builder("benchmark", connector)
          .scheduleStore(InMemoryScheduleStore.create()).integrationStore(InMemoryIntegrationStore.create())
          .clock(agency.clock()).window(window).pageSize(2000).listener(ChangeListener.noop()).build()
          .sync(branches);
      if (!report.completed()) {
        throw new IllegalStateException("Sync failed: " + report.failure().orElse("?"));
      }
      return report;
    }
  }

  @TearDown(Level.Invocation)
  public void report() {
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    long requests = simulator.requestCount();
    double reached = requests / seconds;
    System.out.printf(Locale.ROOT, "%n  %d requests in %.1f s: %.1f requests/s = %.1f%% of the %.0f/s limit;"
        + " %d answered 429%n", requests, seconds, reached, 100 * reached / rate, rate, simulator.responses(429));
  }

  @TearDown(Level.Trial)
  public void stopSimulator() {
    simulator.close();
  }
}
