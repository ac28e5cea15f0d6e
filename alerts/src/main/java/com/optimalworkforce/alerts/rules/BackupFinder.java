package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Visit;
import java.time.Clock;
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

  /** Suggests nobody. */
  static BackupFinder none() {
    return (shift, view, clock, limit) -> List.of();
  }
}
