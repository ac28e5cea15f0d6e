package com.optimalworkforce.core.sync;

import com.optimalworkforce.core.model.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The span of schedule a sync reads, relative to "now": {@code back} before it and {@code ahead}
 * after it, widened to whole UTC days so that two syncs on the same day read the same window.
 *
 * <pre>{@code
 * SyncWindow window = SyncWindow.of(Duration.ofDays(28), Duration.ofDays(28)); // the default
 * TimeWindow today = window.at(clock.instant());
 * }</pre>
 *
 * @param back how far into the past
 * @param ahead how far into the future
 */
public record SyncWindow(Duration back, Duration ahead) {
  /** Four weeks back, four weeks ahead. */
  public static final SyncWindow DEFAULT = new SyncWindow(Duration.ofDays(28), Duration.ofDays(28));

  public SyncWindow {
    Objects.requireNonNull(back, "back");
    Objects.requireNonNull(ahead, "ahead");
    if (back.isNegative()) {
      throw new IllegalArgumentException("SyncWindow: back must not be negative but was " + back);
    }
    if (ahead.isNegative()) {
      throw new IllegalArgumentException("SyncWindow: ahead must not be negative but was " + ahead);
    }
  }

  public static SyncWindow of(Duration back, Duration ahead) {
    return new SyncWindow(back, ahead);
  }

  public static SyncWindow ofDefaults() {
    return DEFAULT;
  }

  /** The window around {@code now}: from the start of the UTC day {@code back} ago to the end of the UTC day {@code ahead} on. */
  public TimeWindow at(Instant now) {
    Objects.requireNonNull(now, "now");
    Instant from = now.minus(back).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    Instant to = now.plus(ahead).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
    return TimeWindow.of(from, to);
  }
}
