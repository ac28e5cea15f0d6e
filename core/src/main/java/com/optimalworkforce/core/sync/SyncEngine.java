package com.optimalworkforce.core.sync;

import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.IntegrationStore;
import com.optimalworkforce.core.store.ScheduleStore;
import com.optimalworkforce.core.sync.internal.RunExecutor;
import com.optimalworkforce.core.sync.internal.SyncLocks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Syncs one integration's source into a {@link ScheduleStore}: reads every stream the connector
 * supports for the selected regions and the {@link SyncWindow}, page by page, applies each page,
 * tells the {@link ChangeListener}s what changed, and checkpoints after every page in the
 * {@link IntegrationStore}, so a sync that dies resumes where it stopped and ends with exactly the
 * data and the change events of an uninterrupted one.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder("acme-east", connector)
 *     .integrationStore(integrationStore).scheduleStore(scheduleStore)
 *     .clock(clock).listener(changes -> changes.forEach(aggregator::apply))
 *     .build();
 * SyncReport report = engine.sync(Set.of("toronto-east"), progress -> ui.show(progress));
 * }</pre>
 *
 * <p>Incremental syncs: where the connector honours "changed since"
 * ({@link com.optimalworkforce.core.connector.Capabilities#serverSideIncremental()}), streams synced
 * before are read with it (plus a full read of schedule that slid into the window); otherwise the
 * window is re-read and content hashes are compared, so only real changes go downstream, and
 * records of the synced scope the source no longer returns are reported as deletions, once the
 * whole run has completed (never after a partial one). {@link SyncMode#FULL} forces the re-read.
 *
 * <p>Bad records go to the quarantine ({@link IntegrationStore#quarantined}) with the reason; the
 * sync goes on. Every record read is applied, quarantined or, when it disappears, reported deleted.
 * One sync per integration runs at a time: a second request gets a
 * {@link SyncAlreadyRunningException}. Memory stays proportional to the page size.
 */
public final class SyncEngine {
  /** Page size when none is given. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  private final String integrationId;
  private final Connector connector;
  private final IntegrationStore integrationStore;
  private final ScheduleStore scheduleStore;
  private final Clock clock;
  private final SyncWindow window;
  private final int pageSize;
  private final List<ChangeListener> listeners;
  private final RecordValidator validator;
  private final Duration incrementalOverlap;
  private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();

  private SyncEngine(Builder b) {
    this.integrationId = b.integrationId;
    this.connector = b.connector;
    this.integrationStore = b.integrationStore;
    this.scheduleStore = b.scheduleStore;
    this.clock = b.clock;
    this.window = b.window;
    this.pageSize = b.pageSize;
    this.listeners = List.copyOf(b.listeners);
    this.validator = b.validator;
    this.incrementalOverlap = b.incrementalOverlap;
  }

  /**
   * @param integrationId the integration's id: names its checkpoint and quarantine in the store
   * @param connector the source
   */
  public static Builder builder(String integrationId, Connector connector) {
    return new Builder(integrationId, connector);
  }

  /** Syncs the regions, incrementally where possible. See {@link #sync(Set, SyncMode, SyncProgressListener)}. */
  public SyncReport sync(Set<String> regionIds) {
    return sync(regionIds, SyncMode.AUTO, SyncProgressListener.noop());
  }

  /** Syncs the regions, incrementally where possible, reporting progress after every page. */
  public SyncReport sync(Set<String> regionIds, SyncProgressListener progress) {
    return sync(regionIds, SyncMode.AUTO, progress);
  }

  /**
   * Syncs the regions. If the last run of this integration was interrupted and had the same
   * regions, it is resumed from its checkpoint (in its own mode and window); if the regions
   * differ, it is abandoned without reporting deletions.
   *
   * @return what the run did; a failure (connector, store) is reported in it, not thrown, and the
   *     next sync resumes from the last checkpoint
   * @throws SyncAlreadyRunningException if this integration is already syncing
   * @throws IllegalArgumentException if no region is given
   */
  public SyncReport sync(Set<String> regionIds, SyncMode mode, SyncProgressListener progress) {
    Objects.requireNonNull(regionIds, "regionIds");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(progress, "progress");
    if (regionIds.isEmpty()) {
      throw new IllegalArgumentException("Integration '" + integrationId + "': no region selected; select at least"
          + " one region to sync");
    }
    List<String> regions = List.copyOf(new TreeSet<>(regionIds));
    SyncLocks.Lease lease = SyncLocks.acquire(integrationStore, integrationId, "syncing", clock.instant());
    stop.set(false);
    try {
      return executor().sync(regions, mode, progress);
    } finally {
      lease.close();
    }
  }

  /**
   * Removes every record synced under the region from the schedule store, telling the listeners
   * each deletion, and forgets the region's incremental state. An interrupted sync is abandoned;
   * an interrupted removal is finished by the next sync or removal.
   *
   * @return how many records were removed
   * @throws SyncAlreadyRunningException if this integration is syncing
   */
  public long removeRegion(String regionId) {
    Objects.requireNonNull(regionId, "regionId");
    SyncLocks.Lease lease = SyncLocks.acquire(integrationStore, integrationId, "removing region data", clock.instant());
    try {
      return executor().removeRegion(regionId);
    } finally {
      lease.close();
    }
  }

  /**
   * Asks a running sync of this engine to stop after the page it is reading; it ends as failed
   * ("stopped on request") and the next sync resumes from its checkpoint. No effect when idle.
   */
  public void requestStop() {
    stop.set(true);
  }

  /** True while a sync or removal of this integration runs (in this JVM). */
  public boolean isSyncing() {
    return SyncLocks.isHeld(integrationStore, integrationId);
  }

  public String integrationId() {
    return integrationId;
  }

  public Connector connector() {
    return connector;
  }

  public IntegrationStore integrationStore() {
    return integrationStore;
  }

  public ScheduleStore scheduleStore() {
    return scheduleStore;
  }

  public SyncWindow window() {
    return window;
  }

  public int pageSize() {
    return pageSize;
  }

  /** A builder with this engine's settings, e.g. to swap the connector after new credentials. */
  public Builder toBuilder() {
    Builder b = new Builder(integrationId, connector);
    b.integrationStore = integrationStore;
    b.scheduleStore = scheduleStore;
    b.clock = clock;
    b.window = window;
    b.pageSize = pageSize;
    b.listeners.addAll(listeners);
    b.validator = validator;
    b.incrementalOverlap = incrementalOverlap;
    return b;
  }

  private RunExecutor executor() {
    return new RunExecutor(integrationId, connector, integrationStore, scheduleStore, clock, window, pageSize,
        listeners, validator, incrementalOverlap, stop::get);
  }

  @Override
  public String toString() {
    return "SyncEngine[integrationId=" + integrationId + ", connector=" + connector.providerId() + ", window=" + window
        + ", pageSize=" + pageSize + "]";
  }

  /** Builds a {@link SyncEngine}; each setter checks its value. */
  public static final class Builder {
    private final String integrationId;
    private Connector connector;
    private IntegrationStore integrationStore;
    private ScheduleStore scheduleStore;
    private Clock clock = Clock.systemUTC();
    private SyncWindow window = SyncWindow.DEFAULT;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private final List<ChangeListener> listeners = new ArrayList<>();
    private RecordValidator validator = RecordValidator.none();
    private Duration incrementalOverlap = Duration.ofMinutes(5);

    private Builder(String integrationId, Connector connector) {
      if (integrationId == null || integrationId.isBlank()) {
        throw new IllegalArgumentException("integrationId must not be blank but was '" + integrationId + "'");
      }
      this.integrationId = integrationId;
      this.connector = Objects.requireNonNull(connector, "connector");
    }

    public Builder connector(Connector connector) {
      this.connector = Objects.requireNonNull(connector, "connector");
      return this;
    }

    /** Where checkpoints and the quarantine go (default: a new in-memory store). */
    public Builder integrationStore(IntegrationStore integrationStore) {
      this.integrationStore = Objects.requireNonNull(integrationStore, "integrationStore");
      return this;
    }

    /** Where the schedule goes (default: a new in-memory store). */
    public Builder scheduleStore(ScheduleStore scheduleStore) {
      this.scheduleStore = Objects.requireNonNull(scheduleStore, "scheduleStore");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The span of schedule synced (default {@link SyncWindow#DEFAULT}: 4 weeks back, 4 ahead). */
    public Builder window(SyncWindow window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    /** Records asked for per page (default {@value #DEFAULT_PAGE_SIZE}); memory grows with it. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > ReadRequest.MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("pageSize must be between 1 and " + ReadRequest.MAX_PAGE_SIZE + " but was "
            + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Adds a listener told of every applied change, once, one batch per page. */
    public Builder listener(ChangeListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** An extra check per record; failing records are quarantined (default: none). */
    public Builder validator(RecordValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * How far before the previous run's start a "changed since" read reaches, to cover clock skew
     * between this host and the source (default 5 minutes). Records re-read are compared by hash,
     * so the overlap costs reads, never duplicate changes.
     */
    public Builder incrementalOverlap(Duration overlap) {
      Objects.requireNonNull(overlap, "overlap");
      if (overlap.isNegative()) {
        throw new IllegalArgumentException("incrementalOverlap must not be negative but was " + overlap);
      }
      this.incrementalOverlap = overlap;
      return this;
    }

    public SyncEngine build() {
      if (integrationStore == null) {
        integrationStore = InMemoryIntegrationStore.create();
      }
      if (scheduleStore == null) {
        scheduleStore = InMemoryScheduleStore.create();
      }
      return new SyncEngine(this);
    }
  }
}
