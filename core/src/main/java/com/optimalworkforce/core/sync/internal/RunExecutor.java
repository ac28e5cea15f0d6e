package com.optimalworkforce.core.sync.internal;

import com.optimalworkforce.core.connector.Capabilities;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.RejectedRecord;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.store.IntegrationStore;
import com.optimalworkforce.core.store.QuarantinedRecord;
import com.optimalworkforce.core.store.ScheduleQuery;
import com.optimalworkforce.core.store.ScheduleStore;
import com.optimalworkforce.core.store.ScheduleWrite;
import com.optimalworkforce.core.store.StoredRecord;
import com.optimalworkforce.core.sync.ChangeListener;
import com.optimalworkforce.core.sync.RecordValidator;
import com.optimalworkforce.core.sync.SyncMode;
import com.optimalworkforce.core.sync.SyncProgress;
import com.optimalworkforce.core.sync.SyncProgressListener;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.core.sync.SyncWindow;
import com.optimalworkforce.core.sync.internal.EngineState.Counts;
import com.optimalworkforce.core.sync.internal.EngineState.Pending;
import com.optimalworkforce.core.sync.internal.EngineState.Phase;
import com.optimalworkforce.core.sync.internal.EngineState.Run;
import com.optimalworkforce.core.sync.internal.EngineState.StreamRead;
import com.optimalworkforce.core.sync.internal.EngineState.Watermark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one sync run (or region removal) of one integration, under its lock. The protocol per
 * page, which makes a crash at any point recoverable:
 *
 * <ol>
 *   <li>read the page; diff each record against the schedule store by content hash;
 *   <li>quarantine the rejects (idempotent);
 *   <li>if nothing changed: mark the records seen, then save the checkpoint (next cursor);
 *   <li>else save the checkpoint (next cursor) together with the page's changes as a pending
 *       outbox: this is the commit point; then apply the outbox to the schedule store
 *       (idempotent), deliver it to the listeners, and save the checkpoint without the outbox.
 * </ol>
 *
 * <p>After a crash the outbox, if any, is applied and delivered first, then reading resumes from
 * the checkpoint's cursor. A page re-read after a crash before its commit point finds the same
 * differences (nothing of it was applied). Deletions are found only once every read of a run
 * completed, by sweeping each fully read scope for records the run did not see. Not API.
 */
