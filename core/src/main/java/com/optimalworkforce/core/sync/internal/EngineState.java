package com.optimalworkforce.core.sync.internal;

import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.store.internal.Json;
import com.optimalworkforce.core.sync.SyncMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sync engine's durable state, saved as the integration's checkpoint (JSON) after every page.
 * Not API.
 *
 * @param lastRunId number of the last run started (completed or abandoned)
 * @param watermarks per stream ({@code region|TYPE}), what the last completed read covered
 * @param run the run in progress, or {@code null}
 */
public record EngineState(long lastRunId, Map<String, Watermark> watermarks, Run run) {
  /** Version of this format, written into every checkpoint. */
  static final int FORMAT = 1;

  public EngineState {
    watermarks = Map.copyOf(Objects.requireNonNull(watermarks, "watermarks"));
  }

  static EngineState initial() {
    return new EngineState(0, Map.of(), null);
  }

  static String streamKey(String regionId, EntityType type) {
    return regionId + "|" + type;
  }

  EngineState withRun(Run run) {
    return new EngineState(lastRunId, watermarks, run);
  }

  String toJson() {
    return Json.writeString(new Envelope(FORMAT, this));
  }

  static EngineState fromJson(String json) {
    Envelope e = Json.read(json, Envelope.class);
    if (e.format() != FORMAT) {
      throw new IllegalStateException("Sync checkpoint has format " + e.format() + " but this version reads format "
          + FORMAT + "; upgrade the SDK, or delete the integration's checkpoint to sync from scratch");
    }
    return e.state();
  }

  /** What is written: the format number and the state. */
  record Envelope(int format, EngineState state) {}

  /**
   * What a completed read of a stream covered.
   *
   * @param since the next "changed since" (the run's start, less a safety margin)
   * @param coveredTo the end of the window read
   */
  record Watermark(Instant since, Instant coveredTo) {}

  /**
   * One read in a run's plan.
   *
   * @param complete true when the read covers its whole scope, so records of the scope it did not
   *     return were deleted in the source
   */
  record StreamRead(String regionId, EntityType type, TimeWindow window, Instant changedSince, boolean complete) {}

  /** Counters of a run, kept across interruptions. */
  record Counts(long pages, long read, long created, long updated, long unchanged, long deleted, long quarantined) {
    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

    Counts plus(Counts o) {
      return new Counts(pages + o.pages, read + o.read, created + o.created, updated + o.updated,
          unchanged + o.unchanged, deleted + o.deleted, quarantined + o.quarantined);
    }
  }

  /**
   * Writes decided and saved but maybe not yet applied to the schedule store or delivered to the
   * listeners (the outbox): re-applying is idempotent, and delivering happens once.
   */
  record Pending(String regionId, long run, List<Change> changes, List<RecordKey> touched) {
    Pending {
      changes = List.copyOf(changes);
      touched = List.copyOf(touched);
    }
  }

  /** Where a sweep (deletion detection) or read phase stands. */
  enum Phase { READ, SWEEP }

  /**
   * A run in progress.
   *
   * @param item index in {@code plan} of the read (READ) or the sweep (SWEEP) in progress
   * @param cursor the next page's cursor token in the current read, or {@code null} at its start
   */
  record Run(long id, SyncMode mode, Instant startedAt, List<String> regions, List<StreamRead> plan, Phase phase,
      int item, String cursor, Counts counts, Pending pending) {
    Run {
      regions = List.copyOf(regions);
      plan = List.copyOf(plan);
    }

    Run at(Phase phase, int item, String cursor) {
      return new Run(id, mode, startedAt, regions, plan, phase, item, cursor, counts, pending);
    }

    Run with(Counts counts, Pending pending) {
      return new Run(id, mode, startedAt, regions, plan, phase, item, cursor, counts, pending);
    }
  }
}
