package com.optimalworkforce.core.sync;

import com.optimalworkforce.core.model.EntityType;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Where a running sync is, reported after every page. A sync reads one stream (record type) per
 * region at a time; percent and ETA are those of the current stream and are known only when the
 * source reports totals.
 *
 * <pre>{@code
 * SyncProgressListener bar = p -> ui.show(p.regionId() + " " + p.type().displayName() + ": "
 *     + p.percent().map(d -> String.format("%.0f%%", d)).orElse(p.streamRecords() + " records")
 *     + p.remaining().map(left -> ", about " + left.toMinutes() + " min left").orElse(""));
 * }</pre>
 *
 * @param integrationId the integration syncing
 * @param runId the sync run's number
 * @param regionId region of the current stream
 * @param type record type of the current stream
 * @param streamIndex position of the current stream, from 0
 * @param streamCount number of streams in the run
 * @param pages pages read in the run so far
 * @param records records read in the run so far (valid and rejected)
 * @param streamRecords records read in the current stream so far
 * @param streamTotal the current stream's total as the source reports it, or {@code null}
 * @param eta estimated time left in the current stream, or {@code null} when unknown
 */
public record SyncProgress(
    String integrationId,
    long runId,
    String regionId,
    EntityType type,
    int streamIndex,
    int streamCount,
    long pages,
    long records,
    long streamRecords,
    Long streamTotal,
    Duration eta) {

  public OptionalLong total() {
    return streamTotal == null ? OptionalLong.empty() : OptionalLong.of(streamTotal);
  }

  /** Percent of the current stream read, 0 to 100, when the source reports a total. */
  public OptionalDouble percent() {
    if (streamTotal == null) {
      return OptionalDouble.empty();
    }
    if (streamTotal == 0) {
      return OptionalDouble.of(100);
    }
    return OptionalDouble.of(Math.min(100.0, 100.0 * streamRecords / streamTotal));
  }

  /** Estimated time left in the current stream, from the total and the rate measured so far. */
  public Optional<Duration> remaining() {
    return Optional.ofNullable(eta);
  }
}
