package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchFactors;
import com.optimalworkforce.alerts.scoring.WeekdayAttendance;
import java.time.DayOfWeek;

/** Share of the recent same weekdays worked: worked / (weeks + 1). */
public final class WeekdayContinuityFactor implements MatchFactor {
  private final int weeks;
  /** The neutral signals "worked 0/n Fridays", by weekday and n, made once. */
  private final FactorSignal[][] none;

  public WeekdayContinuityFactor(int weeks) {
    this.weeks = weeks;
    this.none = new FactorSignal[7][weeks + 1];
    for (DayOfWeek day : DayOfWeek.values()) {
      for (int n = 1; n <= weeks; n++) {
        String days = new WeekdayAttendance(day, 0, n).pluralDay();
        none[day.ordinal()][n] = FactorSignal.neutral("worked 0/" + n + " " + days);
      }
    }
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
      if (a.weeks() == 0) {
        return FactorSignal.neutral();
      }
      return a.weeks() <= weeks ? none[a.day().ordinal()][a.weeks()]
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
