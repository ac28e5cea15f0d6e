package com.optimalworkforce.core.sync;

import static com.optimalworkforce.core.sync.SyncFixtures.agency;
import static com.optimalworkforce.core.sync.SyncFixtures.allRegions;
import static com.optimalworkforce.core.sync.SyncFixtures.connector;
import static com.optimalworkforce.core.sync.SyncFixtures.content;
import static com.optimalworkforce.core.sync.SyncFixtures.expected;
import static com.optimalworkforce.core.sync.SyncFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.store.FileIntegrationStore;
import com.optimalworkforce.core.store.FileScheduleStore;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.ScheduleQuery;
import com.optimalworkforce.core.store.ScheduleStore;
import com.optimalworkforce.core.store.ScheduleWrite;
import com.optimalworkforce.core.store.StoredRecord;
import com.optimalworkforce.core.sync.SyncFixtures.Recorder;
import com.optimalworkforce.testkit.ForwardingIntegrationStore;
import com.optimalworkforce.testkit.ForwardingScheduleStore;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sync that dies anywhere ends, after resuming, with exactly the store content and the change
 * events of an uninterrupted sync.
 */
class SyncEngineRecoveryTest {
  static final int PAGE = 40;

  /** The outcome of a sync scenario: store content and the changes delivered. */
  record Outcome(Map<RecordKey, StoredRecord> stored, List<Change> changes, SyncReport last) {}

  /** Initial sync, then 1% changed and 5 deleted, then an incremental sync. */
  static Outcome uninterrupted(long seed) {
    SyntheticAgency agency = agency(seed);
    MutableClock clock = MutableClock.at(agency.now());
    InMemoryScheduleStore store = InMemoryScheduleStore.create();
    InMemoryIntegrationStore is = InMemoryIntegrationStore.create();
    Recorder recorder = new Recorder();
    SyncEngine engine = SyncEngine.builder("acme", connector(agency).build()).scheduleStore(store).integrationStore(is)
        .clock(clock).pageSize(PAGE).listener(recorder).build();
    engine.sync(allRegions(agency));
    mutate(agency, clock);
    SyncReport last = engine.sync(allRegions(agency));
    return new Outcome(stored(store), List.copyOf(recorder.changes), last);
  }

  static void mutate(SyntheticAgency agency, MutableClock clock) {
    agency.changeVisits(v -> true, 0.01, 7);
    agency.deleteVisits(v -> true, 5, 8);
    clock.advance(Duration.ofHours(1));
  }

  @ParameterizedTest(name = "crash after {0} pages of the initial sync")
  @ValueSource(ints = {0, 1, 5, 17, 33, 37})
  void crashBetweenPagesOfTheInitialSync(int pages) {
    Outcome reference = uninterrupted(3);
    SyntheticAgency agency = agency(3);
    MutableClock clock = MutableClock.at(agency.now());
    InMemoryScheduleStore store = InMemoryScheduleStore.create();
    InMemoryIntegrationStore is = InMemoryIntegrationStore.create();
    Recorder recorder = new Recorder();
    SyncEngine.Builder b = SyncEngine.builder("acme", connector(agency).build()).scheduleStore(store)
        .integrationStore(is).clock(clock).pageSize(PAGE).listener(recorder);

    SyncReport crashed = b.connector(connector(agency).crashAfterPages(pages).build()).build().sync(allRegions(agency));
    assertThat(crashed.completed()).isFalse();
    SyncReport resumed = b.connector(connector(agency).build()).build().sync(allRegions(agency));
    assertThat(resumed.completed()).isTrue();
    assertThat(resumed.resumed()).isTrue();
    mutate(agency, clock);
    SyncReport last = b.build().sync(allRegions(agency));

    assertThat(stored(store)).isEqualTo(reference.stored());
    assertThat(content(store)).as("what the source holds now").isEqualTo(expected(agency, allRegions(agency),
        SyncWindow.DEFAULT, clock));
    assertThat(recorder.changes).isEqualTo(reference.changes());
    assertThat(last.changes()).isEqualTo(reference.last().changes());
  }

  @TempDir
  Path dir;

  static Map<RecordKey, StoredRecord> storedIn(ScheduleStore store) {
    Map<RecordKey, StoredRecord> out = new TreeMap<>();
    try (Stream<StoredRecord> all = store.query(ScheduleQuery.all())) {
      all.forEach(r -> out.put(r.key(), r));
    }
    return out;
  }

