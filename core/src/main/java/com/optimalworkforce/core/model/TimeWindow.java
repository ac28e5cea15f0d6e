package com.optimalworkforce.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open interval of time {@code [from, to)}: the span of schedule a sync reads.
 *
 * <pre>{@code
 * TimeWindow window = TimeWindow.around(clock.instant(), Duration.ofDays(28), Duration.ofDays(14));
 * boolean inside = window.contains(visit.start());
 * }</pre>
 */
public record TimeWindow(Instant from, Instant to) {

  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("TimeWindow: to (" + to + ") must be after from (" + from + ")");
    }
  }

  public static TimeWindow of(Instant from, Instant to) {
    return new TimeWindow(from, to);
  }

  /** A window reaching {@code back} before and {@code ahead} after {@code now}. */
  public static TimeWindow around(Instant now, Duration back, Duration ahead) {
    Objects.requireNonNull(now, "now");
    return new TimeWindow(now.minus(back), now.plus(ahead));
  }

  /** True when {@code from <= instant < to}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  /** True when {@code [start, end)} and this window share at least one instant. */
  public boolean overlaps(Instant start, Instant end) {
    return start.isBefore(to) && end.isAfter(from);
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
