package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.FactorContribution;
import com.optimalworkforce.alerts.scoring.FactorSignal;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The factor contributions of one ranked candidate, kept as the signals plus the ranking's shared
 * ids, labels and weights; a {@link FactorContribution} is made only when someone reads it. Saves
 * the ranking an object (and a list copy) per factor and candidate. Immutable: nothing writes the
 * arrays after construction.
 */
public final class Contributions extends AbstractList<FactorContribution> implements RandomAccess {
  private final String[] ids;
  private final String[] labels;
  private final double[] weights;
  private final FactorSignal[] signals;

  Contributions(String[] ids, String[] labels, double[] weights, FactorSignal[] signals) {
    this.ids = ids;
    this.labels = labels;
    this.weights = weights;
    this.signals = signals;
  }

  /** Log-odds factor {@code i} adds: exactly {@code get(i).logOdds()}. */
  public double logOdds(int i) {
    return weights[i] * signals[i].signal();
  }

  @Override
  public FactorContribution get(int index) {
    return new FactorContribution(ids[index], labels[index], weights[index], signals[index]);
  }

  @Override
  public int size() {
    return signals.length;
  }
}
