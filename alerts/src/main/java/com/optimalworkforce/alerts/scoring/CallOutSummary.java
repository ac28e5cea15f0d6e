package com.optimalworkforce.alerts.scoring;

/**
 * A caregiver's call-outs in a span of time, by notice given.
 *
 * <pre>{@code
 * CallOutSummary c = history.callOuts(now.minus(Duration.ofDays(90)), now);
 * if (c.lastMinute() > 0) { ... }   // called out less than 2 hours before a shift
 * }</pre>
 *
 * @param total call-outs reported in the span
 * @param shortNotice those with less than 24 hours' notice (last-minute ones included)
 * @param lastMinute those with less than 2 hours' notice (or after the shift started)
 */
public record CallOutSummary(int total, int shortNotice, int lastMinute) {
  /** No call-outs. */
  public static final CallOutSummary NONE = new CallOutSummary(0, 0, 0);

  public CallOutSummary {
    if (total < 0 || shortNotice < lastMinute || total < shortNotice || lastMinute < 0) {
      throw new IllegalArgumentException("CallOutSummary: need 0 <= lastMinute <= shortNotice <= total but got "
          + lastMinute + ", " + shortNotice + ", " + total);
    }
  }
}
