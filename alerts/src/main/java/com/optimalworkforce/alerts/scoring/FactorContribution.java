package com.optimalworkforce.alerts.scoring;

import java.util.Objects;

/**
 * One factor's part in a {@link MatchScore}: its signal, its weight and the log-odds they add,
 * with the explanation ("3 visits with this client"). {@link MatchScore#points(String)} gives the
 * same part in percentage points.
 *
 * <pre>{@code
 * for (FactorContribution c : score.contributions()) {
 *   System.out.printf("%-28s %+.0f pts  %s%n", c.label(), score.points(c.factorId()), c.explanation());
 * }
 * }</pre>
 *
 * @param factorId the factor's id
 * @param label the factor's name for people
 * @param weight the configured weight (log-odds at signal 1)
 * @param signal what the factor found
 */
public record FactorContribution(String factorId, String label, double weight, FactorSignal signal) {

  public FactorContribution {
    Objects.requireNonNull(factorId, "factorId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(signal, "signal");
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("FactorContribution '" + factorId + "': weight must be finite but was " + weight);
    }
  }

  /** Log-odds this factor adds: weight times signal. */
  public double logOdds() {
    return weight * signal.signal();
  }

  /** The explanation ("accepted 6/7 similar shifts"); empty when there is nothing to say. */
  public String explanation() {
    return signal.explanation();
  }

  /** True when the factor changed nothing. */
  public boolean isNeutral() {
    return logOdds() == 0;
  }

  @Override
  public String toString() {
    return "FactorContribution[" + factorId + ", logOdds=" + logOdds() + ", " + explanation() + "]";
  }
}
