package com.optimalworkforce.core.store;

import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.model.RecordKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where integrations keep their state: the {@link IntegrationRecord}, sealed credentials, the
 * sync engine's checkpoint, the quarantine, the latest {@link AggregateSnapshot}, and, sealed by the
 * caller, the state of the latest aggregate release and the key of the random rounding.
 * Implementations: {@link InMemoryIntegrationStore},
 * {@link FileIntegrationStore} (durable, encrypted), or the host's own database-backed store,
 * which proves itself by passing {@code IntegrationStoreCompatibilityKit} from the testkit.
 *
 * <pre>{@code
 * IntegrationStore store = InMemoryIntegrationStore.create();
 * store.save(IntegrationRecord.create("acme-east", "alayacare", Map.of("tenant", "acme")));
 * store.saveCheckpoint("acme-east", checkpointJson);
 * String resumeFrom = store.checkpoint("acme-east").orElseThrow();
 * }</pre>
 *
 * <p>Implementations are thread-safe, and each write is durable when the method returns (the
 * sync engine saves a checkpoint after every page and relies on it after a crash). Values are
 * opaque to the store: it must return exactly what was saved.
 */
public interface IntegrationStore extends AutoCloseable {

  Optional<IntegrationRecord> find(String integrationId);

  /** Inserts or replaces the record with the same id. */
  void save(IntegrationRecord record);

  /** Ids of the integrations with a saved record. */
  Set<String> integrationIds();

  /**
   * Removes everything stored for the integration: record, credentials, checkpoint, quarantine,
   * snapshot, release state, rounding key.
   */
  void delete(String integrationId);

  /** The sealed credentials, as saved. */
  Optional<byte[]> credentials(String integrationId);

  /** Saves sealed credentials (encrypted by the caller, e.g. with the credential vault). */
  void saveCredentials(String integrationId, byte[] sealed);

  /** The sync engine's last checkpoint, as saved. */
  Optional<String> checkpoint(String integrationId);

  /** Replaces the checkpoint atomically: after a crash, either the old or the new one is there. */
  void saveCheckpoint(String integrationId, String checkpoint);

  /** Adds entries; an entry with the same {@link QuarantinedRecord#identity()} is replaced. */
  void quarantine(String integrationId, Collection<QuarantinedRecord> records);

  /** Removes the entries of these records (they arrived valid). */
  void release(String integrationId, Collection<RecordKey> keys);

  /** The quarantined records, oldest first. */
  List<QuarantinedRecord> quarantined(String integrationId);

  default long quarantineCount(String integrationId) {
    return quarantined(integrationId).size();
  }

  /** Removes every quarantine entry of the integration. */
  void clearQuarantine(String integrationId);

  /** The latest aggregate snapshot saved for the integration. */
  Optional<AggregateSnapshot> snapshot(String integrationId);

  /** Replaces the integration's latest aggregate snapshot. */
  void saveSnapshot(String integrationId, AggregateSnapshot snapshot);

  /**
   * The state of the integration's latest aggregate {@code Release} (its exact counts and
   * suppression pattern, which the next snapshot stays consistent with), as saved.
   */
  Optional<byte[]> releaseState(String integrationId);

  /** Replaces the release state (sealed by the caller, e.g. with the credential vault: it holds exact counts). */
  void saveReleaseState(String integrationId, byte[] sealed);

  /** The key of the integration's random rounding, as saved. */
  Optional<byte[]> roundingKey(String integrationId);

  /**
   * Saves the rounding key (sealed by the caller). It must outlive restarts: snapshots rounded
   * under another key could be averaged.
   */
  void saveRoundingKey(String integrationId, byte[] sealed);

  /** Releases files and connections. */
  @Override
  default void close() {}
}
