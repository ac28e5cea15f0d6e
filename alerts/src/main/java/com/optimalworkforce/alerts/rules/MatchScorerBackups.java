package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.scoring.MatchScore;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Visit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Backups from the match scorer: the active caregivers of the shift's region, ranked by
 * {@link MatchScorer#rank}, with the scorer's whole percentage and one-line reason. Hard
 * constraints (unavailable, double-booked, missing skill, blocked by the client) exclude.
 *
 * <pre>{@code
 * MatchHistory history = MatchHistory.create();            // fed by the same sync changes
 * BackupFinder backups = MatchScorerBackups.of(MatchScorer.create(history, clock));
 * List<AlertRule> rules = BuiltInRules.all(backups);
 * }</pre>
 */
public final class MatchScorerBackups implements BackupFinder {
  private final MatchScorer scorer;

  private MatchScorerBackups(MatchScorer scorer) {
    this.scorer = scorer;
  }

  public static MatchScorerBackups of(MatchScorer scorer) {
    return new MatchScorerBackups(Objects.requireNonNull(scorer, "scorer"));
  }

  @Override
  public List<Recommendation> find(Visit shift, ScheduleView view, Clock clock, int limit) {
    Objects.requireNonNull(shift, "shift");
    List<Caregiver> candidates = new ArrayList<>();
    for (Caregiver c : view.caregiversIn(shift.regionId())) {
      if (c.active()) {
        candidates.add(c);
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Recommendation> out = new ArrayList<>(limit);
    for (MatchScore s : scorer.rank(shift, candidates).top(limit)) {
      out.add(new Recommendation(s.caregiverId(), s.caregiver().name().informal(), s.percent(), s.reason()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "MatchScorerBackups[" + scorer.config() + "]";
  }
}
