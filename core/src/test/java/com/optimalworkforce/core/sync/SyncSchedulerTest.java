package com.optimalworkforce.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncSchedulerTest {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-20T15:00:00Z"));
  final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  final ManualScheduledExecutor executor = new ManualScheduledExecutor(clock, now::set);
  final AtomicInteger runs = new AtomicInteger();

  SyncReport report(boolean completed) {
    return new SyncReport("acme", runs.get(), SyncMode.AUTO, completed, false, clock.instant(), clock.instant(), 1, 1, 0,
        0, 1, 0, 0, 0, completed ? null : "Connection timeout: ...");
  }

  @ParameterizedTest(name = "daily at {0}, after {1} -> {2}")
  @CsvSource({
      // an ordinary day: later today, else tomorrow
      "02:00, 2026-11-20T06:00:00Z, 2026-11-20T07:00:00Z",
      "02:00, 2026-11-20T07:00:00Z, 2026-11-21T07:00:00Z",
      // spring forward (8 March 2026): 02:00 does not exist, runs at 03:00 EDT; then 02:00 EDT
      "02:00, 2026-03-07T12:00:00Z, 2026-03-08T07:00:00Z",
      "02:00, 2026-03-08T07:00:00Z, 2026-03-09T06:00:00Z",
      // fall back (1 November 2026): 01:30 happens twice, runs once at the first (EDT)
      "01:30, 2026-10-31T12:00:00Z, 2026-11-01T05:30:00Z",
      "01:30, 2026-11-01T05:30:00Z, 2026-11-02T06:30:00Z"})
  void dailyRunsStayAtTheirLocalTimeAcrossDaylightSavingChanges(LocalTime at, String after, String expected) {
    assertThat(SyncSchedule.daily(at, TORONTO).nextAfter(Instant.parse(after))).isEqualTo(Instant.parse(expected));
  }

  @Test
  void aDailyScheduleRunsOncePerDayAndRearmsItself() {
    SyncScheduler scheduler = SyncScheduler.builder(executor).clock(clock)
        .schedule(SyncSchedule.daily(LocalTime.of(2, 0), TORONTO)).build();
    SyncScheduler.ScheduledSync sync = scheduler.schedule("acme", () -> {
      runs.incrementAndGet();
      return report(true);
    });

    assertThat(sync.nextRun()).contains(Instant.parse("2026-11-21T07:00:00Z"));
    assertThat(executor.pending()).hasSize(1);
    executor.runNext();
    assertThat(runs.get()).isEqualTo(1);
    assertThat(now.get()).isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
    assertThat(sync.lastReport()).isPresent();
    assertThat(sync.nextRun()).contains(Instant.parse("2026-11-22T07:00:00Z"));
    executor.runNext();
    assertThat(runs.get()).isEqualTo(2);
    assertThat(executor.pending()).hasSize(1);
  }

  @Test
  void theDefaultIsDailyAtTwoInTheClocksZone() {
    SyncScheduler scheduler = SyncScheduler.builder(executor).clock(clock).build();
    assertThat(scheduler.schedule().toString()).isEqualTo("daily at 02:00 Z");
    assertThat(scheduler.schedule("x", () -> null).nextRun()).contains(Instant.parse("2026-11-21T02:00:00Z"));
  }

  @Test
  void everyNRunsAtThatIntervalAndKeepsGoingAfterFailuresAndRefusals() {
    SyncScheduler scheduler = SyncScheduler.builder(executor).clock(clock)
        .schedule(SyncSchedule.every(Duration.ofMinutes(30))).build();
    scheduler.schedule("acme", () -> {
      int n = runs.incrementAndGet();
      if (n == 1) {
        throw new SyncAlreadyRunningException("acme", "Integration 'acme' is already syncing");
      }
      if (n == 2) {
        throw new IllegalStateException("store down");
      }
      return report(n != 3);
    });
    Instant start = now.get();
    for (int i = 0; i < 4; i++) {
      executor.runNext();
    }
    assertThat(runs.get()).isEqualTo(4);
    assertThat(now.get()).isEqualTo(start.plus(Duration.ofMinutes(120)));
    assertThat(executor.pending()).singleElement().satisfies(t -> assertThat(t.due)
        .isEqualTo(start.plus(Duration.ofMinutes(150))));
  }

  @Test
  void syncNowRunsAtOnceAndAnswersAlreadySyncingClearly() throws Exception {
    SyncScheduler scheduler = SyncScheduler.builder(executor).clock(clock).build();
    AtomicInteger calls = new AtomicInteger();
    SyncScheduler.ScheduledSync sync = scheduler.schedule("acme", () -> {
      if (calls.incrementAndGet() == 2) {
        throw new SyncAlreadyRunningException("acme", "Integration 'acme' is already syncing (since ...)");
      }
      return report(true);
    });
    CompletableFuture<SyncReport> first = sync.syncNow();
    CompletableFuture<SyncReport> second = sync.syncNow();
    assertThat(first).isNotDone();
    executor.runImmediate();
    assertThat(first.get().completed()).isTrue();
    assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(SyncAlreadyRunningException.class).hasMessageContaining("already syncing");
    assertThat(executor.pending()).hasSize(1); // the schedule is unaffected
  }

  @Test
  void cancelStopsTheSchedule() {
    SyncScheduler scheduler = SyncScheduler.builder(executor).clock(clock)
        .schedule(SyncSchedule.every(Duration.ofHours(1))).build();
    SyncScheduler.ScheduledSync sync = scheduler.schedule("acme", () -> report(true));
    sync.cancel();
    assertThat(sync.nextRun()).isEmpty();
    assertThat(executor.pending()).isEmpty();
  }

  @Test
  void badSchedulesFailWithTheValue() {
    assertThatThrownBy(() -> SyncSchedule.every(Duration.ofMillis(10))).hasMessageContaining("PT0.01S");
    assertThat(List.of(SyncSchedule.every(Duration.ofMinutes(5)).toString())).containsExactly("every PT5M");
  }
}
