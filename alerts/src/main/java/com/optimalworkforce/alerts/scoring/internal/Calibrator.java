package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.AcceptancePrior;
import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchCalibration;
import com.optimalworkforce.alerts.scoring.MatchConfig;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the factor weights and an offset to the agency's past offers: maximum a posteriori
 * logistic regression, {@code logit p = base + offset + sum(w_i * signal_i)} over the factors that
 * allow it ({@link MatchFactor#calibrated()}; policy costs are left out and keep their configured
 * weights), with Gaussian priors
 * centred on the configured weights (sd {@value #WEIGHT_SD}) and on 0 for the offset (sd
 * {@value #OFFSET_SD}), solved by Newton's method, each weight kept on its configured side of
 * zero. Each past offer is replayed as of when it was
 * made ({@link AsOfHistory}, the offer left out of its own acceptance counts).
 */
final class Calibrator {
  static final double WEIGHT_SD = 0.5;
  static final double OFFSET_SD = 1.0;
  /** Fewer past offers than this: no calibration (the configured weights stay). */
  static final int MIN_OFFERS = 200;

  private Calibrator() {}

  /** The calibration, or null when there are too few offers. */
  static MatchCalibration fit(HistoryIndex index, MatchConfig config, MatchFactor[] factors, String[] ids,
      double[] configured, AcceptancePrior prior, Instant now) {
    List<HistoryIndex.PastOffer> offers = index.recentOffers(now.getEpochSecond(), config.calibrationOffers());
    if (offers.size() < MIN_OFFERS) {
      return null;
    }
    int n = offers.size();
    int k = factors.length;
    // Column 0 is the offset; then one column per fitted factor. Factors that are not calibrated
    // (policy costs) are left out: the fit describes acceptance alone.
    int[] column = new int[k];
    int p = 1;
    for (int i = 0; i < k; i++) {
      column[i] = factors[i].calibrated() ? p++ : -1;
    }
    double[][] x = new double[n][p];
    double[] base = new double[n];
    boolean[] y = new boolean[n];
    double agency = Math.log(prior.mean() / (1 - prior.mean()));
    for (int r = 0; r < n; r++) {
      HistoryIndex.PastOffer o = offers.get(r);
      y[r] = o.accepted();
      x[r][0] = 1;
      base[r] = agency;
      Candidate ctx = replay(index, config, prior, o);
      for (int i = 0; i < k; i++) {
        FactorSignal s = factors[i].evaluate(ctx);
        if (s == null) {
          throw new IllegalStateException("Match factor '" + ids[i] + "' returned null while calibrating; return "
              + "FactorSignal.neutral() when it has nothing to say");
        }
        if (column[i] >= 0) {
          x[r][column[i]] = s.signal();
        }
      }
    }
    double[] prior0 = new double[p];
    double[] precision = new double[p];
    precision[0] = 1 / (OFFSET_SD * OFFSET_SD);
    for (int i = 0; i < k; i++) {
      if (column[i] >= 0) {
        prior0[column[i]] = configured[i];
        precision[column[i]] = 1 / (WEIGHT_SD * WEIGHT_SD);
      }
    }
    double[] theta = constrainedFit(x, y, base, prior0, precision);
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int i = 0; i < k; i++) {
      weights.put(ids[i], column[i] >= 0 ? theta[column[i]] : configured[i]);
    }
    return new MatchCalibration(now, n, theta[0], weights, logLoss(x, y, base, prior0), logLoss(x, y, base, theta));
  }

  /** The context of a past offer, as of when it was made. */
  static Candidate replay(HistoryIndex index, MatchConfig config, AcceptancePrior prior, HistoryIndex.PastOffer o) {
    Caregiver caregiver = index.caregiver(o.caregiverId());
    if (caregiver == null) {
      caregiver = Caregiver.builder().id(o.caregiverId()).regionId("unknown").name(PersonName.of("Unknown", "Caregiver"))
          .build();
    }
    String service = index.serviceCode(o.service());
    Visit shift = Visit.builder().id("replayed-offer-" + Long.toHexString(o.visitHash()))
        .clientId(o.clientId() != null ? o.clientId() : "unknown").regionId(caregiver.regionId()).zone(o.zone())
        .start(Instant.ofEpochSecond(o.shiftStart())).end(Instant.ofEpochSecond(o.shiftEnd()))
        .status(VisitStatus.OPEN).serviceCode(service == null || service.isEmpty() ? null : service).build();
    ShiftFrame frame = new ShiftFrame(shift, config, Instant.ofEpochSecond(o.offeredAt()), index, prior, o.visitHash());
    CaregiverSnapshot snapshot = index.snapshot(o.caregiverId());
    double hours = snapshot.visitTable().bookedSeconds(frame.payWeekStart[0], frame.payWeekEnd[0], frame.idHash) / 3600.0;
    return new Candidate(frame, caregiver, snapshot, new AsOfHistory(snapshot, index, o), hours, o);
  }

  /**
   * The MAP estimate with every weight kept on the side of zero its configured weight is on: a
   * factor's direction is part of its meaning ("more visits with the client" never counts
   * against a caregiver), calibration only decides how much it matters. Active set: a weight
   * that wants to cross zero is held at zero and the rest refitted, until none does and every
   * held weight's gradient still points across zero.
   */
  private static double[] constrainedFit(double[][] x, boolean[] y, double[] base, double[] prior0, double[] precision) {
    int p = prior0.length;
    boolean[] held = new boolean[p];
    for (int round = 0; round <= 2 * p; round++) {
      double[] theta = newton(x, y, base, prior0, precision, held);
      int worst = -1;
      double worstValue = 0;
      for (int j = 1; j < p; j++) {
        double crossed = -Math.signum(prior0[j]) * theta[j];
        if (!held[j] && crossed > worstValue) {
          worst = j;
          worstValue = crossed;
        }
      }
      if (worst >= 0) {
        held[worst] = true;
        continue;
      }
      // Release a held weight whose gradient at zero pulls it back to its own side.
      double[] grad = gradient(x, y, base, prior0, precision, theta);
      int release = -1;
      for (int j = 1; j < p; j++) {
        if (held[j] && Math.signum(grad[j]) == Math.signum(prior0[j]) && grad[j] != 0) {
          release = j;
          break;
        }
      }
      if (release < 0) {
        return theta;
      }
      held[release] = false;
    }
    return newton(x, y, base, prior0, precision, held);
  }

  private static double[] gradient(double[][] x, boolean[] y, double[] base, double[] prior0, double[] precision,
      double[] theta) {
    int p = theta.length;
    double[] grad = new double[p];
    for (int j = 0; j < p; j++) {
      grad[j] = -precision[j] * (theta[j] - prior0[j]);
    }
    for (int r = 0; r < x.length; r++) {
      double eta = base[r];
      for (int j = 0; j < p; j++) {
        eta += theta[j] * x[r][j];
      }
      double resid = (y[r] ? 1 : 0) - 1 / (1 + Math.exp(-eta));
      for (int j = 0; j < p; j++) {
        grad[j] += resid * x[r][j];
      }
    }
    return grad;
  }

  /**
   * MAP estimate by Newton's method with the {@code held} parameters fixed at 0; converges in a
   * handful of steps (the problem is concave).
   */
  private static double[] newton(double[][] x, boolean[] y, double[] base, double[] prior0, double[] precision,
      boolean[] held) {
    int p = prior0.length;
    double[] theta = prior0.clone();
    for (int j = 0; j < p; j++) {
      if (held[j]) {
        theta[j] = 0;
      }
    }
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[p];
      double[][] hess = new double[p][p];
      for (int j = 0; j < p; j++) {
        grad[j] = -precision[j] * (theta[j] - prior0[j]);
        hess[j][j] = precision[j];
      }
      for (int r = 0; r < x.length; r++) {
        double eta = base[r];
        for (int j = 0; j < p; j++) {
          eta += theta[j] * x[r][j];
        }
        double mu = 1 / (1 + Math.exp(-eta));
        double resid = (y[r] ? 1 : 0) - mu;
        double w = mu * (1 - mu);
        for (int j = 0; j < p; j++) {
          double xj = x[r][j];
          if (xj == 0) {
            continue;
          }
          grad[j] += resid * xj;
          for (int l = 0; l <= j; l++) {
            hess[j][l] += w * xj * x[r][l];
          }
        }
      }
      for (int j = 0; j < p; j++) {
        for (int l = 0; l < j; l++) {
          hess[l][j] = hess[j][l];
        }
      }
      for (int j = 0; j < p; j++) {
        if (held[j]) {
          // Pin the held parameter: unit row and column, zero gradient.
          for (int l = 0; l < p; l++) {
            hess[j][l] = 0;
            hess[l][j] = 0;
          }
          hess[j][j] = 1;
          grad[j] = 0;
        }
      }
      double[] step = solve(hess, grad);
      double max = 0;
      for (int j = 0; j < p; j++) {
        theta[j] += step[j];
        max = Math.max(max, Math.abs(step[j]));
      }
      if (max < 1e-7) {
        break;
      }
    }
    return theta;
  }

  /** Solves {@code a * s = b} by Gaussian elimination with partial pivoting (a is small and positive definite). */
  private static double[] solve(double[][] a, double[] b) {
    int p = b.length;
    double[][] m = new double[p][p + 1];
    for (int i = 0; i < p; i++) {
      System.arraycopy(a[i], 0, m[i], 0, p);
      m[i][p] = b[i];
    }
    for (int c = 0; c < p; c++) {
      int pivot = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] tmp = m[c];
      m[c] = m[pivot];
      m[pivot] = tmp;
      for (int r = c + 1; r < p; r++) {
        double f = m[r][c] / m[c][c];
        for (int l = c; l <= p; l++) {
          m[r][l] -= f * m[c][l];
        }
      }
    }
    double[] s = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double v = m[r][p];
      for (int l = r + 1; l < p; l++) {
        v -= m[r][l] * s[l];
      }
      s[r] = v / m[r][r];
    }
    return s;
  }

  private static double logLoss(double[][] x, boolean[] y, double[] base, double[] theta) {
    double sum = 0;
    for (int r = 0; r < x.length; r++) {
      double eta = base[r];
      for (int j = 0; j < theta.length; j++) {
        eta += theta[j] * x[r][j];
      }
      double mu = Math.max(1e-9, Math.min(1 - 1e-9, 1 / (1 + Math.exp(-eta))));
      sum -= y[r] ? Math.log(mu) : Math.log(1 - mu);
    }
    return sum / x.length;
  }
}
