package com.optimalworkforce.core.sync;

import com.optimalworkforce.core.store.IntegrationState;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where an integration stands, for a dashboard or the last page of a setup wizard.
 *
 * <pre>{@code
 * IntegrationStatus s = integration.status();
 * ui.badge(s.state().name());                       // CONNECTED, SYNCING, ERROR, DISCONNECTED
 * s.lastError().ifPresent(ui::error);                // "Invalid credentials: ..."
 * ui.note(s.quarantined() + " records need fixing in the source");
 * }</pre>
 *
 * @param integrationId the integration
 * @param connectorId the connector provider's id
 * @param state where it stands ({@link IntegrationState#SYNCING} while a sync runs)
 * @param lastErrorMessage the last failure's message, or {@code null}
 * @param selectedRegions the regions synced
 * @param initialSyncCompleted true once the first sync of the selected regions completed
 * @param lastSyncFinished when the last sync ended, or {@code null}
 * @param quarantined records in quarantine
 * @param saved true once the connection was tested and the integration saved
 */
public record IntegrationStatus(
    String integrationId,
    String connectorId,
    IntegrationState state,
    String lastErrorMessage,
    Set<String> selectedRegions,
    boolean initialSyncCompleted,
    Instant lastSyncFinished,
    long quarantined,
    boolean saved) {

  public IntegrationStatus {
    selectedRegions = Set.copyOf(selectedRegions);
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastErrorMessage);
  }

  public Optional<Instant> lastSync() {
    return Optional.ofNullable(lastSyncFinished);
  }
}
