package com.optimalworkforce.benchmarks;

import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.store.FileIntegrationStore;
import com.optimalworkforce.core.store.FileScheduleStore;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncProgressListener;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.testkit.InMemoryConnector;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * A full sync of a large synthetic agency (about a million visits in the sync window, plus its
 * clients, caregivers, offers, call-outs and unavailability) from the in-memory connector into the
 * durable, encrypted {@link FileScheduleStore} and {@link FileIntegrationStore}, in a JVM limited
 * to a 256 MB heap: memory stays bounded by the page size and the store's cache, not by the
 * number of records. Also the re-read of the same window with nothing changed (the incremental
 * sync of a source without "changed since").
 *
 * <pre>{@code
 * benchmarks/run SyncBenchmark -f 1 -wi 0 -i 1 -to 90m
 * benchmarks/run SyncBenchmark -f 1 -wi 0 -i 1 -p clients=4000   # about 150,000 records
 * }</pre>
 *
 * <p>Each run prints its {@link SyncReport}, for records per second.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=/dev/null"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class SyncBenchmark {
  static final CredentialVault VAULT = CredentialVault.create(KeyProvider.of("bench", new byte[32]));
  static final int PAGE_SIZE = 1000;

  /** The agency and a fresh store directory. */
  @State(Scope.Benchmark)
  public static class Source {
    /** 40,000 clients: about 1.04 million visits in the default window (4 weeks back, 4 ahead). */
    @Param({"40000"})
    public int clients;

    SyntheticAgency agency;
    Set<String> regions;
    Path dir;

    @Setup(Level.Trial)
    public void agency() {
      agency = SyntheticAgency.builder().seed(7).regions(6).clients(clients).caregivers(clients / 5)
          .weeksOfHistory(4).weeksAhead(4).build();
      regions = agency.regions().stream().map(r -> r.id()).collect(Collectors.toSet());
    }

    SyncEngine engine(FileScheduleStore schedule, FileIntegrationStore integrations) {
      return SyncEngine.builder("bench", InMemoryConnector.builder(agency).apiKey(agency.apiKey()).build())
          .scheduleStore(schedule).integrationStore(integrations).clock(agency.clock()).pageSize(PAGE_SIZE).build();
    }
  }

  /** Fresh, empty stores for every initial sync. */
  @State(Scope.Benchmark)
  public static class Empty {
    Path dir;
    FileScheduleStore schedule;
    FileIntegrationStore integrations;

    @Setup(Level.Iteration)
    public void open() throws IOException {
      dir = Files.createTempDirectory("sync-bench");
      schedule = FileScheduleStore.open(dir.resolve("schedule"), VAULT);
      integrations = FileIntegrationStore.open(dir.resolve("integrations"), VAULT);
    }

    @TearDown(Level.Iteration)
    public void close() {
      schedule.close();
      delete(dir);
    }
  }

  /** Stores holding a completed sync, for re-reads. */
  @State(Scope.Benchmark)
  public static class Synced {
    Path dir;
    FileScheduleStore schedule;
    FileIntegrationStore integrations;

    @Setup(Level.Trial)
    public void sync(Source source) throws IOException {
      dir = Files.createTempDirectory("sync-bench");
      schedule = FileScheduleStore.open(dir.resolve("schedule"), VAULT);
      integrations = FileIntegrationStore.open(dir.resolve("integrations"), VAULT);
      print("setup (initial sync)", source.engine(schedule, integrations).sync(source.regions));
    }

    @TearDown(Level.Trial)
    public void close() {
      schedule.close();
      delete(dir);
    }
  }

  static SyncReport print(String what, SyncReport r) {
    if (!r.completed()) {
      throw new IllegalStateException(what + " failed: " + r.failure().orElse(""));
    }
    System.out.printf("%n%s: %d pages, %d records read (%d created, %d updated, %d unchanged, %d deleted)%n", what,
        r.pages(), r.recordsRead(), r.created(), r.updated(), r.unchanged(), r.deleted());
    return r;
  }

  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The initial sync: every record read, hashed, written to the log and the buckets. */
  @Benchmark
  public SyncReport initialSync(Source source, Empty stores) {
    return print("initial sync", source.engine(stores.schedule, stores.integrations).sync(source.regions, progress()));
  }

  /** Prints every 100th page: how far a long run got, and the heap in use. */
  static SyncProgressListener progress() {
    long start = System.nanoTime();
    return p -> {
      if (p.pages() % 100 == 0) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%n  %d pages, %d records, %s of %s, %.0f s, heap used %d MB%n", p.pages(), p.records(),
            p.type(), p.regionId(), (System.nanoTime() - start) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20);
      }
    };
  }

  /** The same window read again with nothing changed: every record compared, marked seen, none changed. */
  @Benchmark
  public SyncReport resyncUnchanged(Source source, Synced stores) {
    return print("re-read, nothing changed", source.engine(stores.schedule, stores.integrations).sync(source.regions));
  }
}