  /** The process dies between pages: the durable stores are left unclosed and opened again by the next process. */
  @ParameterizedTest(name = "process killed after {0} pages, durable stores reopened")
  @ValueSource(ints = {1, 17})
  void aProcessKilledBetweenPagesResumesFromTheReopenedDurableStores(int pages) {
    Outcome reference = uninterrupted(3);
    SyntheticAgency agency = agency(3);
    MutableClock clock = MutableClock.at(agency.now());
    CredentialVault vault = CredentialVault.create(KeyProvider.of("k1", new byte[32]));
    Recorder recorder = new Recorder();

    FileScheduleStore killedSchedule = FileScheduleStore.open(dir.resolve("schedule"), vault);
    SyncReport crashed = SyncEngine.builder("acme", connector(agency).crashAfterPages(pages).build())
        .scheduleStore(killedSchedule).integrationStore(FileIntegrationStore.open(dir.resolve("integrations"), vault))
        .clock(clock).pageSize(PAGE).listener(recorder).build().sync(allRegions(agency));
    assertThat(crashed.completed()).isFalse();
    // No close(): the next process finds only what each call made durable.

    try (FileScheduleStore schedule = FileScheduleStore.open(dir.resolve("schedule"), vault)) {
      SyncEngine next = SyncEngine.builder("acme", connector(agency).build()).scheduleStore(schedule)
          .integrationStore(FileIntegrationStore.open(dir.resolve("integrations"), vault)).clock(clock).pageSize(PAGE)
          .listener(recorder).build();
      SyncReport resumed = next.sync(allRegions(agency));
      assertThat(resumed.resumed()).isTrue();
      assertThat(resumed.completed()).isTrue();
      mutate(agency, clock);
      assertThat(next.sync(allRegions(agency)).completed()).isTrue();

      assertThat(storedIn(schedule)).isEqualTo(reference.stored());
      assertThat(recorder.changes).isEqualTo(reference.changes());
    }
  }

  @ParameterizedTest(name = "crash after {0} pages of the incremental sync")
  @ValueSource(ints = {0, 2, 9, 30, 37})
  void crashBetweenPagesOfTheIncrementalSync(int pages) {
    Outcome reference = uninterrupted(3);
    SyntheticAgency agency = agency(3);
    MutableClock clock = MutableClock.at(agency.now());
    InMemoryScheduleStore store = InMemoryScheduleStore.create();
    InMemoryIntegrationStore is = InMemoryIntegrationStore.create();
    Recorder recorder = new Recorder();
    SyncEngine.Builder b = SyncEngine.builder("acme", connector(agency).build()).scheduleStore(store)
        .integrationStore(is).clock(clock).pageSize(PAGE).listener(recorder);
    b.build().sync(allRegions(agency));
    mutate(agency, clock);

    SyncReport crashed = b.connector(connector(agency).crashAfterPages(pages).build()).build().sync(allRegions(agency));
    SyncReport resumed = b.connector(connector(agency).build()).build().sync(allRegions(agency));

    assertThat(crashed.completed()).isFalse();
    assertThat(resumed.completed()).isTrue();
    assertThat(stored(store)).isEqualTo(reference.stored());
    assertThat(content(store)).as("what the source holds now").isEqualTo(expected(agency, allRegions(agency),
        SyncWindow.DEFAULT, clock));
    assertThat(recorder.changes).isEqualTo(reference.changes());
    assertThat(resumed.changes()).isEqualTo(reference.last().changes());
    assertThat(resumed.recordsRead()).isEqualTo(reference.last().recordsRead());
  }

  /** Fails the n-th batch write before it reaches the store: a crash after the commit point. */
  static final class FailingScheduleStore extends ForwardingScheduleStore<InMemoryScheduleStore> {
    final AtomicInteger applies = new AtomicInteger();
    volatile int failAt = -1;

    FailingScheduleStore() {
      super(InMemoryScheduleStore.create());
    }

    @Override
    public void apply(List<? extends ScheduleWrite> writes) {
      if (applies.incrementAndGet() == failAt) {
        throw new IllegalStateException("disk full (simulated)");
      }
      delegate.apply(writes);
    }
  }

  /** Fails the n-th checkpoint save that commits a page's changes, before saving it. */
  static final class FailingIntegrationStore extends ForwardingIntegrationStore<InMemoryIntegrationStore> {
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger clears = new AtomicInteger();
    volatile int failCommitAt = -1;
    volatile int failClearAt = -1;
    private boolean lastHadPending;

    FailingIntegrationStore() {
      super(InMemoryIntegrationStore.create());
    }