public final class RunExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

  private final String integrationId;
  private final Connector connector;
  private final IntegrationStore integrationStore;
  private final ScheduleStore scheduleStore;
  private final Clock clock;
  private final SyncWindow window;
  private final int pageSize;
  private final List<ChangeListener> listeners;
  private final RecordValidator validator;
  private final Duration overlap;
  private final java.util.function.BooleanSupplier stopRequested;

  private EngineState state;
  private long listenerFailures;
  private Set<RecordKey> quarantinedKeys;

  public RunExecutor(String integrationId, Connector connector, IntegrationStore integrationStore,
      ScheduleStore scheduleStore, Clock clock, SyncWindow window, int pageSize, List<ChangeListener> listeners,
      RecordValidator validator, Duration overlap, java.util.function.BooleanSupplier stopRequested) {
    this.integrationId = integrationId;
    this.connector = connector;
    this.integrationStore = integrationStore;
    this.scheduleStore = scheduleStore;
    this.clock = clock;
    this.window = window;
    this.pageSize = pageSize;
    this.listeners = List.copyOf(listeners);
    this.validator = validator;
    this.overlap = overlap;
    this.stopRequested = stopRequested;
  }

  // ------------------------------------------------------------------ entry points

  /** Runs (or resumes) a sync of these regions. Failures are reported, not thrown. */
  public SyncReport sync(List<String> regions, SyncMode requestedMode, SyncProgressListener progress) {
    Instant attemptStart = clock.instant();
    boolean resumed = false;
    Run run = null;
    try {
      state = load();
      recoverPendingAndRemovals();
      run = state.run();
      if (run != null && run.regions().equals(regions)) {
        resumed = true;
        LOG.info("Integration '{}': resuming sync run {} at {} {} of {}", integrationId, run.id(), run.phase(),
            run.item() + 1, run.plan().size());
      } else {
        if (run != null) {
          LOG.warn("Integration '{}': abandoning interrupted sync run {} (regions changed from {} to {}); no deletions"
              + " are reported for it", integrationId, run.id(), run.regions(), regions);
        }
        run = plan(state.lastRunId() + 1, regions, requestedMode, attemptStart);
        state = new EngineState(run.id(), state.watermarks(), run);
        save();
        LOG.info("Integration '{}': sync run {} started ({} mode, {} reads, regions {})", integrationId, run.id(),
            run.mode(), run.plan().size(), regions);
      }
      quarantinedKeys = loadQuarantinedKeys();
      readAll(progress);
      sweep();
      run = state.run();
      finish();
      LOG.info("Integration '{}': sync run {} completed: {}", integrationId, run.id(), describe(run.counts()));
      return report(run, resumed, attemptStart, null);
    } catch (RuntimeException e) {
      String message = failureMessage(e);
      Run current = state == null || state.run() == null ? run : state.run();
      LOG.warn("Integration '{}': sync run {} stopped: {}", integrationId, current == null ? "-" : current.id(),
          message, e instanceof ConnectorException ? null : e);
      return report(current, resumed, attemptStart, message);
    }
  }

  /** Removes every record synced under the region, reporting each as deleted. */
  public long removeRegion(String regionId) {
    state = load();
    recoverPendingAndRemovals();
    if (state.run() != null) {
      LOG.warn("Integration '{}': abandoning interrupted sync run {} to remove region {}", integrationId,
          state.run().id(), regionId);
    }
    Instant now = clock.instant();
    List<StreamRead> scopes = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      scopes.add(new StreamRead(regionId, type, null, null, true));
    }
    Run removal = new Run(state.lastRunId() + 1, SyncMode.FULL, now, List.of(), scopes, Phase.SWEEP, 0, null,
        Counts.ZERO, null);
    state = new EngineState(removal.id(), state.watermarks(), removal);
    save();
    sweep();
    long deleted = state.run().counts().deleted();
    finish();
    return deleted;
  }

  // ------------------------------------------------------------------ planning

  private Run plan(long id, List<String> regions, SyncMode mode, Instant now) {
    TimeWindow w = window.at(now);
    Capabilities caps = connector.capabilities();
    List<StreamRead> plan = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      if (!caps.supports(type)) {
        continue;
      }
      for (String region : regions) {
        Watermark wm = state.watermarks().get(EngineState.streamKey(region, type));
        if (mode == SyncMode.AUTO && caps.serverSideIncremental() && wm != null) {
          planIncremental(plan, region, type, w, wm);
        } else {
          plan.add(new StreamRead(region, type, w, null, true));
        }
      }
    }
    return new Run(id, mode, now, regions, plan, Phase.READ, 0, null, Counts.ZERO, null);
  }

  /**
   * Changed-since reads, plus a full read of the part of the window the last read did not cover
   * (schedule that slid into the window without changing).
   */
  private static void planIncremental(List<StreamRead> plan, String region, EntityType type, TimeWindow w,
      Watermark wm) {
    boolean timed = type != EntityType.CLIENT && type != EntityType.CAREGIVER;
    if (!timed || !wm.coveredTo().isBefore(w.to())) {
      plan.add(new StreamRead(region, type, w, wm.since(), false));
      return;
    }
    if (w.from().isBefore(wm.coveredTo())) {
      plan.add(new StreamRead(region, type, TimeWindow.of(w.from(), wm.coveredTo()), wm.since(), false));
      plan.add(new StreamRead(region, type, TimeWindow.of(wm.coveredTo(), w.to()), null, true));
    } else {
      plan.add(new StreamRead(region, type, w, null, true));
    }
  }

  // ------------------------------------------------------------------ reading

  private void readAll(SyncProgressListener progress) {
    Run run = state.run();
    if (run.phase() != Phase.READ) {
      return;
    }
    for (int i = run.item(); i < run.plan().size(); i++) {
      StreamRead read = run.plan().get(i);
      String cursor = i == run.item() ? run.cursor() : null;
      Instant streamStart = clock.instant();
      long streamRecords = 0;
      boolean more;
      do {
        ReadRequest.Builder request = ReadRequest.builder(read.type()).regions(Set.of(read.regionId()))
            .window(read.window()).pageSize(pageSize).changedSince(read.changedSince());
        if (cursor != null) {
          request.cursor(SyncCursor.of(cursor));
        }
        Page page = connector.read(request.build());
        more = page.hasNext();
        cursor = more ? page.nextCursor().token() : null;
        streamRecords += page.records().size() + page.rejected().size();
        applyPage(read, i, page, cursor);
        progress.onProgress(progress(read, i, streamRecords, page.totalRecords(), streamStart));
        if (stopRequested.getAsBoolean()) {
          throw new IllegalStateException("Sync of integration '" + integrationId + "' was stopped on request after "
              + state.run().counts().pages() + " pages; the next sync resumes from this point");
        }
      } while (more);
    }
    state = state.withRun(state.run().at(Phase.SWEEP, 0, null));
    save();
  }

  private void applyPage(StreamRead read, int item, Page page, String nextCursor) {
    Run run = state.run();
    long runId = run.id();
    Map<RecordKey, SourceRecord> onPage = new HashMap<>();
    List<Change> changes = new ArrayList<>();
    List<RecordKey> touched = new ArrayList<>();
    List<QuarantinedRecord> rejects = new ArrayList<>();
    List<RecordKey> valid = new ArrayList<>();
    Instant now = clock.instant();
    long created = 0;
    long updated = 0;
    long unchanged = 0;
    for (SourceRecord record : page.records()) {
      Optional<String> problem = validate(record, read.type());
      if (problem.isPresent()) {
        rejects.add(QuarantinedRecord.of(record.type(), record.id(), read.regionId(), problem.get(), now));
        touched.add(record.key());
        continue;
      }
      RecordKey key = record.key();
      valid.add(key);
      SourceRecord before = onPage.get(key);
      if (before == null) {
        Optional<StoredRecord> stored = scheduleStore.find(key);
        if (stored.isPresent()) {
          before = stored.get().record();
          if (stored.get().lastSeenRun() != runId) {
            touched.add(key);
          }
        }
      }
      if (before == null) {
        changes.add(Change.created(record));
        created++;
      } else if (before.contentHash().equals(record.contentHash())) {
        unchanged++;
      } else {
        changes.add(Change.updated(before, record));
        updated++;
      }
      onPage.put(key, record);
    }
    for (RejectedRecord r : page.rejected()) {
      rejects.add(QuarantinedRecord.of(r.type(), r.sourceId(), read.regionId(), r.reason(), now));
      if (r.sourceId() != null) {
        touched.add(RecordKey.of(r.type(), r.sourceId())); // keep the stored version: the source still has it
      }
    }
    if (!rejects.isEmpty()) {
      integrationStore.quarantine(integrationId, rejects);
      rejects.forEach(q -> q.key().ifPresent(quarantinedKeys::add));
    }
    List<RecordKey> release = valid.stream().filter(quarantinedKeys::contains).distinct().toList();
    if (!release.isEmpty()) {
      integrationStore.release(integrationId, release);
      quarantinedKeys.removeAll(release);
    }
    Counts counts = run.counts().plus(new Counts(1, page.records().size() + page.rejected().size(), created, updated,
        unchanged, 0, rejects.size()));
    Run next = run.at(Phase.READ, nextCursor == null ? item + 1 : item, nextCursor);
    if (changes.isEmpty()) {
      if (!touched.isEmpty()) {
        scheduleStore.apply(touched.stream().map(k -> ScheduleWrite.touch(k, runId)).toList());
      }
      state = state.withRun(next.with(counts, null));
      save();
      return;
    }
    state = state.withRun(next.with(counts, new Pending(read.regionId(), runId, changes, touched)));
    save(); // the commit point
    flushPending();
  }

  private Optional<String> validate(SourceRecord record, EntityType expected) {
    if (record.type() != expected) {
      return Optional.of(record.type().displayName() + " '" + record.id() + "' arrived on the "
          + expected.displayName() + " stream; the connector must return only records of the requested type");
    }
    return validator.check(record);
  }

  private SyncProgress progress(StreamRead read, int item, long streamRecords, Long total, Instant streamStart) {
    Run run = state.run();
    Duration eta = null;
    if (total != null) {
      Duration elapsed = Duration.between(streamStart, clock.instant());
      long left = Math.max(0, total - streamRecords);
      if (left == 0) {
        eta = Duration.ZERO;
      } else if (streamRecords > 0 && !elapsed.isZero() && !elapsed.isNegative()) {
        eta = Duration.ofNanos((long) ((double) elapsed.toNanos() * left / streamRecords));
      }
    }
    return new SyncProgress(integrationId, run.id(), read.regionId(), read.type(), item, run.plan().size(),
        run.counts().pages(), run.counts().read(), streamRecords, total, eta);
  }

  // ------------------------------------------------------------------ deletions

  /**
   * Reports as deleted every record of the fully read scopes that this run did not see, in one
   * pass over the store, committing a batch of deletions per page size. Restarting it after a
   * crash is harmless: deleted records are gone, the rest are found again.
   */
  private void sweep() {
    Run run = state.run();
    if (run.item() > 0) {
      return;
    }
    long runId = run.id();
    Map<String, List<TimeWindow>> scopes = new HashMap<>();
    Set<EntityType> types = new HashSet<>();
    Set<String> regions = new HashSet<>();
    for (StreamRead read : run.plan()) {
      if (read.complete()) {
        scopes.computeIfAbsent(EngineState.streamKey(read.regionId(), read.type()), k -> new ArrayList<>())
            .add(read.window());
        types.add(read.type());
        regions.add(read.regionId());
      }
    }
    if (!scopes.isEmpty()) {
      ScheduleQuery query = ScheduleQuery.builder().types(types).regions(regions).build();
      List<Change> chunk = new ArrayList<>();
      String chunkRegion = null;
      try (Stream<StoredRecord> stored = scheduleStore.query(query)) {
        Iterator<StoredRecord> it = stored.iterator();
        while (it.hasNext()) {
          StoredRecord s = it.next();
          if (s.lastSeenRun() == runId || !inScope(scopes, s)) {
            continue;
          }
          if (chunkRegion != null && !chunkRegion.equals(s.regionId()) || chunk.size() >= pageSize) {
            commitDeletions(chunkRegion, chunk);
            chunk = new ArrayList<>();
          }
          chunkRegion = s.regionId();
          chunk.add(Change.deleted(s.record()));
        }
      }
      commitDeletions(chunkRegion, chunk);
    }
    state = state.withRun(state.run().at(Phase.SWEEP, 1, null));
    save();
  }

  private static boolean inScope(Map<String, List<TimeWindow>> scopes, StoredRecord s) {
    List<TimeWindow> windows = scopes.get(EngineState.streamKey(s.regionId(), s.record().type()));
    if (windows == null) {
      return false;
    }
    for (TimeWindow w : windows) {
      if (w == null || ScheduleQuery.inWindow(s.record(), w)) {
        return true;
      }
    }
    return false;
  }

  private void commitDeletions(String regionId, List<Change> deletions) {
    if (deletions.isEmpty()) {
      return;
    }
    Run run = state.run();
    Counts counts = run.counts().plus(new Counts(0, 0, 0, 0, 0, deletions.size(), 0));
    state = state.withRun(run.with(counts, new Pending(regionId, run.id(), deletions, List.of())));
    save();
    flushPending();
  }

  // ------------------------------------------------------------------ outbox, recovery, completion

  /** Applies and delivers the saved outbox, then clears it. */
  private void flushPending() {
    Run run = state.run();
    Pending p = run == null ? null : run.pending();
    if (p == null) {
      return;
    }
    List<ScheduleWrite> writes = new ArrayList<>(p.changes().size() + p.touched().size());
    for (Change c : p.changes()) {
      writes.add(c.after() == null ? ScheduleWrite.remove(c.key()) : ScheduleWrite.put(p.regionId(), c.after(), p.run()));
    }
    for (RecordKey k : p.touched()) {
      writes.add(ScheduleWrite.touch(k, p.run()));
    }
    scheduleStore.apply(writes);
    deliver(p.changes());
    state = state.withRun(run.with(run.counts(), null));
    save();
  }

  private void deliver(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    for (ChangeListener l : listeners) {
      try {
        l.onChanges(changes);
      } catch (RuntimeException e) {
        listenerFailures++;
        LOG.warn("Integration '{}': change listener {} failed on a batch of {} changes; the sync goes on",
            integrationId, l.getClass().getName(), changes.size(), e);
      }
    }
  }

  /** Finishes an interrupted outbox, and an interrupted region removal, before anything else. */
  private void recoverPendingAndRemovals() {
    flushPending();
    Run run = state.run();
    if (run != null && run.regions().isEmpty()) {
      LOG.info("Integration '{}': finishing an interrupted region removal", integrationId);
      sweep();
      finish();
    }
  }

  private void finish() {
    Run run = state.run();
    Map<String, Watermark> watermarks = new HashMap<>(state.watermarks());
    if (run.regions().isEmpty()) {
      Set<String> removed = run.plan().stream().map(StreamRead::regionId).collect(Collectors.toSet());
      watermarks.keySet().removeIf(k -> removed.contains(k.substring(0, k.lastIndexOf('|'))));
    } else {
      Instant since = run.startedAt().minus(overlap);
      for (StreamRead read : run.plan()) {
        String key = EngineState.streamKey(read.regionId(), read.type());
        Watermark old = watermarks.get(key);
        Instant coveredTo = old == null || read.window().to().isAfter(old.coveredTo()) ? read.window().to() : old.coveredTo();
        watermarks.put(key, new Watermark(since, coveredTo));
      }
    }
    state = new EngineState(state.lastRunId(), watermarks, null);
    save();
  }

  private EngineState load() {
    return integrationStore.checkpoint(integrationId).map(EngineState::fromJson).orElseGet(EngineState::initial);
  }

  private void save() {
    integrationStore.saveCheckpoint(integrationId, state.toJson());
  }

  private Set<RecordKey> loadQuarantinedKeys() {
    Set<RecordKey> keys = new HashSet<>();
    for (QuarantinedRecord q : integrationStore.quarantined(integrationId)) {
      q.key().ifPresent(keys::add);
    }
    return keys;
  }

  // ------------------------------------------------------------------ reporting

  private SyncReport report(Run run, boolean resumed, Instant started, String error) {
    Counts c = run == null ? Counts.ZERO : run.counts();
    return new SyncReport(integrationId, run == null ? 0 : run.id(), run == null ? SyncMode.AUTO : run.mode(),
        error == null, resumed, started, clock.instant(), c.pages(), c.read(), c.created(), c.updated(),
        c.unchanged(), c.deleted(), c.quarantined(), listenerFailures, error);
  }

  private static String describe(Counts c) {
    return c.pages() + " pages, " + c.read() + " records read: " + c.created() + " created, " + c.updated()
        + " updated, " + c.unchanged() + " unchanged, " + c.quarantined() + " quarantined, " + c.deleted() + " deleted";
  }

  private String failureMessage(RuntimeException e) {
    if (e instanceof ConnectorException || stopRequested.getAsBoolean()) {
      return e.getMessage();
    }
    return "Sync of integration '" + integrationId + "' failed: " + (e.getMessage() == null ? e.toString() : e.getMessage())
        + ". It resumes from its last checkpoint on the next sync.";
  }
}
