package com.optimalworkforce.core.aggregate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an analyst at the platform reads off a published region: one grid per metric (areas and
 * the regional total by weeks and the window), each figure published or hidden, and the two
 * plain differencing checks. {@link LinearAttacker} then bounds every hidden figure.
 *
 * <pre>{@code
 * Map<Metric, Attacker.Grid> grids = Attacker.grids(snapshot.region("east").orElseThrow());
 * Attacker.singleHiddenEquations(grids.get(Metric.VISITS)); // 0 when complements are in place
 * }</pre>
 */
final class Attacker {
  /** One metric's grid: rows = areas + total, columns = weeks + window (one column for people). */
  static final class Grid {
    final Metric metric;
    final double[][] lo;
    final double[][] hi;
    final boolean[][] hidden;
    final double[][] truth; // the true figures, where a test knows them

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
        hi[r][c] = Double.POSITIVE_INFINITY;
      } else {
        hidden[r][c] = false;
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

  /** Cells hidden in an equation where every other cell is published: the plain differencing attack. */
  static int singleHiddenEquations(Grid g) {
    int found = 0;
    for (int[][] eq : equations(g)) {
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
    for (int[][] eq : equations(g)) {
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

  /**
   * Each equation of a grid as its cells; the first cell is the total, the rest its parts. A grid
   * of more than one column has row equations (weeks add up to the window) and column equations
   * (areas add up to the regional total); a one-column grid only the latter.
   */
  static List<int[][]> equations(Grid g) {
    int rows = g.rows();
    int cols = g.cols();
    List<int[][]> eqs = new ArrayList<>();
    if (cols > 1) {
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
}
