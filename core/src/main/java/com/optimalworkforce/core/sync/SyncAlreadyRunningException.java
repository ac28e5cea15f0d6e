package com.optimalworkforce.core.sync;

/**
 * A sync was requested while another sync of the same integration was running; the second request
 * was refused, not queued.
 *
 * <pre>{@code
 * try {
 *   integration.syncNow();
 * } catch (SyncAlreadyRunningException e) {
 *   ui.info(e.getMessage()); // "Integration 'acme-east' is already syncing (started ...). ..."
 * }
 * }</pre>
 */
public final class SyncAlreadyRunningException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String integrationId;

  public SyncAlreadyRunningException(String integrationId, String message) {
    super(message);
    this.integrationId = integrationId;
  }

  public String integrationId() {
    return integrationId;
  }
}
