package com.optimalworkforce.core.store;

/**
 * Where an integration stands, as a setup wizard or a dashboard shows it.
 *
 * <pre>{@code
 * if (integration.status().state() == IntegrationState.ERROR) {
 *   banner.show(integration.status().lastError().orElse(""));
 * }
 * }</pre>
 */
public enum IntegrationState {
  /** Set up (or being set up) and not syncing now; the last sync, if any, succeeded. */
  CONNECTED,
  /** A sync is running. */
  SYNCING,
  /** The last sync or connection test failed; see the last error. */
  ERROR,
  /** Disconnected by the host: no syncs run; the data already synced is kept. */
  DISCONNECTED
}
