package com.optimalworkforce.core.sync;

import java.util.Objects;

/**
 * One thing that needs attention in an integration, with what to do about it.
 *
 * <pre>{@code
 * for (Diagnostic d : integration.diagnose()) {
 *   ui.warn(d.code() + ": " + d.message());  // NO_REGION_SELECTED: No region selected: ...
 * }
 * }</pre>
 *
 * @param code what kind of problem
 * @param message what is wrong and the next step
 */
public record Diagnostic(Code code, String message) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** The kinds of problem {@link Integration#diagnose()} finds. */
  public enum Code {
    /** The connection was never tested successfully, so nothing is saved. */
    NOT_CONNECTED,
    /** No region is selected, so nothing can be synced. */
    NO_REGION_SELECTED,
    /** The first sync has not completed. */
    INITIAL_SYNC_NOT_FINISHED,
    /** The last sync or connection test failed. */
    LAST_SYNC_FAILED,
    /** Records failed validation and wait in quarantine. */
    RECORDS_QUARANTINED,
    /** The integration is disconnected: no syncs run. */
    DISCONNECTED
  }
}
