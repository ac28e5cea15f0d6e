package com.optimalworkforce.core.sync;

import static com.optimalworkforce.core.sync.SyncFixtures.agency;
import static com.optimalworkforce.core.sync.SyncFixtures.content;
import static com.optimalworkforce.core.sync.SyncFixtures.expected;
import static com.optimalworkforce.core.sync.SyncFixtures.region;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.ConnectorProvider;
import com.optimalworkforce.core.connector.CredentialField;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.AuditEntry;
import com.optimalworkforce.core.security.AuditLog;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.FileIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.IntegrationState;
import com.optimalworkforce.core.store.IntegrationStore;
import com.optimalworkforce.core.sync.SyncFixtures.Around;
import com.optimalworkforce.core.sync.SyncFixtures.Recorder;
import com.optimalworkforce.testkit.InMemoryConnectorProvider;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The setup wizard as an API, end to end on the in-memory connector. */
class IntegrationTest {
  static final CredentialVault VAULT = CredentialVault.create(KeyProvider.of("k1", new byte[32]));

  final SyntheticAgency agency = agency(5);
  final MutableClock clock = MutableClock.at(agency.now());
  final InMemoryScheduleStore store = InMemoryScheduleStore.create();
  final AuditLog audit = AuditLog.inMemory(clock);
  final Recorder recorder = new Recorder();
  final AtomicBoolean sourceDown = new AtomicBoolean();

  @TempDir
  Path dir;

  /** The in-memory provider, whose connectors fail with a timeout while {@link #sourceDown} is set. */
  ConnectorProvider provider() {
    InMemoryConnectorProvider real = new InMemoryConnectorProvider(agency);
    return new ConnectorProvider() {
      @Override
      public String id() {
        return real.id();
      }

      @Override
      public String displayName() {
        return real.displayName();
      }

      @Override
      public List<CredentialField> fields() {
        return real.fields();
      }

      @Override
      public Connector create(ConnectorConfig config) {
        return new Around(real.create(config), r -> {
          if (sourceDown.get()) {
            throw new ConnectorException(ConnectionFailure.TIMEOUT, "the in-memory source did not answer within 30 s."
                + " Check that it is running, or raise the timeout.");
          }
        });
      }
    };
  }

  ConnectorConfig config(String key, Map<String, String> settings) {
    ConnectorConfig.Builder b = ConnectorConfig.builder("in-memory").secret("apiKey", Secret.of(key));
    settings.forEach(b::setting);
    return b.timeout(Duration.ofMillis(200)).build();
  }

  Integration.Builder builder(IntegrationStore is) {
    return Integration.builder("acme", provider()).vault(VAULT).integrationStore(is).scheduleStore(store)
        .auditLog(audit).clock(clock).pageSize(40).listener(recorder);
  }

