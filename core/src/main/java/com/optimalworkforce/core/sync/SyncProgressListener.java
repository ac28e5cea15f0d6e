package com.optimalworkforce.core.sync;

/**
 * Receives a {@link SyncProgress} after every page a sync reads; called on the syncing thread,
 * so keep it quick.
 *
 * <pre>{@code
 * SyncProgressListener log = p -> logger.info("{} {} page {}: {} records", p.regionId(), p.type(), p.pages(), p.records());
 * integration.complete(log);
 * }</pre>
 */
@FunctionalInterface
public interface SyncProgressListener {

  void onProgress(SyncProgress progress);

  /** A listener that ignores everything. */
  static SyncProgressListener noop() {
    return p -> { };
  }
}
