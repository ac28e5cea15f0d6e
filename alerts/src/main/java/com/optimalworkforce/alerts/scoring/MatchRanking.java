package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.core.model.Visit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link MatchScorer#rank}: candidates who can take the shift, best first, and those
 * ruled out by a hard constraint, with the reason.
 *
 * <pre>{@code
 * MatchRanking ranking = scorer.rank(openShift, candidates);
 * ranking.best().ifPresent(s -> notify(s.caregiver(), s.percent(), s.reason()));
 * List<MatchScore> backups = ranking.top(3);
 * }</pre>
 *
 * @param shift the shift
 * @param scores candidates who passed the hard constraints, highest probability first (ties by id)
 * @param excluded candidates ruled out, in the order given
 */
public record MatchRanking(Visit shift, List<MatchScore> scores, List<MatchExclusion> excluded) {

  public MatchRanking {
    Objects.requireNonNull(shift, "shift");
    scores = List.copyOf(scores);
    excluded = List.copyOf(excluded);
  }

  /** The best candidate, if anyone can take the shift. */
  public Optional<MatchScore> best() {
    return scores.isEmpty() ? Optional.empty() : Optional.of(scores.get(0));
  }

  /** The first {@code n} candidates (fewer if fewer can take it). */
  public List<MatchScore> top(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative but was " + n);
    }
    return scores.subList(0, Math.min(n, scores.size()));
  }

  /** A candidate's score, if they were ranked. */
  public Optional<MatchScore> score(String caregiverId) {
    return scores.stream().filter(s -> s.caregiverId().equals(caregiverId)).findFirst();
  }

  /** A candidate's exclusion, if they were ruled out. */
  public Optional<MatchExclusion> exclusion(String caregiverId) {
    return excluded.stream().filter(x -> x.caregiverId().equals(caregiverId)).findFirst();
  }

  /** 1-based position of a candidate among the ranked, or -1. */
  public int positionOf(String caregiverId) {
    for (int i = 0; i < scores.size(); i++) {
      if (scores.get(i).caregiverId().equals(caregiverId)) {
        return i + 1;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "MatchRanking[shift=" + shift.id() + ", scores=" + scores.size() + ", excluded=" + excluded.size() + "]";
  }
}
