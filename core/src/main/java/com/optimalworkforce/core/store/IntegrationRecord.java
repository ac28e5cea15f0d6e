package com.optimalworkforce.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The durable facts about one integration: which connector, its non-secret settings, the selected
 * regions and where it stands. Credentials are stored apart, sealed
 * ({@link IntegrationStore#saveCredentials}); the sync engine's checkpoint too.
 *
 * <pre>{@code
 * IntegrationRecord record = IntegrationRecord.create("acme-east", "alayacare", Map.of("tenant", "acme"))
 *     .withSelectedRegions(Set.of("toronto-east"));
 * store.save(record);
 * }</pre>
 *
 * @param id the integration's id, chosen by the host
 * @param connectorId the connector provider's id, e.g. {@code alayacare}
 * @param settings the connector's non-secret settings
 * @param selectedRegions the regions synced
 * @param state where it stands
 * @param lastError the last failure's message, or {@code null}
 * @param initialSyncCompleted true once a first sync of the selected regions completed
 * @param lastSyncFinished when the last sync finished (either way), or {@code null}
 */
public record IntegrationRecord(
    String id,
    String connectorId,
    Map<String, String> settings,
    Set<String> selectedRegions,
    IntegrationState state,
    String lastError,
    boolean initialSyncCompleted,
    Instant lastSyncFinished) {

  public IntegrationRecord {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("IntegrationRecord: id must not be blank but was '" + id + "'");
    }
    if (connectorId == null || connectorId.isBlank()) {
      throw new IllegalArgumentException("IntegrationRecord '" + id + "': connectorId must not be blank");
    }
    settings = Map.copyOf(Objects.requireNonNull(settings, "settings"));
    selectedRegions = Set.copyOf(Objects.requireNonNull(selectedRegions, "selectedRegions"));
    Objects.requireNonNull(state, "state");
  }

  /** A new integration: no region selected, {@link IntegrationState#CONNECTED}, never synced. */
  public static IntegrationRecord create(String id, String connectorId, Map<String, String> settings) {
    return new IntegrationRecord(id, connectorId, settings, Set.of(), IntegrationState.CONNECTED, null, false, null);
  }

  public Optional<String> error() {
    return Optional.ofNullable(lastError);
  }

  public Optional<Instant> lastSync() {
    return Optional.ofNullable(lastSyncFinished);
  }

  public IntegrationRecord withSettings(Map<String, String> settings) {
    return new IntegrationRecord(id, connectorId, settings, selectedRegions, state, lastError, initialSyncCompleted,
        lastSyncFinished);
  }

  public IntegrationRecord withSelectedRegions(Set<String> regions) {
    return new IntegrationRecord(id, connectorId, settings, regions, state, lastError, initialSyncCompleted,
        lastSyncFinished);
  }

  /** The new state; clears the last error unless the state is {@link IntegrationState#ERROR}. */
  public IntegrationRecord withState(IntegrationState state) {
    return new IntegrationRecord(id, connectorId, settings, selectedRegions, state,
        state == IntegrationState.ERROR ? lastError : null, initialSyncCompleted, lastSyncFinished);
  }

  /** {@link IntegrationState#ERROR} with this message. */
  public IntegrationRecord withError(String message) {
    Objects.requireNonNull(message, "message");
    return new IntegrationRecord(id, connectorId, settings, selectedRegions, IntegrationState.ERROR, message,
        initialSyncCompleted, lastSyncFinished);
  }

  public IntegrationRecord withInitialSyncCompleted(boolean completed) {
    return new IntegrationRecord(id, connectorId, settings, selectedRegions, state, lastError, completed,
        lastSyncFinished);
  }

  public IntegrationRecord withLastSyncFinished(Instant finished) {
    return new IntegrationRecord(id, connectorId, settings, selectedRegions, state, lastError, initialSyncCompleted,
        finished);
  }

  @Override
  public String toString() {
    return "IntegrationRecord[id=" + id + ", connectorId=" + connectorId + ", settings=" + new TreeMap<>(settings)
        + ", selectedRegions=" + new TreeSet<>(selectedRegions) + ", state=" + state + ", lastError=" + lastError
        + ", initialSyncCompleted=" + initialSyncCompleted + ", lastSyncFinished=" + lastSyncFinished + "]";
  }
}
