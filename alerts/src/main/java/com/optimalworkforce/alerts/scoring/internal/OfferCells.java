package com.optimalworkforce.alerts.scoring.internal;

/**
 * Offer counts of one caregiver by weekday x time band (28 cells): raw counts for reasons and
 * recency-weighted sums for estimates. Weighted sums are stored relative to a fixed reference
 * time, so a weight never has to be updated as time passes: at query time all of them are
 * multiplied by the same decay factor.
 */
final class OfferCells {
  static final int CELLS = 28;
  static final OfferCells EMPTY = new OfferCells().frozenCopy();

  final int[] rawAccepted = new int[CELLS];
  final int[] rawOffered = new int[CELLS];
  final double[] accepted = new double[CELLS];
  final double[] offered = new double[CELLS];
  // Totals, cached in frozen copies (what snapshots hold) so a ranking reads them, not 28 cells.
  private boolean frozen;
  private double totalAccepted;
  private double totalOffered;
  private double weekendAccepted;
  private double weekendOffered;
  private int totalRawAccepted;
  private int totalRawOffered;

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

  /** An immutable copy with its totals computed. */
  OfferCells frozenCopy() {
    OfferCells c = new OfferCells();
    System.arraycopy(rawAccepted, 0, c.rawAccepted, 0, CELLS);
    System.arraycopy(rawOffered, 0, c.rawOffered, 0, CELLS);
    System.arraycopy(accepted, 0, c.accepted, 0, CELLS);
    System.arraycopy(offered, 0, c.offered, 0, CELLS);
    for (int k = 0; k < CELLS; k++) {
      c.totalRawAccepted += rawAccepted[k];
      c.totalRawOffered += rawOffered[k];
      c.totalAccepted += accepted[k];
      c.totalOffered += offered[k];
      if (isWeekend(k)) {
        c.weekendAccepted += accepted[k];
        c.weekendOffered += offered[k];
      }
    }
    c.frozen = true;
    return c;
  }

  private void checkFrozen() {
    if (!frozen) {
      throw new IllegalStateException("totals are kept only on frozen copies");
    }
  }

  int totalRawAccepted() {
    checkFrozen();
    return totalRawAccepted;
  }

  int totalRawOffered() {
    checkFrozen();
    return totalRawOffered;
  }

  /** Recency-weighted (at the reference time) accepted offers. */
  double totalAccepted() {
    checkFrozen();
    return totalAccepted;
  }

  double totalOffered() {
    checkFrozen();
    return totalOffered;
  }

  /** Weighted accepted offers of one kind of day: weekend or weekday. */
  double kindAccepted(boolean weekend) {
    checkFrozen();
    return weekend ? weekendAccepted : totalAccepted - weekendAccepted;
  }

  double kindOffered(boolean weekend) {
    checkFrozen();
    return weekend ? weekendOffered : totalOffered - weekendOffered;
  }

  static int cell(int dayOfWeek, int band) {
    return (dayOfWeek - 1) * 4 + band;
  }

  /** True for Saturday and Sunday cells. */
  static boolean isWeekend(int cell) {
    return cell >= 20;
  }
}
