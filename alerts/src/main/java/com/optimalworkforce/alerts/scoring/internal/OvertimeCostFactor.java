package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchFactors;
import java.util.Locale;

/** The share of the shift that would fall past the overtime threshold of the pay week. */
public final class OvertimeCostFactor implements MatchFactor {
  private final double threshold;

  public OvertimeCostFactor(double thresholdHours) {
    this.threshold = thresholdHours;
  }

  @Override
  public String id() {
    return MatchFactors.OVERTIME_COST;
  }

  @Override
  public String label() {
    return "Overtime cost";
  }

  /** A cost the agency sets, not evidence of acceptance: left out of calibration. */
  @Override
  public boolean calibrated() {
    return false;
  }

  @Override
  public FactorSignal evaluate(MatchContext context) {
    double booked = context.hoursInPayWeek();
    double hours = context.shift().hours();
    double over = Math.max(0, Math.min(hours, booked + hours - threshold));
    if (over <= 0) {
      return FactorSignal.neutral();
    }
    return FactorSignal.of(-over / hours, () -> String.format(Locale.ROOT,
        "%s of %s h would be overtime (%s h booked this pay week)", hours(over), hours(hours), hours(booked)));
  }

  static String hours(double h) {
    return Math.abs(h - Math.rint(h)) < 0.05 ? String.valueOf((long) Math.rint(h))
        : String.format(Locale.ROOT, "%.1f", h);
  }

  @Override
  public String toString() {
    return "OvertimeCostFactor[threshold=" + threshold + "]";
  }
}
