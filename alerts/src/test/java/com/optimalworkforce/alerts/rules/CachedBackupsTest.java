package com.optimalworkforce.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedBackupsTest {
  final MutableClock clock = MutableClock.at(Instant.parse("2026-11-20T15:00:00Z"));
  final ScheduleIndex view = ScheduleIndex.create(clock);
  final AtomicInteger calls = new AtomicInteger();
  final BackupFinder counting = (shift, v, c, limit) -> {
    calls.incrementAndGet();
    return List.of(new Recommendation("E" + calls.get(), "Ana", 80, ""));
  };

  @Test
  void ranksAShiftVersionOnceWithinTheTtl() {
    BackupFinder cached = BackupFinder.cached(counting, Duration.ofMinutes(10));
    Visit shift = Fixtures.visit("C1", null, LocalDateTime.of(2026, 11, 20, 14, 0), 4);
    List<Recommendation> first = cached.find(shift, view, clock, 3);
    assertThat(cached.find(shift, view, clock, 3)).isEqualTo(first);
    assertThat(calls).hasValue(1);
    cached.find(shift.toBuilder().end(shift.end().plusSeconds(900)).build(), view, clock, 3); // a new version
    cached.find(shift, view, clock, 2); // another limit
    assertThat(calls).hasValue(3);
    clock.advance(Duration.ofMinutes(10));
    assertThat(cached.find(shift, view, clock, 3)).isNotEqualTo(first);
    assertThat(calls).hasValue(4);
    assertThatThrownBy(() -> BackupFinder.cached(counting, Duration.ZERO)).hasMessageContaining("was PT0S");
  }
}
