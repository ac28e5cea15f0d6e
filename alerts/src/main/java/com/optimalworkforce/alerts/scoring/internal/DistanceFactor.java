package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchFactors;
import java.util.OptionalDouble;

/** Travel distance from home: neutral up to a distance, then a penalty growing to full at a maximum. */
public final class DistanceFactor implements MatchFactor {
  private final double neutralKm;
  private final double maxKm;

  public DistanceFactor(double neutralKm, double maxKm) {
    this.neutralKm = neutralKm;
    this.maxKm = maxKm;
  }

  @Override
  public String id() {
    return MatchFactors.DISTANCE;
  }

  @Override
  public String label() {
    return "Travel distance";
  }

  @Override
  public double defaultWeight() {
    return 0.8;
  }

  @Override
  public FactorSignal evaluate(MatchContext context) {
    OptionalDouble km = context.distanceKm();
    if (km.isEmpty()) {
      return FactorSignal.neutral("distance unknown");
    }
    double d = km.getAsDouble();
    long rounded = Math.round(d);
    if (d <= neutralKm) {
      return FactorSignal.neutral(rounded + " km away");
    }
    return FactorSignal.of(-Math.min(1, (d - neutralKm) / (maxKm - neutralKm)), () -> rounded + " km away");
  }

  @Override
  public String toString() {
    return "DistanceFactor[neutralKm=" + neutralKm + ", maxKm=" + maxKm + "]";
  }
}