  @Test
  void theWizardFlowFromWrongCredentialsToDeletedData() throws Exception {
    IntegrationStore is = FileIntegrationStore.open(dir, VAULT);
    String east = region(agency, 0);
    String west = region(agency, 1);
    Integration acme = builder(is).config(config("not-the-key", Map.of())).build();

    // 1. Test connection: wrong key.
    ConnectionCheck wrong = acme.testConnection();
    assertThat(wrong.ok()).isFalse();
    assertThat(wrong.message()).startsWith("Invalid credentials: ").contains("Check the key");
    assertThat(acme.status().saved()).isFalse();
    assertThat(acme.status().state()).isEqualTo(IntegrationState.ERROR);
    assertThat(acme.status().lastError()).get().asString().startsWith("Invalid credentials: ");
    assertThat(acme.diagnose()).extracting(Diagnostic::code)
        .containsExactly(Diagnostic.Code.NOT_CONNECTED, Diagnostic.Code.NO_REGION_SELECTED);
    assertThat(acme.diagnose().get(0).message()).contains("The last test failed: Invalid credentials: ");
    assertThatThrownBy(() -> acme.complete(SyncProgressListener.noop())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test the connection successfully");

    // 2. New credentials, tested before they are saved.
    assertThat(acme.updateCredentials(Map.of("apiKey", Secret.of("still-wrong"))).message())
        .startsWith("Invalid credentials");
    assertThat(is.find("acme")).isEmpty();
    assertThat(acme.updateCredentials(Map.of("apiKey", agency.apiKey())).ok()).isTrue();
    assertThat(is.find("acme")).isPresent();
    assertThat(acme.status().state()).isEqualTo(IntegrationState.CONNECTED);
    assertThat(acme.status().lastError()).isEmpty();
    assertThat(new String(is.credentials("acme").orElseThrow(), StandardCharsets.ISO_8859_1))
        .doesNotContain(agency.apiKey().reveal());

    // 3. Regions: list, reject an unknown one, start with one.
    assertThat(acme.availableRegions()).extracting(r -> r.id()).containsExactlyInAnyOrder(east, west);
    assertThatThrownBy(() -> acme.selectRegions(Set.of("atlantis"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Region 'atlantis' is not available").hasMessageContaining(east);
    acme.selectRegions(Set.of(east));
    assertThat(acme.diagnose()).extracting(Diagnostic::code).containsExactly(Diagnostic.Code.INITIAL_SYNC_NOT_FINISHED);

    // 4. Complete: the initial sync with progress.
    List<SyncProgress> progress = new ArrayList<>();
    SyncReport initial = acme.complete(progress::add);
    assertThat(initial.completed()).isTrue();
    assertThat(progress).isNotEmpty();
    assertThat(acme.status().state()).isEqualTo(IntegrationState.CONNECTED);
    assertThat(acme.status().initialSyncCompleted()).isTrue();
    assertThat(acme.diagnose()).isEmpty();
    assertThat(content(store)).isEqualTo(expected(agency, Set.of(east), SyncWindow.DEFAULT, clock));

    // 5. Incremental sync: only the changes.
    List<String> changed = agency.changeVisits(v -> v.regionId().equals(east), 0.01, 3);
    clock.advance(Duration.ofHours(6));
    recorder.changes.clear();
    SyncReport incremental = acme.syncNow();
    assertThat(incremental.updated()).isEqualTo(changed.size()).isPositive();
    assertThat(recorder.changes).hasSize(changed.size());

    // 6. Add a region: synced now. Remove one: its data goes.
    assertThatThrownBy(() -> acme.selectRegions(Set.of(west))).hasMessageContaining("use addRegion or removeRegion");
    Optional<SyncReport> added = acme.addRegion(west, SyncProgressListener.noop());
    assertThat(added).get().extracting(SyncReport::created)
        .isEqualTo((long) expected(agency, Set.of(west), SyncWindow.DEFAULT, clock).size());
    assertThat(acme.status().selectedRegions()).containsExactlyInAnyOrder(east, west);
    recorder.changes.clear();
    long removed = acme.removeRegion(east);
    assertThat(removed).isPositive();
    assertThat(recorder.changes).hasSize((int) removed).allMatch(c -> c.isDelete());
    assertThat(content(store)).isEqualTo(expected(agency, Set.of(west), SyncWindow.DEFAULT, clock));

    // 7. A restart: the saved integration opens without a config, credentials unsealed.
    Integration again = builder(FileIntegrationStore.open(dir, VAULT)).build();
    assertThat(again.status().selectedRegions()).containsExactly(west);
    assertThat(again.syncNow().completed()).isTrue();
    assertThatThrownBy(() -> builder(is).config(config("x", Map.of())).build())
        .hasMessageContaining("already saved");

    // 8. Disconnect: no syncs, data kept; then delete the data.
    again.disconnect();
    assertThat(again.status().state()).isEqualTo(IntegrationState.DISCONNECTED);
    assertThat(again.diagnose()).extracting(Diagnostic::code).containsExactly(Diagnostic.Code.DISCONNECTED);
    assertThatThrownBy(again::syncNow).hasMessageContaining("is disconnected");
    assertThat(store.size()).isPositive();
    recorder.changes.clear();
    long deleted = again.deleteData();
    assertThat(deleted).isEqualTo(recorder.changes.size()).isPositive();
    assertThat(store.size()).isZero();
    assertThat(is.find("acme")).isEmpty();
    assertThat(is.checkpoint("acme")).isEmpty();
    try (Stream<Path> left = Files.walk(dir)) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }

    // The audit trail: every step, verifiable, without secrets or names.
    assertThat(audit.entries()).extracting(AuditEntry::action).containsSubsequence(
        "integration.connection-test-failed", "credentials.rejected", "integration.connected", "credentials.updated",
        "regions.selected", "sync.completed", "sync.completed", "regions.added", "sync.completed", "regions.removed",
        "sync.completed", "integration.disconnected", "integration.data-deleted");
    assertThat(audit.verify().ok()).isTrue();
    Set<String> names = agency.clients().stream().map(Client::name).flatMap(n -> Stream.of(n.given(), n.family()))
        .collect(Collectors.toSet());
    agency.caregivers().stream().map(Caregiver::name).forEach(n -> names.add(n.family()));
    String trail = audit.entries().stream().map(e -> e.details().toString()).collect(Collectors.joining("\n"));
    assertThat(trail).doesNotContain(agency.apiKey().reveal(), "still-wrong", "not-the-key");
    assertThat(names).allSatisfy(n -> assertThat(trail).doesNotContain(" " + n));
  }

  @Test
  void previewCountsPerRegionWithoutWritingAndMatchesTheSnapshotSavedAfterTheInitialSync() {
    IntegrationStore is = FileIntegrationStore.open(dir, VAULT);
    Integration acme = builder(is).config(config(agency.apiKey().reveal(), Map.of())).build();
    String east = region(agency, 0);
    acme.selectRegions(Set.of(east));
    assertThatThrownBy(() -> Integration.builder("x", provider()).vault(VAULT).config(config("k", Map.of())).build()
        .preview()).hasMessageContaining("No region selected");

    com.optimalworkforce.core.aggregate.AggregateSnapshot preview = acme.preview();

    assertThat(store.size()).isZero();
    assertThat(is.checkpoint("acme")).isEmpty();
    assertThat(recorder.changes).isEmpty();
    assertThat(preview.regions()).singleElement().satisfies(r -> {
      assertThat(r.regionId()).isEqualTo(east);
      long visits = agency.select(EntityType.VISIT, Set.of(east), SyncWindow.DEFAULT.at(clock.instant()))
          .map(Visit.class::cast).filter(v -> !v.isCancelled()).count();
      assertThat(r.total().visits()).hasValue(visits);
      assertThat(r.total().activeClients()).isPresent();
    });
    assertThat(preview.toJson()).doesNotContain(agency.clients().get(0).name().family());

    acme.testConnection();
    assertThat(audit.entries()).extracting(AuditEntry::action).containsExactly("integration.connected",
        "regions.selected");
    assertThat(audit.entries().get(1).details()).containsEntry("regions", east);
    acme.complete(SyncProgressListener.noop());
    assertThat(acme.latestSnapshot()).contains(preview);
    assertThat(is.snapshot("acme")).contains(preview);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "wrong key, wrong, false, 0, 'Invalid credentials: ', Check the key",
      "no permission, good, true, 0, 'Access denied: ', Ask an administrator",
      "too slow, good, false, 1000, 'Connection timeout: ', raise the timeout"})
  void connectionProblemsGetWizardMessagesWithTheNextStep(String name, String key, boolean denied, int latency,
      String prefix, String nextStep) {
    Integration acme = builder(FileIntegrationStore.open(dir, VAULT))
        .config(config(key.equals("good") ? agency.apiKey().reveal() : key,
            Map.of("accessDenied", String.valueOf(denied), "latencyMillis", String.valueOf(latency)))).build();
    ConnectionCheck check = acme.testConnection();
    assertThat(check.ok()).isFalse();
    assertThat(check.message()).startsWith(prefix).contains(nextStep);
  }

  @Test
  void aFailedSyncShowsErrorWithTheMessageAndTheNextSyncRecovers() {
    Integration acme = builder(FileIntegrationStore.open(dir, VAULT)).config(config(agency.apiKey().reveal(), Map.of()))
        .build();
    assertThat(acme.testConnection().ok()).isTrue();
    acme.selectRegions(Set.of(region(agency, 0)));
    assertThat(acme.complete(SyncProgressListener.noop()).completed()).isTrue();

    sourceDown.set(true);
    SyncReport failed = acme.syncNow();
    assertThat(failed.completed()).isFalse();
    assertThat(acme.status().state()).isEqualTo(IntegrationState.ERROR);
    assertThat(acme.status().lastError()).get().asString().startsWith("Connection timeout: ");
    assertThat(acme.diagnose()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Diagnostic.Code.LAST_SYNC_FAILED);
      assertThat(d.message()).startsWith("Last sync failed: Connection timeout: ").contains("raise the timeout");
    });
    assertThat(audit.entries()).extracting(AuditEntry::action).contains("sync.failed");

    sourceDown.set(false);
    assertThat(acme.syncNow().completed()).isTrue();
    assertThat(acme.status().state()).isEqualTo(IntegrationState.CONNECTED);
    assertThat(acme.status().lastError()).isEmpty();
  }

