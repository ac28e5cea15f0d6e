package com.optimalworkforce.core.aggregate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tries to recover hidden figures of a published region from what is published, the way an
 * analyst at the platform could: every row, column and regional total is a linear equation over
 * its cells; hidden counts are known to be at least 1 (zeros are shown); unfilled visits never
 * exceed visits. It solves equations with a single unknown and propagates interval bounds through
 * all equations until nothing moves, and reports every hidden cell whose interval closed.
 */
final class Attacker {
  private static final double INF = Double.POSITIVE_INFINITY;

  /** One metric's grid: rows = areas + total, columns = weeks + window (one column for people). */
  static final class Grid {
    final Metric metric;
    final double[][] lo;
    final double[][] hi;
    final boolean[][] hidden;
    final double[][] truth; // optional, for the naive check; NaN when unknown

    Grid(Metric metric, int rows, int cols) {
      this.metric = metric;
      this.lo = new double[rows][cols];
      this.hi = new double[rows][cols];
      this.hidden = new boolean[rows][cols];
      this.truth = new double[rows][cols];
    }

    int rows() {
      return lo.length;
    }

    int cols() {
      return lo[0].length;
    }

    void set(int r, int c, Number published) {
      if (published == null) {
        hidden[r][c] = true;
        lo[r][c] = metric.isCount() ? 1 : 0;
        hi[r][c] = INF;
      } else {
        lo[r][c] = published.doubleValue();
        hi[r][c] = published.doubleValue();
      }
    }
  }

