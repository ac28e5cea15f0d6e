package com.optimalworkforce.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When scheduled syncs run: daily at a local time in a zone (the default: 02:00 in the agency's
 * zone), or every fixed interval. Daily times follow the zone's clock across daylight-saving
 * changes: a time that does not exist that day (spring forward) runs at the same offset after the
 * gap, and a time that occurs twice (fall back) runs once, at its first occurrence.
 *
 * <pre>{@code
 * SyncSchedule nightly = SyncSchedule.daily(LocalTime.of(2, 0), ZoneId.of("America/Toronto"));
 * SyncSchedule frequent = SyncSchedule.every(Duration.ofMinutes(30));
 * Instant next = nightly.nextAfter(clock.instant());
 * }</pre>
 */
public final class SyncSchedule {
  private final LocalTime time;
  private final ZoneId zone;
  private final Duration interval;

  private SyncSchedule(LocalTime time, ZoneId zone, Duration interval) {
    this.time = time;
    this.zone = zone;
    this.interval = interval;
  }

  /** Every day at {@code time} in {@code zone}. */
  public static SyncSchedule daily(LocalTime time, ZoneId zone) {
    return new SyncSchedule(Objects.requireNonNull(time, "time"), Objects.requireNonNull(zone, "zone"), null);
  }

  /** Every {@code interval}, counted from the end of the previous run's scheduling. */
  public static SyncSchedule every(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("interval must be at least 1 second but was " + interval);
    }
    return new SyncSchedule(null, null, interval);
  }

  /** The first run strictly after {@code after}. */
  public Instant nextAfter(Instant after) {
    Objects.requireNonNull(after, "after");
    if (interval != null) {
      return after.plus(interval);
    }
    ZonedDateTime now = after.atZone(zone);
    ZonedDateTime candidate = ZonedDateTime.of(now.toLocalDate(), time, zone);
    if (!candidate.toInstant().isAfter(after)) {
      candidate = ZonedDateTime.of(now.toLocalDate().plusDays(1), time, zone);
    }
    return candidate.toInstant();
  }

  @Override
  public String toString() {
    return interval != null ? "every " + interval : "daily at " + time + " " + zone;
  }
}
