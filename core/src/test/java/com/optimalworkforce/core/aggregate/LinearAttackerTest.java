package com.optimalworkforce.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The attacker itself is checked: its ranges are those of every table matching the published figures. */
class LinearAttackerTest {

  @Test
  void theSolverFindsTheOptimumOfADegenerateProgram() {
    // Maximizing one of eight variables that sum to 17 (the program commons-math 3.6.1 gets wrong).
    Simplex lp = new Simplex(8);
    lp.equal(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, 17);
    for (int k = 0; k < 8; k++) {
      double[] objective = new double[8];
      objective[k] = 1;
      assertThat(lp.maximize(objective)[k]).isCloseTo(17, within(1e-9));
      assertThat(lp.minimize(objective)[k]).isCloseTo(0, within(1e-9));
    }
    Simplex bounded = new Simplex(2);
    bounded.equal(new double[] {1, 1}, 10);
    bounded.atMost(new double[] {1, 0}, 4);
    assertThat(bounded.minimize(new double[] {0, 1})).containsExactly(4, 6);
    Simplex open = new Simplex(2);
    open.equal(new double[] {1, -1}, 3);
    assertThat(open.maximize(new double[] {1, 0})).isNull();
  }

  /** One table: the attacker's range of every hidden cell equals the range over all matching tables. */
  @Property(tries = 300)
  void rangesOfOneTableMatchExhaustiveSearch(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[][] truth = table(rnd, 1 + rnd.nextInt(3), 1 + rnd.nextInt(3), 6);
    boolean[][] hidden = hide(rnd, truth, 5);
    Map<Metric, Attacker.Grid> grids = new EnumMap<>(Metric.class);
    grids.put(Metric.CANCELLED_VISITS, grid(Metric.CANCELLED_VISITS, truth, hidden));
    compare(grids, Map.of(Metric.CANCELLED_VISITS, truth), Map.of(Metric.CANCELLED_VISITS, hidden),
        List.of(Metric.CANCELLED_VISITS));
  }