    @Override
    public synchronized void saveCheckpoint(String id, String checkpoint) {
      boolean pending = !checkpoint.contains("\"pending\":null");
      if (pending && commits.incrementAndGet() == failCommitAt) {
        throw new IllegalStateException("database connection lost (simulated)");
      }
      if (!pending && lastHadPending && clears.incrementAndGet() == failClearAt) {
        throw new IllegalStateException("database connection lost (simulated)");
      }
      lastHadPending = pending;
      delegate.saveCheckpoint(id, checkpoint);
    }
  }

  @ParameterizedTest(name = "the schedule store fails batch {0}")
  @ValueSource(ints = {1, 4, 20, 37})
  void aStoreFailureAfterTheCommitPointIsRepairedOnResume(int failAt) {
    Outcome reference = uninterrupted(3);
    SyntheticAgency agency = agency(3);
    MutableClock clock = MutableClock.at(agency.now());
    FailingScheduleStore store = new FailingScheduleStore();
    store.failAt = failAt;
    Recorder recorder = new Recorder();
    SyncEngine engine = SyncEngine.builder("acme", connector(agency).build()).scheduleStore(store)
        .integrationStore(InMemoryIntegrationStore.create()).clock(clock).pageSize(PAGE).listener(recorder).build();

    SyncReport failed = engine.sync(allRegions(agency));
    assertThat(failed.completed()).isFalse();
    assertThat(failed.failure()).get().asString().contains("disk full (simulated)")
        .contains("resumes from its last checkpoint");
    engine.sync(allRegions(agency));
    mutate(agency, clock);
    engine.sync(allRegions(agency));

    assertThat(stored(store.delegate())).isEqualTo(reference.stored());
    assertThat(recorder.changes).isEqualTo(reference.changes());
  }

  @ParameterizedTest(name = "the checkpoint of commit {0} fails")
  @ValueSource(ints = {1, 3, 12, 37})
  void aCheckpointFailureAtTheCommitPointLosesAndRepeatsNothing(int failAt) {
    Outcome reference = uninterrupted(3);
    SyntheticAgency agency = agency(3);
    MutableClock clock = MutableClock.at(agency.now());
    InMemoryScheduleStore store = InMemoryScheduleStore.create();
    FailingIntegrationStore is = new FailingIntegrationStore();
    is.failCommitAt = failAt;
    Recorder recorder = new Recorder();
    SyncEngine engine = SyncEngine.builder("acme", connector(agency).build()).scheduleStore(store).integrationStore(is)
        .clock(clock).pageSize(PAGE).listener(recorder).build();

    assertThat(engine.sync(allRegions(agency)).completed()).isFalse();
    assertThat(engine.sync(allRegions(agency)).completed()).isTrue();
    mutate(agency, clock);
    engine.sync(allRegions(agency));

    assertThat(is.commits.get()).isGreaterThan(failAt);
    assertThat(stored(store)).isEqualTo(reference.stored());
    assertThat(recorder.changes).isEqualTo(reference.changes());
  }

  /**
   * The one window without exactly-once delivery, documented: the listeners returned but the
   * checkpoint clearing the outbox was not saved. That page is delivered again on resume (at least
   * once); the store content is still exact.
   */
  @Test
  void aFailureBetweenDeliveryAndClearingTheOutboxDeliversThatPageAgain() {
    Outcome reference = uninterrupted(3);
    SyntheticAgency agency = agency(3);
    MutableClock clock = MutableClock.at(agency.now());
    InMemoryScheduleStore store = InMemoryScheduleStore.create();
    FailingIntegrationStore is = new FailingIntegrationStore();
    is.failClearAt = 3;
    Recorder recorder = new Recorder();
    SyncEngine engine = SyncEngine.builder("acme", connector(agency).build()).scheduleStore(store).integrationStore(is)
        .clock(clock).pageSize(PAGE).listener(recorder).build();

    assertThat(engine.sync(allRegions(agency)).completed()).isFalse();
    assertThat(engine.sync(allRegions(agency)).completed()).isTrue();
    mutate(agency, clock);
    engine.sync(allRegions(agency));

    assertThat(stored(store)).isEqualTo(reference.stored());
    List<Integer> sizes = recorder.batchSizes;
    int offset = sizes.get(0) + sizes.get(1) + sizes.get(2);
    assertThat(recorder.changes).hasSize(reference.changes().size() + sizes.get(3));
    assertThat(recorder.changes.subList(offset, offset + sizes.get(3)))
        .isEqualTo(recorder.changes.subList(offset - sizes.get(2), offset));
    List<Change> deduplicated = new java.util.ArrayList<>(recorder.changes);
    deduplicated.subList(offset, offset + sizes.get(3)).clear();
    assertThat(deduplicated).isEqualTo(reference.changes());
  }

}
