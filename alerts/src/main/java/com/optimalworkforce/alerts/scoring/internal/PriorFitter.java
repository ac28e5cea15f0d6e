package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.AcceptancePrior;
import java.util.List;
import java.util.Map;

/**
 * Fits the nested Beta priors of acceptance from the agency's own offers by the method of
 * moments for the beta-binomial: for groups with n trials and observed rate r around a rate p,
 * {@code E[(r - p)^2] = p(1-p)/n * (1 + (n-1) rho)} with {@code rho = 1 / (strength + 1)}, so
 * {@code rho = sum(n (r-p)^2 - p(1-p)) / sum(p(1-p)(n-1))}.
 *
 * <ol>
 *   <li>caregivers around the agency rate: {@code strength};
 *   <li>a caregiver's weekday (weekend) offers around the caregiver's weekend (weekday) offers:
 *       {@code dayKindStrength};
 *   <li>a caregiver's similar-shift offers (one weekday x band cell, or cell x service) around the
 *       rest of the same kind of day: {@code slotStrength}.
 * </ol>
 *
 * Each unit is compared with the rate of the offers outside it, and the binomial noise of both
 * rates is subtracted, so what remains is real variation. Counts are recency-weighted, so n is
 * an effective number of offers.
 */
final class PriorFitter {
  /** Used when the agency has no usable offers: a flat prior worth two offers. */
  static final AcceptancePrior UNINFORMED = new AcceptancePrior(0.5, 2, 2, 2, 0, 0);
  private static final double MIN_RHO = 1.0 / 1001;
  private static final double MAX_RHO = 1.0 / 1.5;
  private static final double FALLBACK_STRENGTH = 10;

  private PriorFitter() {}

  static AcceptancePrior fit(List<CaregiverSnapshot> snapshots, double decay, boolean byService) {
    double sumA = 0;
    double sumN = 0;
    int caregivers = 0;
    long rawOffers = 0;
    for (CaregiverSnapshot s : snapshots) {
      OfferCells c = s.offerCells();
      double n = c.totalOffered() * decay;
      if (n > 0) {
        sumA += c.totalAccepted() * decay;
        sumN += n;
        caregivers++;
        rawOffers += c.totalRawOffered();
      }
    }
    if (sumN <= 0 || caregivers == 0) {
      return UNINFORMED;
    }
    double mean = clamp(sumA / sumN, 0.01, 0.99);
    double pq = mean * (1 - mean);
    Moments level1 = new Moments();
    Moments level2 = new Moments();
    Moments level3 = new Moments();
    for (CaregiverSnapshot s : snapshots) {
      OfferCells all = s.offerCells();
      double total = all.totalOffered() * decay;
      double totalAccepted = all.totalAccepted() * decay;
      if (total <= 1) {
        continue;
      }
      double r = totalAccepted / total;
      level1.add(total, r, mean, Double.POSITIVE_INFINITY, pq);
      double v = r * (1 - r);
      if (v <= 0) {
        continue;
      }
      double[] kindN = new double[2];
      double[] kindA = new double[2];
      for (int k = 0; k < OfferCells.CELLS; k++) {
        int kind = OfferCells.isWeekend(k) ? 1 : 0;
        kindN[kind] += all.offered[k] * decay;
        kindA[kind] += all.accepted[k] * decay;
      }
      for (int kind = 0; kind < 2; kind++) {
        double n = kindN[kind];
        double rest = total - n;
        if (n > 1 && rest > 1) {
          level2.add(n, kindA[kind] / n, (totalAccepted - kindA[kind]) / rest, rest, v);
        }
      }
      if (byService) {
        for (Map.Entry<Integer, OfferCells> e : s.serviceCells().entrySet()) {
          addCells(level3, e.getValue(), decay, kindN, kindA, v);
        }
      } else {
        addCells(level3, all, decay, kindN, kindA, v);
      }
    }
    return new AcceptancePrior(mean, level1.strength(), level2.strength(), level3.strength(), caregivers, rawOffers);
  }

  /** Each cell against the rest of its kind of day. */
  private static void addCells(Moments m, OfferCells cells, double decay, double[] kindN, double[] kindA, double v) {
    for (int k = 0; k < OfferCells.CELLS; k++) {
      int kind = OfferCells.isWeekend(k) ? 1 : 0;
      double n = cells.offered[k] * decay;
      double rest = kindN[kind] - n;
      if (n > 1 && rest > 1) {
        double a = cells.accepted[k] * decay;
        m.add(n, a / n, (kindA[kind] - a) / rest, rest, v);
      }
    }
  }

  /** Moment sums for one level. */
  private static final class Moments {
    double num;
    double den;

    /** A unit of n offers at rate r, against a reference rate measured on {@code refN} offers. */
    void add(double n, double r, double reference, double refN, double v) {
      num += n * (r - reference) * (r - reference) - v - n * v / refN;
      den += v * (n - 1);
    }

    double strength() {
      if (den <= 0) {
        return FALLBACK_STRENGTH;
      }
      double rho = clamp(num / den, MIN_RHO, MAX_RHO);
      return 1 / rho - 1;
    }
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
