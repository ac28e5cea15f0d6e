package com.optimalworkforce.alerts.scoring;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How the scorer fitted itself to the agency: factor weights and an offset learned from the
 * agency's own past offers by penalized logistic regression (each past offer replayed with the
 * history as it stood then, the offer itself left out), the configured weights serving as the
 * prior. So a factor that does not predict acceptance at this agency ends up weighing little,
 * and a percentage means what it says here. A weight never changes sign: a factor's direction is
 * part of its meaning (more visits with the client never count against a caregiver), so a factor
 * the agency's answers contradict is held at 0.
 *
 * <pre>{@code
 * scorer.calibration().ifPresent(c ->
 *     log.info("fitted on {} offers: log loss {} -> {}; weights {}", c.offers(),
 *         c.logLossConfigured(), c.logLossFitted(), c.weights()));
 * }</pre>
 *
 * @param fittedAt the scorer's "now" when fitted
 * @param offers past offers fitted on
 * @param offset log-odds added to every candidate (corrects the agency average)
 * @param weights weight of every factor, by id: fitted, or as configured for factors that are not
 *     calibrated (costs the agency sets, such as overtime and travel)
 * @param logLossConfigured mean log loss on those offers with the configured weights
 * @param logLossFitted mean log loss with the fitted weights
 */
public record MatchCalibration(Instant fittedAt, int offers, double offset, Map<String, Double> weights,
    double logLossConfigured, double logLossFitted) {

  public MatchCalibration {
    Objects.requireNonNull(fittedAt, "fittedAt");
    weights = Map.copyOf(weights);
  }

  /** A factor's fitted weight. */
  public double weight(String factorId) {
    Double w = weights.get(factorId);
    if (w == null) {
      throw new IllegalArgumentException("No weight for '" + factorId + "'; factors: " + weights.keySet());
    }
    return w;
  }
}
