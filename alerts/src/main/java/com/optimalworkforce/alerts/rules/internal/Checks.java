package com.optimalworkforce.alerts.rules.internal;

import java.time.Duration;
import java.util.Objects;

/** Setter checks for rule configs: the bad value goes in the message. Not API. */
public final class Checks {
  private Checks() {}

  public static Duration positive(String rule, String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(rule + ": " + name + " must be positive but was " + d);
    }
    return d;
  }

  public static int atLeast(String rule, String name, int min, int value) {
    if (value < min) {
      throw new IllegalArgumentException(rule + ": " + name + " must be at least " + min + " but was " + value);
    }
    return value;
  }

  public static double positive(String rule, String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(rule + ": " + name + " must be a positive number but was " + value);
    }
    return value;
  }

  public static double share(String rule, String name, double value) {
    if (!(value > 0 && value <= 2)) {
      throw new IllegalArgumentException(rule + ": " + name + " must be within (0, 2] but was " + value);
    }
    return value;
  }
}