  /** Visits and unfilled visits together: ranges also respect "unfilled never exceeds visits". */
  @Property(tries = 300)
  void rangesOfVisitsAndUnfilledMatchExhaustiveSearch(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int rows = 1 + rnd.nextInt(3);
    int cols = 2 + rnd.nextInt(2);
    long[][] visits = table(rnd, rows, cols, 4);
    long[][] unfilled = new long[rows + 1][cols + 1];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        unfilled[r][c] = rnd.nextInt((int) visits[r][c] + 1);
      }
    }
    margins(unfilled);
    boolean[][] hv = hide(rnd, visits, 4);
    boolean[][] hu = hide(rnd, unfilled, 4);
    Map<Metric, Attacker.Grid> grids = new EnumMap<>(Metric.class);
    grids.put(Metric.VISITS, grid(Metric.VISITS, visits, hv));
    grids.put(Metric.UNFILLED_VISITS, grid(Metric.UNFILLED_VISITS, unfilled, hu));
    compare(grids, Map.of(Metric.VISITS, visits, Metric.UNFILLED_VISITS, unfilled),
        Map.of(Metric.VISITS, hv, Metric.UNFILLED_VISITS, hu), List.of(Metric.VISITS, Metric.UNFILLED_VISITS));
  }

  // ------------------------------------------------------------------ exhaustive search

  private static void compare(Map<Metric, Attacker.Grid> grids, Map<Metric, long[][]> truth,
      Map<Metric, boolean[][]> hidden, List<Metric> metrics) {
    for (Metric m : Metric.values()) {
      if (!grids.containsKey(m)) {
        grids.put(m, grid(m, new long[1][1], new boolean[1][1]));
      }
    }
    List<LinearAttacker.Range> ranges = new ArrayList<>();
    for (LinearAttacker.Range r : LinearAttacker.ranges(grids)) {
      if (metrics.contains(r.metric())) {
        ranges.add(r);
      }
    }
    // Both outcomes must come up often, or the comparison proves little.
    Statistics.label("a cell pinned").collect(ranges.stream().anyMatch(LinearAttacker.Range::recovered));
    Statistics.label("a cell free").collect(ranges.stream().anyMatch(r -> !r.recovered()));
    Statistics.label("a cell pinned").coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("a cell free").coverage(c -> c.check(true).percentage(p -> p > 10));
    // Enumerate the hidden inner cells: the grand total is published, so they share what the
    // published inner cells leave of it, each at least 1. Margins follow; keep what matches.
    List<int[]> cells = new ArrayList<>(); // metric index, row, col
    for (int mi = 0; mi < metrics.size(); mi++) {
      long[][] t = truth.get(metrics.get(mi));
      boolean[][] h = hidden.get(metrics.get(mi));
      for (int r = 0; r < t.length - 1; r++) {
        for (int c = 0; c < t[0].length - 1; c++) {
          if (h[r][c]) {
            cells.add(new int[] {mi, r, c});
          }
        }
      }
    }
    List<long[][]> x = new ArrayList<>();
    for (Metric m : metrics) {
      long[][] t = truth.get(m);
      long[][] copy = new long[t.length][];
      for (int r = 0; r < t.length; r++) {
        copy[r] = t[r].clone();
      }
      x.add(copy);
    }
    long[][][] lo = new long[metrics.size()][][];
    long[][][] hi = new long[metrics.size()][][];
    for (int mi = 0; mi < metrics.size(); mi++) {
      long[][] t = truth.get(metrics.get(mi));
      lo[mi] = new long[t.length][t[0].length];
      hi[mi] = new long[t.length][t[0].length];
      for (long[] row : lo[mi]) {
        java.util.Arrays.fill(row, Long.MAX_VALUE);
      }
      for (long[] row : hi[mi]) {
        java.util.Arrays.fill(row, Long.MIN_VALUE);
      }
    }
    long[] remaining = new long[metrics.size()];
    int[] left = new int[metrics.size()];
    for (int mi = 0; mi < metrics.size(); mi++) {
      long[][] t = truth.get(metrics.get(mi));
      boolean[][] h = hidden.get(metrics.get(mi));
      remaining[mi] = t[t.length - 1][t[0].length - 1];
      for (int r = 0; r < t.length - 1; r++) {
        for (int c = 0; c < t[0].length - 1; c++) {
          remaining[mi] -= h[r][c] ? 0 : t[r][c];
          left[mi] += h[r][c] ? 1 : 0;
        }
      }
    }
    enumerate(0, cells, x, metrics, truth, hidden, lo, hi, remaining, left);
    for (LinearAttacker.Range r : ranges) {
      int mi = metrics.indexOf(r.metric());
      long trueValue = truth.get(r.metric())[r.row()][r.col()];
      assertThat(r.min()).as("min of %s", r).isCloseTo(lo[mi][r.row()][r.col()], within(1e-6));
      assertThat(r.max()).as("max of %s", r).isCloseTo(hi[mi][r.row()][r.col()], within(1e-6));
      assertThat(r.recovered()).as("pinned: %s", r)
          .isEqualTo(lo[mi][r.row()][r.col()] == hi[mi][r.row()][r.col()]);
      assertThat(trueValue).isBetween(lo[mi][r.row()][r.col()], hi[mi][r.row()][r.col()]);
    }
  }

  private static void enumerate(int k, List<int[]> cells, List<long[][]> x, List<Metric> metrics,
      Map<Metric, long[][]> truth, Map<Metric, boolean[][]> hidden, long[][][] lo, long[][][] hi, long[] remaining,
      int[] left) {
    if (k == cells.size()) {
      for (int mi = 0; mi < metrics.size(); mi++) {
        long[][] t = x.get(mi);
        margins(t);
        long[][] pub = truth.get(metrics.get(mi));
        boolean[][] h = hidden.get(metrics.get(mi));
        for (int r = 0; r < t.length; r++) {
          for (int c = 0; c < t[0].length; c++) {
            if (h[r][c] ? t[r][c] < 1 : t[r][c] != pub[r][c]) {
              return;
            }
          }
        }
      }
      if (metrics.size() == 2) {
        long[][] v = x.get(0);
        long[][] u = x.get(1);
        for (int r = 0; r < v.length; r++) {
          for (int c = 0; c < v[0].length; c++) {
            if (u[r][c] > v[r][c]) {
              return;
            }
          }
        }
      }
      for (int mi = 0; mi < metrics.size(); mi++) {
        long[][] t = x.get(mi);
        for (int r = 0; r < t.length; r++) {
          for (int c = 0; c < t[0].length; c++) {
            lo[mi][r][c] = Math.min(lo[mi][r][c], t[r][c]);
            hi[mi][r][c] = Math.max(hi[mi][r][c], t[r][c]);
          }
        }
      }
      return;
    }
    int[] cell = cells.get(k);
    int mi = cell[0];
    long from = left[mi] == 1 ? remaining[mi] : 1;
    long to = remaining[mi] - (left[mi] - 1);
    left[mi]--;
    for (long v = from; v <= to; v++) {
      x.get(mi)[cell[1]][cell[2]] = v;
      remaining[mi] -= v;
      enumerate(k + 1, cells, x, metrics, truth, hidden, lo, hi, remaining, left);
      remaining[mi] += v;
    }
    left[mi]++;
  }

  /** Random inner cells (about a fifth zero), margins appended. */
  private static long[][] table(SplittableRandom rnd, int rows, int cols, int max) {
    long[][] t = new long[rows + 1][cols + 1];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[r][c] = rnd.nextDouble() < 0.2 ? 0 : 1 + rnd.nextInt(max);
      }
    }
    margins(t);
    return t;
  }

  private static void margins(long[][] t) {
    int rows = t.length - 1;
    int cols = t[0].length - 1;
    for (int r = 0; r <= rows; r++) {
      t[r][cols] = 0;
    }
    java.util.Arrays.fill(t[rows], 0);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[r][cols] += t[r][c];
        t[rows][c] += t[r][c];
        t[rows][cols] += t[r][c];
      }
    }
  }

  /** Hides up to {@code inner} non-zero inner cells and a random choice of non-zero margins, never the grand total. */
  private static boolean[][] hide(SplittableRandom rnd, long[][] t, int inner) {
    boolean[][] h = new boolean[t.length][t[0].length];
    int n = 0;
    for (int r = 0; r < t.length; r++) {
      for (int c = 0; c < t[0].length; c++) {
        boolean margin = r == t.length - 1 || c == t[0].length - 1;
        boolean grand = r == t.length - 1 && c == t[0].length - 1;
        if (t[r][c] > 0 && !grand && rnd.nextDouble() < 0.5 && (margin || n < inner)) {
          h[r][c] = true;
          n += margin ? 0 : 1;
        }
      }
    }
    return h;
  }

  /** A grid as {@link Attacker#grids} builds it from a snapshot: areas by weeks, margins last. */
  private static Attacker.Grid grid(Metric m, long[][] t, boolean[][] hidden) {
    Attacker.Grid g = new Attacker.Grid(m, t.length, t[0].length);
    for (int r = 0; r < t.length; r++) {
      for (int c = 0; c < t[0].length; c++) {
        g.set(r, c, hidden[r][c] ? null : (Number) t[r][c]);
      }
    }
    return g;
  }
}
