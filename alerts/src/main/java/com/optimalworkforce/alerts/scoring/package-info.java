/**
 * Match scoring: which caregiver should fill a shift, with explainable, calibrated percentages.
 *
 * <pre>{@code
 * MatchHistory history = MatchHistory.create();
 * history.loadAll(records);
 * MatchScorer scorer = MatchScorer.create(history, clock);
 * MatchScore best = scorer.rank(openShift).best().orElseThrow();   // "85%, accepted 6/7 similar shifts"
 * }</pre>
 *
 * <p>Start with {@link com.optimalworkforce.alerts.scoring.MatchScorer}; factors are pluggable
 * through {@link com.optimalworkforce.alerts.scoring.MatchFactor}; calibration is measured by
 * {@link com.optimalworkforce.alerts.scoring.MatchBacktest}.
 */
package com.optimalworkforce.alerts.scoring;
