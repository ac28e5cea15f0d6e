package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Visit;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Finds caregivers to suggest for an open shift, best first. The rules that name backups
 * (unfilled shift, last-minute opening, weekend matches) take one; wire the match scorer in with
 * {@code MatchScorerBackups}, or run the rules without suggestions with {@link #none()}.
 *
 * <pre>{@code
 * BackupFinder backups = (shift, view, clock, limit) -> myRanking(shift).stream().limit(limit).toList();
 * AlertRule rule = UnfilledShiftRule.builder().backups(backups).build();
 * }</pre>
 */
@FunctionalInterface
public interface BackupFinder {

  /** Up to {@code limit} caregivers for the shift, best first; empty when none fits. */
  List<Recommendation> find(Visit shift, ScheduleView view, Clock clock, int limit);

  /**
   * Remembers {@code finder}'s answer for each version of a shift for {@code ttl}: the three rules
   * that name backups, and the scheduled runs within the ttl, then rank a shift once. A changed
   * shift is a new version and is ranked again; changes elsewhere (a backup booked meanwhile)
   * show after the ttl.
   */
  static BackupFinder cached(BackupFinder finder, Duration ttl) {
    java.util.Objects.requireNonNull(finder, "finder");
    java.util.Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("BackupFinder.cached: ttl must be positive but was " + ttl);
    }
    return new com.optimalworkforce.alerts.rules.internal.CachedBackups(finder, ttl);
  }

  /** Suggests nobody. */
  static BackupFinder none() {
    return (shift, view, clock, limit) -> List.of();
  }
}
