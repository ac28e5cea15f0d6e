package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.alerts.scoring.internal.RankingEngine;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Visit;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;

/**
 * Ranks caregivers for a shift: who can take it (hard constraints), and how likely each is to
 * accept it, with the part every factor plays and a reason a scheduler understands.
 *
 * <pre>{@code
 * MatchScorer scorer = MatchScorer.create(history, MatchConfig.builder().overtimeCapHours(45).build(), clock);
 * MatchRanking ranking = scorer.rank(openShift);            // every caregiver of the shift's region
 * for (MatchScore s : ranking.top(3)) {
 *   System.out.println(s.caregiver().name().given() + " " + s.percent() + "% - " + s.reason());
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may rank at once, also while the {@link MatchHistory}
 * takes updates. The clock defines "now" (recency, "this week", "today"). The acceptance prior
 * and the {@link MatchCalibration calibration} are fitted on the first ranking and refitted when
 * 0.5% of the offers changed or a day passed; that ranking pays for the fit (it replays up to
 * 20,000 past offers: up to about a second for a large agency) while concurrent rankings keep
 * using the previous fit.
 */
public final class MatchScorer {
  private final MatchHistory history;
  private final MatchConfig config;
  private final Clock clock;
  private final RankingEngine engine;

  private MatchScorer(MatchHistory history, MatchConfig config, Clock clock) {
    this.history = history;
    this.config = config;
    this.clock = clock;
    this.engine = new RankingEngine(history.index(), config, clock);
  }

  /** A scorer with {@link MatchConfig#ofDefaults()}. */
  public static MatchScorer create(MatchHistory history, Clock clock) {
    return create(history, MatchConfig.ofDefaults(), clock);
  }

  public static MatchScorer create(MatchHistory history, MatchConfig config, Clock clock) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    return new MatchScorer(history, config, clock);
  }

  /**
   * Ranks the candidates for the shift (a {@link Visit}, usually open). Duplicates are ranked
   * once; a candidate the history does not know is scored on the agency average.
   */
  public MatchRanking rank(Visit shift, Collection<Caregiver> candidates) {
    Objects.requireNonNull(shift, "shift");
    Objects.requireNonNull(candidates, "candidates");
    return engine.rank(shift, candidates);
  }

  /** Ranks every caregiver the history holds for the shift's region. */
  public MatchRanking rank(Visit shift) {
    Objects.requireNonNull(shift, "shift");
    return engine.rank(shift, history.caregivers(shift.regionId()));
  }

  /** The acceptance prior fitted from the history (refitted as offers change). */
  public AcceptancePrior acceptancePrior() {
    return engine.prior();
  }

  /**
   * The weights fitted to the agency's past offers, refitted with the prior; empty when
   * calibration is off or there are fewer than 200 past offers (the configured weights apply).
   */
  public java.util.Optional<MatchCalibration> calibration() {
    return java.util.Optional.ofNullable(engine.calibration());
  }

  public MatchConfig config() {
    return config;
  }

  public MatchHistory history() {
    return history;
  }

  public Clock clock() {
    return clock;
  }

  /** Not API: the engine, for the backtest. */
  RankingEngine engine() {
    return engine;
  }
}
