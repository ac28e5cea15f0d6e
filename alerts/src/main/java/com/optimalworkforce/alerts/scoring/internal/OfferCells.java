package com.optimalworkforce.alerts.scoring.internal;

/**
 * Offer counts of one caregiver by weekday x time band (28 cells): raw counts for reasons and
 * recency-weighted sums for estimates. Weighted sums are stored relative to a fixed reference
 * time, so a weight never has to be updated as time passes: at query time all of them are
 * multiplied by the same decay factor.
 */
final class OfferCells {
  static final int CELLS = 28;

  final int[] rawAccepted = new int[CELLS];
  final int[] rawOffered = new int[CELLS];
  final double[] accepted = new double[CELLS];
  final double[] offered = new double[CELLS];

  void add(int cell, boolean isAccepted, double weight, int sign) {
    rawOffered[cell] += sign;
    offered[cell] += sign * weight;
    if (isAccepted) {
      rawAccepted[cell] += sign;
      accepted[cell] += sign * weight;
    }
    if (rawOffered[cell] == 0) {
      // Remove floating-point residue once a cell is empty again.
      offered[cell] = 0;
      accepted[cell] = 0;
    }
  }

  boolean isEmpty() {
    for (int n : rawOffered) {
      if (n != 0) {
        return false;
      }
    }
    return true;
  }

  OfferCells copy() {
    OfferCells c = new OfferCells();
    System.arraycopy(rawAccepted, 0, c.rawAccepted, 0, CELLS);
    System.arraycopy(rawOffered, 0, c.rawOffered, 0, CELLS);
    System.arraycopy(accepted, 0, c.accepted, 0, CELLS);
    System.arraycopy(offered, 0, c.offered, 0, CELLS);
    return c;
  }

  int totalRawAccepted() {
    int s = 0;
    for (int v : rawAccepted) {
      s += v;
    }
    return s;
  }

  int totalRawOffered() {
    int s = 0;
    for (int v : rawOffered) {
      s += v;
    }
    return s;
  }

  double totalAccepted() {
    double s = 0;
    for (double v : accepted) {
      s += v;
    }
    return s;
  }

  double totalOffered() {
    double s = 0;
    for (double v : offered) {
      s += v;
    }
    return s;
  }

  static int cell(int dayOfWeek, int band) {
    return (dayOfWeek - 1) * 4 + band;
  }

  /** True for Saturday and Sunday cells. */
  static boolean isWeekend(int cell) {
    return cell >= 20;
  }
}
