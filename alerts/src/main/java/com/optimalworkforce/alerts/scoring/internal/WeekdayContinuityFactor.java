package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchFactors;
import com.optimalworkforce.alerts.scoring.WeekdayAttendance;

/** Share of the recent same weekdays worked: worked / (weeks + 1). */
public final class WeekdayContinuityFactor implements MatchFactor {
  private final int weeks;

  public WeekdayContinuityFactor(int weeks) {
    this.weeks = weeks;
  }

  @Override
  public String id() {
    return MatchFactors.WEEKDAY_CONTINUITY;
  }

  @Override
  public String label() {
    return "Works this weekday";
  }

  @Override
  public double defaultWeight() {
    return 0.6;
  }

  @Override
  public FactorSignal evaluate(MatchContext context) {
    WeekdayAttendance a = context.history().weekdayAttendance(context.localStart().toLocalDate(), context.today(),
        weeks);
    if (a.worked() == 0) {
      return a.weeks() == 0 ? FactorSignal.neutral()
          : FactorSignal.neutral("worked 0/" + a.weeks() + " " + a.pluralDay());
    }
    return FactorSignal.of(a.worked() / (a.weeks() + 1.0),
        () -> "worked " + a.worked() + "/" + a.weeks() + " " + a.pluralDay());
  }

  @Override
  public String toString() {
    return "WeekdayContinuityFactor[weeks=" + weeks + "]";
  }
}
