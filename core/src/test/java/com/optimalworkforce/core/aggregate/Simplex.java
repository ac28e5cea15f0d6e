package com.optimalworkforce.core.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * A small dense two-phase simplex for the attacker's linear programs: minimize {@code c.x} subject
 * to equations and inequalities, with {@code x >= 0}. Bland's rule, so it cannot cycle on the
 * very degenerate programs tables make. After the first solve every further objective starts
 * from the last optimal basis, which keeps hundreds of solves over one program cheap.
 *
 * <pre>{@code
 * Simplex lp = new Simplex(2);
 * lp.equal(new double[] {1, 1}, 10);   // x0 + x1 = 10
 * lp.atMost(new double[] {1, 0}, 4);   // x0 <= 4
 * lp.minimize(new double[] {0, 1});    // {4, 6}
 * }</pre>
 *
 * <p>Written for the tests because the simplex of commons-math 3.6.1 returns non-optimal points
 * on exactly these programs (maximizing one of eight variables under one equation gives another).
 */
final class Simplex {
  private static final double EPS = 1e-9;
  private static final int MAX_PIVOTS = 1_000_000;

  private final int n;
  private final List<double[]> rows = new ArrayList<>();
  private final List<Double> rhs = new ArrayList<>();
  private final List<Integer> kinds = new ArrayList<>(); // 0 =, 1 <=, -1 >=

  private double[][] t;
  private int[] basis;
  private boolean[] dropped;
  private int columns; // structural + slack columns; artificials come after
  private int pivots;

  Simplex(int variables) {
    this.n = variables;
  }

  void equal(double[] a, double b) {
    add(a, b, 0);
  }

  void atMost(double[] a, double b) {
    add(a, b, 1);
  }

  void atLeast(double[] a, double b) {
    add(a, b, -1);
  }

  private void add(double[] a, double b, int kind) {
    if (t != null) {
      throw new IllegalStateException("constraints are fixed after the first solve");
    }
    if (a.length != n) {
      throw new IllegalArgumentException(a.length + " coefficients for " + n + " variables");
    }
    rows.add(a.clone());
    rhs.add(b);
    kinds.add(kind);
  }

  int pivots() {
    return pivots;
  }

  /** An optimal point (the first {@code n} variables), or null when the objective is unbounded below. */
  double[] minimize(double[] c) {
    if (t == null) {
      phaseOne();
    }
    int m = t.length;
    double[] cost = new double[columns];
    System.arraycopy(c, 0, cost, 0, n);
    double[] d = new double[columns];
    for (int j = 0; j < columns; j++) {
      double z = cost[j];
      for (int i = 0; i < m; i++) {
        if (!dropped[i] && basis[i] < columns) {
          z -= cost[basis[i]] * t[i][j];
        }
      }
      d[j] = z;
    }
    if (!run(d, columns)) {
      return null;
    }
    double[] x = new double[n];
    for (int i = 0; i < m; i++) {
      if (!dropped[i] && basis[i] < n) {
        x[basis[i]] = t[i][t[i].length - 1];
      }
    }
    return x;
  }

  double[] maximize(double[] c) {
    double[] neg = new double[c.length];
    for (int j = 0; j < c.length; j++) {
      neg[j] = -c[j];
    }
    return minimize(neg);
  }

  private void phaseOne() {
    int m = rows.size();
    int slacks = 0;
    for (int k : kinds) {
      slacks += k != 0 ? 1 : 0;
    }
    columns = n + slacks;
    int width = columns + m + 1;
    t = new double[m][width];
    basis = new int[m];
    dropped = new boolean[m];
    int slack = n;
    for (int i = 0; i < m; i++) {
      double[] row = t[i];
      System.arraycopy(rows.get(i), 0, row, 0, n);
      if (kinds.get(i) != 0) {
        row[slack++] = kinds.get(i);
      }
      row[width - 1] = rhs.get(i);
      if (row[width - 1] < 0) {
        for (int j = 0; j < width; j++) {
          row[j] = -row[j];
        }
      }
      row[columns + i] = 1;
      basis[i] = columns + i;
    }
    // Minimize the sum of the artificials: reduced costs are minus the column sums.
    double[] d = new double[columns + m];
    for (int j = 0; j < columns; j++) {
      double z = 0;
      for (int i = 0; i < m; i++) {
        z -= t[i][j];
      }
      d[j] = z;
    }
    run(d, columns + m);
    double infeasibility = 0;
    for (int i = 0; i < m; i++) {
      if (basis[i] >= columns) {
        infeasibility += t[i][width - 1];
      }
    }
    if (infeasibility > 1e-6) {
      throw new IllegalStateException("the published figures admit no table (infeasibility " + infeasibility + ")");
    }
    // Artificials still in the basis sit at zero: swap them out, or drop their (redundant) row.
    for (int i = 0; i < m; i++) {
      if (basis[i] >= columns) {
        int j = 0;
        while (j < columns && Math.abs(t[i][j]) <= EPS) {
          j++;
        }
        if (j < columns) {
          pivot(i, j);
        } else {
          dropped[i] = true;
        }
      }
    }
  }

  /** Bland's rule over columns below {@code limit}; false when unbounded. Updates {@code d} as it pivots. */
  private boolean run(double[] d, int limit) {
    int m = t.length;
    int rhsCol = t[0].length - 1;
    while (true) {
      int enter = -1;
      for (int j = 0; j < limit; j++) {
        if (d[j] < -EPS) {
          enter = j;
          break;
        }
      }
      if (enter < 0) {
        return true;
      }
      int leave = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < m; i++) {
        if (dropped[i] || t[i][enter] <= EPS) {
          continue;
        }
        double ratio = Math.max(0, t[i][rhsCol]) / t[i][enter];
        if (ratio < best - EPS || (ratio <= best + EPS && leave >= 0 && basis[i] < basis[leave])) {
          best = Math.min(best, ratio);
          leave = i;
        }
      }
      if (leave < 0) {
        return false;
      }
      pivot(leave, enter);
      double factor = d[enter];
      double[] row = t[leave];
      for (int j = 0; j < d.length; j++) {
        d[j] -= factor * row[j];
      }
      if (++pivots > MAX_PIVOTS) {
        throw new IllegalStateException("simplex did not finish in " + MAX_PIVOTS + " pivots");
      }
    }
  }

  private void pivot(int r, int j) {
    double[] row = t[r];
    double p = row[j];
    for (int k = 0; k < row.length; k++) {
      row[k] /= p;
    }
    row[j] = 1;
    for (int i = 0; i < t.length; i++) {
      if (i == r || dropped[i]) {
        continue;
      }
      double f = t[i][j];
      if (f != 0) {
        double[] other = t[i];
        for (int k = 0; k < other.length; k++) {
          other[k] -= f * row[k];
        }
        other[j] = 0;
      }
    }
    basis[r] = j;
  }
}