  /** The grids of a published region, built from the snapshot alone. */
  static Map<Metric, Grid> grids(RegionSnapshot region) {
    List<GeoArea> areas = new ArrayList<>(region.areas().keySet());
    List<WeekSnapshot> weeks = region.weeks();
    Map<Metric, Grid> out = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      if (!m.weekly()) {
        Grid g = new Grid(m, areas.size() + 1, 1);
        for (int i = 0; i < areas.size(); i++) {
          g.set(i, 0, region.area(areas.get(i)).raw(m));
        }
        g.set(areas.size(), 0, region.total().raw(m));
        out.put(m, g);
        continue;
      }
      Grid g = new Grid(m, areas.size() + 1, weeks.size() + 1);
      for (int i = 0; i < areas.size(); i++) {
        for (int j = 0; j < weeks.size(); j++) {
          g.set(i, j, weeks.get(j).area(areas.get(i)).raw(m));
        }
        g.set(i, weeks.size(), region.area(areas.get(i)).raw(m));
      }
      for (int j = 0; j < weeks.size(); j++) {
        g.set(areas.size(), j, weeks.get(j).total().raw(m));
      }
      g.set(areas.size(), weeks.size(), region.total().raw(m));
      out.put(m, g);
    }
    return out;
  }

  /** A hidden cell the attack pinned down: its grid position and value. */
  record Recovered(Metric metric, int row, int col, double value) {}

  /** Runs the attack; returns every hidden cell whose value is determined. */
  static List<Recovered> attack(Map<Metric, Grid> grids) {
    boolean moved = true;
    for (int pass = 0; pass < 10_000 && moved; pass++) {
      moved = false;
      for (Grid g : grids.values()) {
        moved |= propagate(g);
      }
      moved |= subset(grids.get(Metric.UNFILLED_VISITS), grids.get(Metric.VISITS));
    }
    List<Recovered> out = new ArrayList<>();
    for (Grid g : grids.values()) {
      double tolerance = g.metric.isCount() ? 0 : 0.05;
      for (int r = 0; r < g.rows(); r++) {
        for (int c = 0; c < g.cols(); c++) {
          if (g.hidden[r][c] && g.hi[r][c] - g.lo[r][c] <= tolerance) {
            out.add(new Recovered(g.metric, r, c, g.lo[r][c]));
          }
        }
      }
    }
    return out;
  }

  /** Cells hidden in an equation where every other cell is published: the plain differencing attack. */
  static int singleHiddenEquations(Grid g) {
    int found = 0;
    boolean twoWay = g.cols() > 1;
    for (int[][] eq : equations(g.rows(), g.cols(), twoWay)) {
      int hiddenCells = 0;
      for (int[] cell : eq) {
        hiddenCells += g.hidden[cell[0]][cell[1]] ? 1 : 0;
      }
      found += hiddenCells == 1 ? 1 : 0;
    }
    return found;
  }

  /**
   * Equations whose total is published while their hidden parts add up to 1..threshold: that sum
   * is a small count of its own ("M4C and UNKNOWN together have 5 clients").
   */
  static int smallDerivableSums(Grid g, long threshold) {
    if (!g.metric.isCount()) {
      return 0;
    }
    int found = 0;
    for (int[][] eq : equations(g.rows(), g.cols(), g.cols() > 1)) {
      int[] t = eq[0];
      if (g.hidden[t[0]][t[1]]) {
        continue;
      }
      double residual = g.lo[t[0]][t[1]];
      boolean anyHidden = false;
      for (int k = 1; k < eq.length; k++) {
        if (g.hidden[eq[k][0]][eq[k][1]]) {
          anyHidden = true;
        } else {
          residual -= g.lo[eq[k][0]][eq[k][1]];
        }
      }
      found += anyHidden && residual >= 1 && residual <= threshold ? 1 : 0;
    }
    return found;
  }

  /** Each equation as its cells; the first cell is the total, the rest its parts. */
  private static List<int[][]> equations(int rows, int cols, boolean twoWay) {
    List<int[][]> eqs = new ArrayList<>();
    if (twoWay) {
      for (int r = 0; r < rows; r++) {
        int[][] eq = new int[cols][];
        eq[0] = new int[] {r, cols - 1};
        for (int c = 0; c < cols - 1; c++) {
          eq[c + 1] = new int[] {r, c};
        }
        eqs.add(eq);
      }
    }
    for (int c = 0; c < cols; c++) {
      int[][] eq = new int[rows][];
      eq[0] = new int[] {rows - 1, c};
      for (int r = 0; r < rows - 1; r++) {
        eq[r + 1] = new int[] {r, c};
      }
      eqs.add(eq);
    }
    return eqs;
  }

  private static boolean propagate(Grid g) {
    boolean moved = false;
    double eps = g.metric.isCount() ? 0 : 1e-6;
    for (int[][] eq : equations(g.rows(), g.cols(), g.cols() > 1)) {
      int[] t = eq[0];
      double sumLo = 0;
      double sumHi = 0;
      for (int k = 1; k < eq.length; k++) {
        sumLo += g.lo[eq[k][0]][eq[k][1]];
        sumHi += g.hi[eq[k][0]][eq[k][1]];
      }
      moved |= tighten(g, t, sumLo, sumHi, eps);
      for (int k = 1; k < eq.length; k++) {
        int[] p = eq[k];
        double othersLo = sumLo - g.lo[p[0]][p[1]];
        double othersHi = sumHi - g.hi[p[0]][p[1]];
        double newLo = othersHi == INF ? -INF : g.lo[t[0]][t[1]] - othersHi;
        double newHi = g.hi[t[0]][t[1]] - othersLo;
        moved |= tighten(g, p, newLo, newHi, eps);
      }
    }
    return moved;
  }

  private static boolean subset(Grid unfilled, Grid visits) {
    boolean moved = false;
    for (int r = 0; r < visits.rows(); r++) {
      for (int c = 0; c < visits.cols(); c++) {
        int[] cell = {r, c};
        moved |= tighten(visits, cell, unfilled.lo[r][c], INF, 0);
        moved |= tighten(unfilled, cell, -INF, visits.hi[r][c], 0);
      }
    }
    return moved;
  }

  private static boolean tighten(Grid g, int[] cell, double lo, double hi, double eps) {
    boolean moved = false;
    int r = cell[0];
    int c = cell[1];
    if (g.metric.isCount()) {
      lo = Math.ceil(lo);
      hi = Math.floor(hi);
    }
    if (lo > g.lo[r][c] + eps) {
      g.lo[r][c] = lo;
      moved = true;
    }
    if (hi < g.hi[r][c] - eps) {
      g.hi[r][c] = hi;
      moved = true;
    }
    return moved;
  }
}