  @Test
  void quarantinedRecordsShowInStatusAndDiagnostics() {
    Set<String> bad = agency.visits().limit(50).map(Visit::id).filter(id -> id.endsWith("3")).collect(Collectors.toSet());
    InMemoryConnectorProvider real = new InMemoryConnectorProvider(agency);
    ConnectorProvider rejecting = new ConnectorProvider() {
      @Override
      public String id() {
        return real.id();
      }

      @Override
      public String displayName() {
        return real.displayName();
      }

      @Override
      public List<CredentialField> fields() {
        return real.fields();
      }

      @Override
      public Connector create(ConnectorConfig config) {
        return com.optimalworkforce.testkit.InMemoryConnector.builder(agency).apiKey(config.requireSecret("apiKey"))
            .reject(r -> bad.contains(r.id()), "end is before start").build();
      }
    };
    Integration acme = Integration.builder("acme", rejecting).config(config(agency.apiKey().reveal(), Map.of()))
        .vault(VAULT).scheduleStore(store).clock(clock).build();
    acme.testConnection();
    acme.selectRegions(SyncFixtures.allRegions(agency));
    acme.complete(SyncProgressListener.noop());

    assertThat(bad).isNotEmpty();
    assertThat(acme.status().quarantined()).isEqualTo(bad.size());
    assertThat(acme.diagnose()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Diagnostic.Code.RECORDS_QUARANTINED);
      assertThat(d.message()).startsWith(bad.size() + " record(s) quarantined");
    });
    assertThat(bad).allSatisfy(id -> assertThat(store.get(RecordKey.of(EntityType.VISIT, id))).isEmpty());
  }

  @Test
  void aSecondSyncRequestWhileSyncingIsRefused() throws Exception {
    Integration acme = builder(FileIntegrationStore.open(dir, VAULT)).config(config(agency.apiKey().reveal(), Map.of()))
        .build();
    acme.testConnection();
    acme.selectRegions(Set.of(region(agency, 0)));
    java.util.concurrent.CountDownLatch inProgress = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CompletableFuture<SyncReport> first = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> acme.complete(p -> {
          inProgress.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }));
    inProgress.await();
    assertThat(acme.status().state()).isEqualTo(IntegrationState.SYNCING);
    assertThatThrownBy(acme::syncNow).isInstanceOf(SyncAlreadyRunningException.class)
        .hasMessageContaining("already syncing");
    release.countDown();
    assertThat(first.get().completed()).isTrue();
    assertThat(acme.status().state()).isEqualTo(IntegrationState.CONNECTED);
  }

  @Test
  void disconnectingStopsARunningSyncAfterItsPageKeepsTheDataAndReconnectingResumesIt() {
    IntegrationStore is = FileIntegrationStore.open(dir, VAULT);
    Integration acme = builder(is).config(config(agency.apiKey().reveal(), Map.of())).build();
    assertThat(acme.testConnection().ok()).isTrue();
    String east = region(agency, 0);
    acme.selectRegions(Set.of(east));
    List<SyncProgress> pages = new ArrayList<>();

    SyncReport stopped = acme.complete(p -> {
      pages.add(p);
      if (pages.size() == 3) {
        acme.disconnect();   // e.g. from the dashboard, while the sync runs
      }
    });

    assertThat(stopped.completed()).isFalse();
    assertThat(stopped.failure()).get().asString().contains("stopped on request");
    assertThat(pages).hasSize(3);
    assertThat(stopped.pages()).isEqualTo(3);
    assertThat(acme.status().state()).isEqualTo(IntegrationState.DISCONNECTED);
    assertThat(acme.status().initialSyncCompleted()).isFalse();
    long kept = store.size();
    assertThat(kept).as("the pages synced before the stop are kept").isPositive();
    assertThatThrownBy(acme::syncNow).hasMessageContaining("is disconnected");
    assertThat(store.size()).isEqualTo(kept);
    assertThat(audit.entries()).extracting(AuditEntry::action).containsSubsequence("integration.disconnected",
        "sync.failed");

    assertThat(acme.reconnect().ok()).isTrue();
    SyncReport resumed = acme.syncNow();
    assertThat(resumed.completed()).isTrue();
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.runId()).isEqualTo(stopped.runId());
    assertThat(acme.status().initialSyncCompleted()).isTrue();
    assertThat(content(store)).isEqualTo(expected(agency, Set.of(east), SyncWindow.DEFAULT, clock));
    assertThat(recorder.changes).hasSize(expected(agency, Set.of(east), SyncWindow.DEFAULT, clock).size());
  }

  @Test
  void afterAKeyRotationTheCredentialsAreReencryptedAndOpenWithTheNewKeyAlone() {
    byte[] k1 = new byte[32];
    byte[] k2 = new byte[32];
    java.util.Arrays.fill(k1, (byte) 1);
    java.util.Arrays.fill(k2, (byte) 2);
    CredentialVault old = CredentialVault.create(KeyProvider.of("k1", k1));
    CredentialVault rotating = CredentialVault.create(KeyProvider.of(Map.of("k1", k1, "k2", k2), "k2"));
    CredentialVault rotated = CredentialVault.create(KeyProvider.of("k2", k2));
    Integration first = Integration.builder("acme", provider()).config(config(agency.apiKey().reveal(), Map.of()))
        .vault(old).integrationStore(FileIntegrationStore.open(dir, old)).auditLog(audit).clock(clock).build();
    assertThat(first.testConnection().ok()).isTrue();
    first.selectRegions(Set.of(region(agency, 0)));

    // The host adds the new key, makes it current, and re-encrypts the store and the credentials.
    FileIntegrationStore rotatingStore = FileIntegrationStore.open(dir, rotating);
    assertThat(rotatingStore.reencrypt()).isPositive();
    Integration during = Integration.builder("acme", provider()).vault(rotating).integrationStore(rotatingStore)
        .auditLog(audit).clock(clock).build();
    assertThat(during.reencryptCredentials()).isTrue();
    assertThat(during.reencryptCredentials()).isFalse();
    assertThat(audit.entries()).filteredOn(e -> e.action().equals("credentials.reencrypted")).singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("fromKey", "k1").containsEntry("toKey", "k2"));

    // The old key is removed: the integration opens, connects and syncs with the new key alone.
    Integration after = Integration.builder("acme", provider()).vault(rotated)
        .integrationStore(FileIntegrationStore.open(dir, rotated)).scheduleStore(store).auditLog(audit).clock(clock)
        .build();
    assertThat(after.testConnection().ok()).isTrue();
    assertThat(after.complete(SyncProgressListener.noop()).completed()).isTrue();
    assertThat(audit.verify().ok()).isTrue();
    assertThatThrownBy(() -> Integration.builder("acme", provider()).vault(rotated)
        .integrationStore(FileIntegrationStore.open(dir, old)).build())
        .as("a store opened with the removed key fails clearly").hasMessageContaining("Cannot decrypt");
  }

  /** Runs "sync now" on its thread; holds scheduled runs for the test to start by hand. */
  static final class HeldExecutor extends java.util.concurrent.ScheduledThreadPoolExecutor {
    record Held(Runnable task, Duration delay) {}

    final List<Held> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    HeldExecutor() {
      super(1);
    }

    @Override
    public java.util.concurrent.ScheduledFuture<?> schedule(Runnable command, long delay,
        java.util.concurrent.TimeUnit unit) {
      held.add(new Held(command, Duration.ofNanos(unit.toNanos(delay))));
      return super.schedule(() -> { }, 365, java.util.concurrent.TimeUnit.DAYS); // a real future to cancel
    }

    @Override
    public void execute(Runnable command) {
      super.schedule(command, 0, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Moves the clock to the next scheduled run's time and runs it here. */
    void runNext(MutableClock clock) {
      Held next = held.remove(0);
      clock.advance(next.delay());
      next.task().run();
    }
  }

  @Test
  void theSchedulerSyncsTheIntegrationDailySkipsItWhileDisconnectedAndSyncsNowOnDemand() throws Exception {
    Integration acme = builder(FileIntegrationStore.open(dir, VAULT)).config(config(agency.apiKey().reveal(), Map.of()))
        .build();
    HeldExecutor executor = new HeldExecutor();
    try {
      SyncScheduler.ScheduledSync nightly = SyncScheduler.builder(executor).clock(clock).build().schedule(acme);
      java.time.Instant due = nightly.nextRun().orElseThrow();
      assertThat(due.atZone(clock.getZone()).toLocalTime()).as("daily at 02:00 by default")
          .isEqualTo(java.time.LocalTime.of(2, 0));
      assertThat(executor.held).singleElement().extracting(HeldExecutor.Held::delay)
          .isEqualTo(Duration.between(clock.instant(), due));

      // Not set up yet: the run is skipped, and the next one scheduled a day later.
      executor.runNext(clock);
      assertThat(nightly.lastReport()).isEmpty();
      assertThat(executor.held).singleElement().extracting(HeldExecutor.Held::delay).isEqualTo(Duration.ofDays(1));

      // Set up: the next night runs the initial sync.
      assertThat(acme.testConnection().ok()).isTrue();
      acme.selectRegions(Set.of(region(agency, 0)));
      executor.runNext(clock);
      assertThat(nightly.lastReport()).get().extracting(SyncReport::completed).isEqualTo(true);
      assertThat(acme.status().initialSyncCompleted()).isTrue();

      // "Sync now" between nights: an incremental sync of the changes.
      List<String> changed = agency.changeVisits(v -> v.regionId().equals(region(agency, 0)), 0.02, 11);
      clock.advance(Duration.ofHours(1));
      SyncReport now = nightly.syncNow().get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(now.updated()).isEqualTo(changed.size()).isPositive();
      assertThat(nightly.lastReport()).containsSame(now);

      // Disconnected: nightly runs are skipped, nothing is synced or audited as a sync.
      acme.disconnect();
      long syncsAudited = audit.entries().stream().filter(e -> e.action().startsWith("sync.")).count();
      executor.runNext(clock);
      assertThat(audit.entries().stream().filter(e -> e.action().startsWith("sync.")).count()).isEqualTo(syncsAudited);
      assertThat(nightly.lastReport()).containsSame(now);
      assertThat(executor.held).hasSize(1);

      nightly.cancel();
      assertThat(nightly.nextRun()).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }
}
