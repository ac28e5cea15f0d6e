package com.optimalworkforce.core.sync.internal;

import com.optimalworkforce.core.store.IntegrationStore;
import com.optimalworkforce.core.sync.SyncAlreadyRunningException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One sync (or region removal) per integration at a time in this JVM, whichever engine instance
 * asks: integrations are identified by their store (by {@code equals}: a file store by its
 * directory, so two instances over one directory share their locks) and id. Entries exist only
 * while held. Not API.
 */
public final class SyncLocks {
  private static final Map<IntegrationStore, Map<String, Held>> HELD = new HashMap<>();

  private SyncLocks() {}

  /** What holds the lock, for the refusal message. */
  private record Held(String activity, Instant since) {}

  /** Released by {@link #close()}. */
  public static final class Lease implements AutoCloseable {
    private final IntegrationStore store;
    private final String integrationId;
    private boolean released;

    private Lease(IntegrationStore store, String integrationId) {
      this.store = store;
      this.integrationId = integrationId;
    }

    @Override
    public void close() {
      synchronized (HELD) {
        if (!released) {
          released = true;
          Map<String, Held> ids = HELD.get(store);
          if (ids != null) {
            ids.remove(integrationId);
            if (ids.isEmpty()) {
              HELD.remove(store);
            }
          }
        }
      }
    }
  }

  /**
   * Takes the integration's lock, or refuses with a {@link SyncAlreadyRunningException}.
   *
   * @param activity what the caller is about to do, e.g. "syncing"
   */
  public static Lease acquire(IntegrationStore store, String integrationId, String activity, Instant now) {
    synchronized (HELD) {
      Map<String, Held> ids = HELD.computeIfAbsent(store, s -> new HashMap<>());
      Held held = ids.get(integrationId);
      if (held != null) {
        throw new SyncAlreadyRunningException(integrationId, "Integration '" + integrationId + "' is already "
            + held.activity() + " (since " + held.since() + "); this request was not started. Wait for it to finish,"
            + " then try again.");
      }
      ids.put(integrationId, new Held(activity, now));
      return new Lease(store, integrationId);
    }
  }

  /** True when the integration's lock is held. */
  public static boolean isHeld(IntegrationStore store, String integrationId) {
    synchronized (HELD) {
      Map<String, Held> ids = HELD.get(store);
      return ids != null && ids.containsKey(integrationId);
    }
  }
}
