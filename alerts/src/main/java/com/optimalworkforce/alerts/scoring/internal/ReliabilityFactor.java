package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.CallOutSummary;
import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchFactors;
import java.time.Duration;
import java.time.Instant;

/**
 * Recent call-outs per booked visit, last-minute ones (under 2 h notice) weighing 3, short-notice
 * ones (under 24 h) 2, others 1: signal = -min(1, 4 * weighted / (visits + 5)).
 */
public final class ReliabilityFactor implements MatchFactor {
  private final Duration window;
  private final long days;
  private final long windowSeconds;
  private final FactorSignal none;

  public ReliabilityFactor(Duration window) {
    this.window = window;
    this.days = window.toDays();
    this.windowSeconds = window.getSeconds();
    this.none = FactorSignal.neutral("no call-outs in " + days + " days");
  }

  @Override
  public String id() {
    return MatchFactors.RELIABILITY;
  }

  @Override
  public String label() {
    return "Reliability (call-outs)";
  }

  @Override
  public double defaultWeight() {
    return 1.5;
  }

  @Override
  public FactorSignal evaluate(MatchContext context) {
    Instant to = context.now();
    Instant from = window.getNano() == 0 ? to.minusSeconds(windowSeconds) : to.minus(window);
    CallOutSummary c = context.history().callOuts(from, to);
    if (c.total() == 0) {
      return none;
    }
    int weighted = c.total() + c.shortNotice() + c.lastMinute();
    int visits = context.history().visitsStarting(from, to);
    double signal = -Math.min(1, 4.0 * weighted / (visits + 5));
    return FactorSignal.of(signal, () -> (c.total() == 1 ? "1 call-out" : c.total() + " call-outs") + " in " + days
        + " days" + (c.lastMinute() > 0 ? " (" + c.lastMinute() + " last-minute)" : ""));
  }

  @Override
  public String toString() {
    return "ReliabilityFactor[window=" + window + "]";
  }
}
