package com.optimalworkforce.core.sync;

/**
 * How a sync reads its source.
 *
 * <pre>{@code
 * engine.sync(regions, SyncMode.FULL, SyncProgressListener.noop()); // weekly: re-read and detect deletions
 * }</pre>
 */
public enum SyncMode {
  /**
   * Incremental where possible: streams synced before are read with "changed since" when the
   * connector supports it; otherwise (and for streams never synced) the window is re-read and
   * content hashes are compared, which also detects deletions.
   */
  AUTO,
  /** Re-read every stream's window and compare hashes, detecting deletions even where the source offers "changed since". */
  FULL
}
