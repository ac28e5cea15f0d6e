package com.optimalworkforce.core.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The platform-side analyst with a linear-programming solver: for every hidden figure of a
 * published region, the smallest and the largest value it takes over all tables that agree with
 * everything the snapshot publishes. No attack that combines the published equations and bounds
 * linearly (differencing, Gaussian elimination, interval propagation) learns more than these
 * ranges: they are the tightest bounds those facts allow.
 *
 * <pre>{@code
 * for (LinearAttacker.Range r : LinearAttacker.ranges(Attacker.grids(region))) {
 *   r.recovered();   // true if the published figures pin the cell to one value
 * }
 * }</pre>
 *
 * <p>What the analyst is taken to know, from the snapshot alone:
 * <ul>
 *   <li>every row, column and regional total of every metric is the sum of its parts (areas by
 *       weeks for visit figures, with the area windows as row totals and the week totals as
 *       column totals; areas by one column for people);
 *   <li>a hidden count is at least 1 (zeros are shown) and hidden hours are at least 0;
 *   <li>unfilled visits never exceed visits, cell by cell (totals included);
 *   <li>published hours are rounded to two decimals, so each lies within 0.005 of the truth.
 * </ul>
 * Metrics that share no equation are solved apart: clients, caregivers, cancelled visits, hours,
 * and visits together with unfilled visits. A hidden count is <em>recovered</em> when its range
 * holds a single whole number; hidden hours when the range is narrower than
 * {@link #HOURS_TOLERANCE}. (For one table the ranges' ends are whole numbers, because the
 * equations of a table with margins are those of a network; the visits-unfilled pair is checked
 * over real numbers, which can only make the attacker's ranges wider than the integer ones where
 * no whole number lies between them, and then {@link Range#recovered()} still sees a single value.)
 */
final class LinearAttacker {
  /** Hours pinned within this many hours count as recovered: wider than the rounding slack. */
  static final double HOURS_TOLERANCE = 0.1;
  private static final double HOURS_HALF_STEP = 0.005;
  private static final double EPS = 1e-6;

  private LinearAttacker() {}

  /** The range of one hidden figure, at a row (area or total) and column (week or window) of its grid. */
  record Range(Metric metric, int row, int col, double min, double max) {
    boolean recovered() {
      if (metric.isCount()) {
        return Math.ceil(min - EPS) >= Math.floor(max + EPS);
      }
      return max - min < HOURS_TOLERANCE;
    }

    double width() {
      return max - min;
    }
  }

  /** The exact range of every hidden figure of a region's grids. */
  static List<Range> ranges(Map<Metric, Attacker.Grid> grids) {
    List<Range> out = new ArrayList<>();
    for (List<Metric> part : List.of(List.of(Metric.ACTIVE_CLIENTS), List.of(Metric.ACTIVE_CAREGIVERS),
        List.of(Metric.CANCELLED_VISITS), List.of(Metric.SERVICE_HOURS),
        List.of(Metric.VISITS, Metric.UNFILLED_VISITS))) {
      out.addAll(new Program(part.stream().map(grids::get).toList()).ranges());
    }
    return out;
  }

  /** The hidden figures the attack pins down. */
  static List<Range> recovered(Map<Metric, Attacker.Grid> grids) {
    return ranges(grids).stream().filter(Range::recovered).toList();
  }

  /** One linear program over the hidden cells of one grid, or of visits (grid 0) with unfilled visits (grid 1). */
  private static final class Program {
    private final List<Attacker.Grid> grids;
    /** Variable of [grid][row][col]: a hidden cell, or the rounding error of published hours; -1 if none. */
    private final int[][][] var;
    /** Per variable: grid, row, col, and 1 for a hidden cell, 0 for a rounding error. */
    private final List<int[]> vars = new ArrayList<>();
    private final List<double[]> equations = new ArrayList<>(); // coefficients..., right-hand side
    private final List<double[]> atMost = new ArrayList<>();

    Program(List<Attacker.Grid> grids) {
      this.grids = grids;
      this.var = new int[grids.size()][][];
      for (int g = 0; g < grids.size(); g++) {
        Attacker.Grid grid = grids.get(g);
        var[g] = new int[grid.rows()][grid.cols()];
        for (int[] row : var[g]) {
          Arrays.fill(row, -1);
        }
        for (int r = 0; r < grid.rows(); r++) {
          for (int c = 0; c < grid.cols(); c++) {
            if (grid.hidden[r][c]) {
              var[g][r][c] = vars.size();
              vars.add(new int[] {g, r, c, 1});
            }
          }
        }
      }
      // Published hours in an equation with a hidden cell are known to within half a hundredth only.
      for (int g = 0; g < grids.size(); g++) {
        Attacker.Grid grid = grids.get(g);
        if (grid.metric.isCount()) {
          continue;
        }
        for (int[][] eq : Attacker.equations(grid)) {
          if (Arrays.stream(eq).anyMatch(cell -> grid.hidden[cell[0]][cell[1]])) {
            for (int[] cell : eq) {
              if (var[g][cell[0]][cell[1]] < 0) {
                var[g][cell[0]][cell[1]] = vars.size();
                vars.add(new int[] {g, cell[0], cell[1], 0});
              }
            }
          }
        }
      }
      for (int g = 0; g < grids.size(); g++) {
        for (int[][] eq : Attacker.equations(grids.get(g))) {
          double[] coef = new double[vars.size() + 1];
          double constant = term(g, eq[0][0], eq[0][1], coef, -1);
          for (int i = 1; i < eq.length; i++) {
            constant += term(g, eq[i][0], eq[i][1], coef, 1);
          }
          add(equations, coef, constant);
        }
      }
      for (int k = 0; k < vars.size(); k++) {
        if (vars.get(k)[3] == 0) {
          double[] coef = new double[vars.size() + 1];
          coef[k] = 1;
          add(atMost, coef, -2 * HOURS_HALF_STEP);
        }
      }
      if (grids.size() == 2) { // unfilled (grid 1) <= visits (grid 0), cell by cell
        Attacker.Grid grid = grids.get(0);
        for (int r = 0; r < grid.rows(); r++) {
          for (int c = 0; c < grid.cols(); c++) {
            double[] coef = new double[vars.size() + 1];
            double constant = term(1, r, c, coef, 1) + term(0, r, c, coef, -1);
            add(atMost, coef, constant);
          }
        }
      }
    }

    /** Adds {@code coef . x + constant (= or <=) 0} when it involves a variable. */
    private static void add(List<double[]> to, double[] coef, double constant) {
      boolean any = false;
      for (int k = 0; k < coef.length - 1; k++) {
        any |= coef[k] != 0;
      }
      if (any) {
        coef[coef.length - 1] = -constant;
        to.add(coef);
      }
    }

    /**
     * Adds a cell's value times {@code sign} to {@code coef} and returns its constant part. A hidden
     * count is {@code 1 + y} with {@code y >= 0}; published hours next to a hidden cell are
     * {@code published - 0.005 + e} with {@code 0 <= e <= 0.01}.
     */
    private double term(int g, int r, int c, double[] coef, double sign) {
      Attacker.Grid grid = grids.get(g);
      int k = var[g][r][c];
      if (grid.hidden[r][c]) {
        coef[k] += sign;
        return grid.metric.isCount() ? sign : 0;
      }
      if (k >= 0) {
        coef[k] += sign;
        return sign * (grid.lo[r][c] - HOURS_HALF_STEP);
      }
      return sign * grid.lo[r][c];
    }

    List<Range> ranges() {
      if (vars.isEmpty()) {
        return List.of();
      }
      Simplex lp = new Simplex(vars.size());
      for (double[] e : equations) {
        lp.equal(Arrays.copyOf(e, vars.size()), e[vars.size()]);
      }
      for (double[] e : atMost) {
        lp.atMost(Arrays.copyOf(e, vars.size()), e[vars.size()]);
      }
      List<Range> out = new ArrayList<>();
      for (int k = 0; k < vars.size(); k++) {
        int[] v = vars.get(k);
        if (v[3] == 0) {
          continue;
        }
        Metric m = grids.get(v[0]).metric;
        double offset = m.isCount() ? 1 : 0;
        double[] objective = new double[vars.size()];
        objective[k] = 1;
        double min = lp.minimize(objective)[k] + offset;
        double[] top = lp.maximize(objective);
        double max = top == null ? Double.POSITIVE_INFINITY : top[k] + offset;
        out.add(new Range(m, v[1], v[2], min, max));
      }
      return out;
    }
  }
}
