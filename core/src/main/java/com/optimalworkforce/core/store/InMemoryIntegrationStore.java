package com.optimalworkforce.core.store;

import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.model.RecordKey;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link IntegrationStore} in memory, for tests and demos. Lost when the process ends; use
 * {@link FileIntegrationStore} to keep integrations across restarts.
 *
 * <pre>{@code
 * IntegrationStore store = InMemoryIntegrationStore.create();
 * SyncEngine engine = SyncEngine.builder("acme-east", connector).integrationStore(store).build();
 * }</pre>
 */
public final class InMemoryIntegrationStore implements IntegrationStore {
  private final Map<String, IntegrationRecord> records = new ConcurrentHashMap<>();
  private final Map<String, byte[]> credentials = new ConcurrentHashMap<>();
  private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
  private final Map<String, AggregateSnapshot> snapshots = new ConcurrentHashMap<>();
  private final Map<String, byte[]> releaseStates = new ConcurrentHashMap<>();
  private final Map<String, byte[]> roundingKeys = new ConcurrentHashMap<>();
  private final Map<String, LinkedHashMap<String, QuarantinedRecord>> quarantine = new ConcurrentHashMap<>();

  private InMemoryIntegrationStore() {}

  public static InMemoryIntegrationStore create() {
    return new InMemoryIntegrationStore();
  }

  @Override
  public Optional<IntegrationRecord> find(String integrationId) {
    return Optional.ofNullable(records.get(Objects.requireNonNull(integrationId, "integrationId")));
  }

  @Override
  public void save(IntegrationRecord record) {
    Objects.requireNonNull(record, "record");
    records.put(record.id(), record);
  }

  @Override
  public Set<String> integrationIds() {
    return Set.copyOf(new TreeSet<>(records.keySet()));
  }

  @Override
  public void delete(String integrationId) {
    Objects.requireNonNull(integrationId, "integrationId");
    records.remove(integrationId);
    credentials.remove(integrationId);
    checkpoints.remove(integrationId);
    quarantine.remove(integrationId);
    snapshots.remove(integrationId);
    releaseStates.remove(integrationId);
    roundingKeys.remove(integrationId);
  }

  @Override
  public Optional<byte[]> credentials(String integrationId) {
    byte[] sealed = credentials.get(Objects.requireNonNull(integrationId, "integrationId"));
    return sealed == null ? Optional.empty() : Optional.of(sealed.clone());
  }

  @Override
  public void saveCredentials(String integrationId, byte[] sealed) {
    Objects.requireNonNull(integrationId, "integrationId");
    credentials.put(integrationId, Objects.requireNonNull(sealed, "sealed").clone());
  }

  @Override
  public Optional<String> checkpoint(String integrationId) {
    return Optional.ofNullable(checkpoints.get(Objects.requireNonNull(integrationId, "integrationId")));
  }

  @Override
  public void saveCheckpoint(String integrationId, String checkpoint) {
    Objects.requireNonNull(integrationId, "integrationId");
    checkpoints.put(integrationId, Objects.requireNonNull(checkpoint, "checkpoint"));
  }

  @Override
  public void quarantine(String integrationId, Collection<QuarantinedRecord> entries) {
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(entries, "entries");
    LinkedHashMap<String, QuarantinedRecord> q = quarantine.computeIfAbsent(integrationId, k -> new LinkedHashMap<>());
    synchronized (q) {
      for (QuarantinedRecord r : entries) {
        q.put(Objects.requireNonNull(r, "entry").identity(), r);
      }
    }
  }

  @Override
  public void release(String integrationId, Collection<RecordKey> keys) {
    Objects.requireNonNull(integrationId, "integrationId");
    Set<RecordKey> released = new HashSet<>(Objects.requireNonNull(keys, "keys"));
    LinkedHashMap<String, QuarantinedRecord> q = quarantine.get(integrationId);
    if (q != null) {
      synchronized (q) {
        q.values().removeIf(r -> r.key().map(released::contains).orElse(false));
      }
    }
  }

  @Override
  public List<QuarantinedRecord> quarantined(String integrationId) {
    LinkedHashMap<String, QuarantinedRecord> q = quarantine.get(Objects.requireNonNull(integrationId, "integrationId"));
    if (q == null) {
      return List.of();
    }
    synchronized (q) {
      return List.copyOf(q.values());
    }
  }

  @Override
  public void clearQuarantine(String integrationId) {
    quarantine.remove(Objects.requireNonNull(integrationId, "integrationId"));
  }

  @Override
  public Optional<AggregateSnapshot> snapshot(String integrationId) {
    return Optional.ofNullable(snapshots.get(Objects.requireNonNull(integrationId, "integrationId")));
  }

  @Override
  public void saveSnapshot(String integrationId, AggregateSnapshot snapshot) {
    Objects.requireNonNull(integrationId, "integrationId");
    snapshots.put(integrationId, Objects.requireNonNull(snapshot, "snapshot"));
  }

  @Override
  public Optional<byte[]> releaseState(String integrationId) {
    byte[] sealed = releaseStates.get(Objects.requireNonNull(integrationId, "integrationId"));
    return sealed == null ? Optional.empty() : Optional.of(sealed.clone());
  }

  @Override
  public void saveReleaseState(String integrationId, byte[] sealed) {
    Objects.requireNonNull(integrationId, "integrationId");
    releaseStates.put(integrationId, Objects.requireNonNull(sealed, "sealed").clone());
  }

  @Override
  public Optional<byte[]> roundingKey(String integrationId) {
    byte[] sealed = roundingKeys.get(Objects.requireNonNull(integrationId, "integrationId"));
    return sealed == null ? Optional.empty() : Optional.of(sealed.clone());
  }

  @Override
  public void saveRoundingKey(String integrationId, byte[] sealed) {
    Objects.requireNonNull(integrationId, "integrationId");
    roundingKeys.put(integrationId, Objects.requireNonNull(sealed, "sealed").clone());
  }

  @Override
  public String toString() {
    return "InMemoryIntegrationStore[" + records.size() + " integrations]";
  }
}
