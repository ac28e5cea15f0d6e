package com.optimalworkforce.alerts.rules;

/**
 * How soon someone must act on an alert. Routing picks channels by severity (by default URGENT
 * goes by SMS, the rest by email and to the dashboard), and an alert is sent again, inside its
 * suppression window, only when its severity rises.
 *
 * <pre>{@code
 * if (alert.severity().isAtLeast(Severity.WARNING)) { ... }
 * }</pre>
 */
public enum Severity {
  /** Worth knowing today (an unfilled shift a day ahead). */
  INFO,
  /** Needs attention soon (an unfilled shift this afternoon). */
  WARNING,
  /** Act now (an unfilled shift starting within three hours). */
  URGENT;

  public boolean isAtLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
