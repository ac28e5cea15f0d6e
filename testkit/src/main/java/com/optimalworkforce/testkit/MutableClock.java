package com.optimalworkforce.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand; thread-safe.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T15:00:00Z"));
 * engine = AlertEngine.builder().clock(clock).build();
 * clock.advance(Duration.ofHours(3));
 * }</pre>
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public static MutableClock at(Instant start) {
    return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  public void advance(Duration by) {
    Objects.requireNonNull(by, "by");
    now.updateAndGet(t -> t.plus(by));
  }

  public void set(Instant to) {
    now.set(Objects.requireNonNull(to, "to"));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view with another zone that moves with this clock. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
