package com.optimalworkforce.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync did. Every record read is accounted for:
 * {@code recordsRead == created + updated + unchanged + quarantined}; deletions are records of the
 * synced scope the source no longer returned.
 *
 * <pre>{@code
 * SyncReport report = engine.sync(Set.of("toronto-east"));
 * if (!report.completed()) {
 *   alertOps(report.failure().orElseThrow()); // e.g. "Invalid credentials: ..."
 * }
 * }</pre>
 *
 * @param integrationId the integration synced
 * @param runId the run's number (a resumed run keeps its number)
 * @param mode how it read
 * @param completed true when every stream was read and deletions were applied
 * @param resumed true when it continued an interrupted run from its checkpoint
 * @param startedAt when this attempt started
 * @param finishedAt when it ended
 * @param pages pages read (over the whole run, including before an interruption)
 * @param recordsRead records read, valid or not
 * @param created records new to the schedule
 * @param updated records whose content changed
 * @param unchanged records read with the content already stored
 * @param deleted records removed because the source no longer has them
 * @param quarantined records put in quarantine
 * @param listenerFailures how many times a change listener threw (logged; the sync went on)
 * @param error the failure's message when not completed, else {@code null}
 */
public record SyncReport(
    String integrationId,
    long runId,
    SyncMode mode,
    boolean completed,
    boolean resumed,
    Instant startedAt,
    Instant finishedAt,
    long pages,
    long recordsRead,
    long created,
    long updated,
    long unchanged,
    long deleted,
    long quarantined,
    long listenerFailures,
    String error) {

  public SyncReport {
    Objects.requireNonNull(integrationId, "integrationId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  public Optional<String> failure() {
    return Optional.ofNullable(error);
  }

  /** Records whose change went downstream: created, updated and deleted. */
  public long changes() {
    return created + updated + deleted;
  }

  public Duration elapsed() {
    return Duration.between(startedAt, finishedAt);
  }
}
