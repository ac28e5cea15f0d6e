package com.optimalworkforce.testkit;

import static com.optimalworkforce.testkit.KitRuns.outcomes;
import static com.optimalworkforce.testkit.KitRuns.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.IntegrationStore;
import com.optimalworkforce.core.store.QuarantinedRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/** The kit must fail broken stores: run through the JUnit Platform against deliberately broken ones. */
class IntegrationStoreCompatibilityKitSelfTest {

  /** Delegates everything; subclasses break one thing. */
  static class Delegating extends ForwardingIntegrationStore<InMemoryIntegrationStore> {
    Delegating(InMemoryIntegrationStore d) {
      super(d);
    }
  }

  /** Keeps checkpoints in memory only: a restart loses them (everything else survives). */
  static final class LosingCheckpoints extends Delegating {
    private final Map<String, String> volatileCheckpoints = new java.util.concurrent.ConcurrentHashMap<>();

    LosingCheckpoints(InMemoryIntegrationStore d) {
      super(d);
    }

    @Override
    public Optional<String> checkpoint(String id) {
      return Optional.ofNullable(volatileCheckpoints.get(id));
    }

    @Override
    public void saveCheckpoint(String id, String checkpoint) {
      volatileCheckpoints.put(id, checkpoint);
    }
  }

  /** Appends quarantine entries instead of replacing those with the same identity. */
  static final class DuplicatingQuarantine extends Delegating {
    private final Map<String, List<QuarantinedRecord>> entries = new java.util.HashMap<>();

    DuplicatingQuarantine(InMemoryIntegrationStore d) {
      super(d);
    }

    @Override
    public synchronized void quarantine(String id, Collection<QuarantinedRecord> records) {
      entries.computeIfAbsent(id, k -> new ArrayList<>()).addAll(records);
    }

    @Override
    public synchronized void release(String id, Collection<RecordKey> keys) {
      entries.getOrDefault(id, new ArrayList<>()).removeIf(r -> r.key().map(keys::contains).orElse(false));
    }

    @Override
    public synchronized List<QuarantinedRecord> quarantined(String id) {
      return List.copyOf(entries.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized void clearQuarantine(String id) {
      entries.remove(id);
    }

    @Override
    public synchronized void delete(String id) {
      super.delete(id);
      entries.remove(id);
    }
  }

  /** Keeps rounding keys in memory only: a restart loses them, and rounding would change. */
  static final class LosingRoundingKeys extends Delegating {
    private final Map<String, byte[]> volatileKeys = new java.util.concurrent.ConcurrentHashMap<>();

    LosingRoundingKeys(InMemoryIntegrationStore d) {
      super(d);
    }

    @Override
    public Optional<byte[]> roundingKey(String id) {
      return Optional.ofNullable(volatileKeys.get(id));
    }

    @Override
    public void saveRoundingKey(String id, byte[] sealed) {
      volatileKeys.put(id, sealed.clone());
    }

    @Override
    public void delete(String id) {
      super.delete(id);
      volatileKeys.remove(id);
    }
  }

  static class LosingRoundingKeysCase extends IntegrationStoreCompatibilityKit {
    @Override
    protected IntegrationStore newStore() {
      return new LosingRoundingKeys(InMemoryIntegrationStore.create());
    }

    @Override
    protected IntegrationStore reopen(IntegrationStore store) {
      return new LosingRoundingKeys(((Delegating) store).delegate);
    }
  }

  static class LosingCheckpointsCase extends IntegrationStoreCompatibilityKit {
    @Override
    protected IntegrationStore newStore() {
      return new LosingCheckpoints(InMemoryIntegrationStore.create());
    }

    @Override
    protected IntegrationStore reopen(IntegrationStore store) {
      return new LosingCheckpoints(((Delegating) store).delegate);
    }
  }

  static class DuplicatingQuarantineCase extends IntegrationStoreCompatibilityKit {
    @Override
    protected IntegrationStore newStore() {
      return new DuplicatingQuarantine(InMemoryIntegrationStore.create());
    }
  }

  static class HealthyCase extends IntegrationStoreCompatibilityKit {
    @Override
    protected IntegrationStore newStore() {
      return new Delegating(InMemoryIntegrationStore.create());
    }
  }

  @Test
  void kitFailsAStoreThatLosesCheckpointsOnRestart() {
    Map<String, String> results = outcomes(LosingCheckpointsCase.class);
    assertThat(results).containsEntry("checkpointsRoundTripAndLatestWins", "FAILED")
        .containsEntry("syncResumesFromThisStore", "FAILED")
        .containsEntry("savedRecordRoundTrips", "SUCCESSFUL")
        .containsEntry("quarantineReplacesAndReleases", "SUCCESSFUL");
    assertThat(results(LosingCheckpointsCase.class).get("syncResumesFromThisStore").getThrowable().orElseThrow())
        .hasMessageContaining("resumed from the saved checkpoint");
  }

  @Test
  void kitFailsAStoreThatLosesRoundingKeysOnRestart() {
    Map<String, String> results = outcomes(LosingRoundingKeysCase.class);
    assertThat(results).containsEntry("releaseStateAndRoundingKeyRoundTrip", "FAILED")
        .containsEntry("checkpointsRoundTripAndLatestWins", "SUCCESSFUL");
    assertThat(results(LosingRoundingKeysCase.class).get("releaseStateAndRoundingKeyRoundTrip").getThrowable()
        .orElseThrow()).hasMessageContaining("rounding key after a restart");
  }

  @Test
  void kitFailsAStoreThatDuplicatesQuarantineEntries() {
    Map<String, String> results = outcomes(DuplicatingQuarantineCase.class);
    assertThat(results).containsEntry("quarantineReplacesAndReleases", "FAILED")
        .containsEntry("checkpointsRoundTripAndLatestWins", "SUCCESSFUL");
  }

  @Test
  void kitPassesAHealthyStoreThroughTheSameHarness() {
    Map<String, TestExecutionResult> results = results(HealthyCase.class);
    assertThat(results).hasSize(10).allSatisfy((name, result) -> assertThat(result.getStatus())
        .as("%s: %s", name, result.getThrowable().map(Throwable::getMessage).orElse(""))
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
  }
}
