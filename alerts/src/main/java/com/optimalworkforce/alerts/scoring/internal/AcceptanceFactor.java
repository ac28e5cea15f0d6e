package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.AcceptanceEstimate;
import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchFactors;

/** Acceptance of similar shifts, as log-odds relative to the agency rate. */
public final class AcceptanceFactor implements MatchFactor {
  public static final AcceptanceFactor INSTANCE = new AcceptanceFactor();

  private AcceptanceFactor() {}

  @Override
  public String id() {
    return MatchFactors.ACCEPTANCE;
  }

  @Override
  public String label() {
    return "Acceptance of similar shifts";
  }

  @Override
  public FactorSignal evaluate(MatchContext context) {
    AcceptanceEstimate a = context.acceptance();
    double signal = logit(a.rate()) - logit(a.agencyRate());
    int acc = a.similar().accepted();
    int off = a.similar().offered();
    int otherAcc = a.other().accepted();
    int otherOff = a.other().offered();
    if (off > 0) {
      // When the estimate leans on the caregiver's other shifts, say so, or "accepted 1/4" next to
      // a high percentage would look wrong.
      boolean leans = otherOff > 0 && Math.abs((double) acc / off - a.rate()) > 0.15;
      return FactorSignal.of(signal, () -> "accepted " + acc + "/" + off + " similar shifts"
          + (leans ? " (" + otherAcc + "/" + otherOff + " others)" : ""));
    }
    if (otherOff > 0) {
      return FactorSignal.of(signal, () -> "never offered a similar shift; accepted " + otherAcc + "/" + otherOff
          + " others");
    }
    return FactorSignal.neutral("never offered a shift: agency average");
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
