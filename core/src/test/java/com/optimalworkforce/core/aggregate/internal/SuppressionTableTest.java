package com.optimalworkforce.core.aggregate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SuppressionTableTest {

  @Test
  void aSingleSmallCellGetsAComplementInItsRowAndColumn() {
    SuppressionTable t = SuppressionTable.twoWay(new long[][] {{5, 40, 30}, {25, 60, 70}});
    t.hidePrimary(10);
    SuppressionTable.protect(t, null);
    assertThat(t.hidden(0, 0)).isTrue();
    assertThat(hiddenInRow(t, 0)).isGreaterThanOrEqualTo(2);
    assertThat(hiddenInCol(t, 0)).isGreaterThanOrEqualTo(2);
    // The smallest complements are chosen: 30 in the row, 25 in the column, then 70 closes the rectangle.
    assertThat(t.hidden(0, 2)).isTrue();
    assertThat(t.hidden(1, 0)).isTrue();
    assertThat(t.hidden(1, 2)).isTrue();
    assertThat(t.hiddenCount()).isEqualTo(4);
    assertEveryHiddenCellHasAnAlternative(t);
  }

  @Test
  void zerosAreShownAndNeverUsedAsComplements() {
    SuppressionTable t = SuppressionTable.oneWay(new long[] {0, 3, 0, 25});
    t.hidePrimary(10);
    SuppressionTable.protect(t, null);
    assertThat(t.hidden(0, 0)).isFalse();
    assertThat(t.hidden(2, 0)).isFalse();
    assertThat(t.hidden(1, 0)).isTrue();
    assertThat(t.hidden(3, 0)).isTrue();
    assertThat(t.hidden(4, 0)).isFalse(); // the total 28 stays published
  }

  @Test
  void hiddenCellsMustNotAddUpToASmallCountUnderAPublishedTotal() {
    // Hiding 4 and 1 alone would publish "those two areas have 5" as 94 - 58 - 31.
    SuppressionTable t = SuppressionTable.oneWay(new long[] {58, 31, 4, 1});
    t.hidePrimary(10);
    SuppressionTable.protect(t, null);
    assertThat(t.hidden(2, 0)).isTrue();
    assertThat(t.hidden(3, 0)).isTrue();
    assertThat(t.hidden(1, 0)).as("31, the cheapest part that lifts the hidden sum above 10").isTrue();
    assertThat(t.hidden(0, 0)).isFalse();
    assertThat(t.hidden(4, 0)).isFalse();
  }

  @Test
  void twoOnesUnderAPublishedTotalAreNotEnough() {
    // 1 + 1 = total - 50: an attacker knows both are at least 1, so both would be exactly 1.
    SuppressionTable t = SuppressionTable.oneWay(new long[] {1, 1, 50});
    t.hidePrimary(10);
    assertThat(t.hiddenCount()).isEqualTo(2);
    SuppressionTable.protect(t, null);
    assertThat(t.hiddenCount()).isEqualTo(3);
    assertEveryHiddenCellHasAnAlternative(t);
  }

  @Test
  void aRectangleOfOnesIsWidenedUntilItCanMove() {
    // Rows and columns of the four 1s each hold two hidden cells, yet with the totals published
    // every 1 is pinned (it cannot go below 1 and its partners cannot either): more must go.
    SuppressionTable t = SuppressionTable.twoWay(new long[][] {{1, 1, 14}, {1, 1, 12}});
    t.hidePrimary(10);
    assertThat(t.hiddenCount()).isEqualTo(6); // the four 1s and the two column totals of 2
    SuppressionTable.protect(t, null);
    assertThat(t.hiddenCount()).isGreaterThan(6);
    assertEveryHiddenCellHasAnAlternative(t);
  }

  @Test
  void unfilledVisitsEqualToVisitsAreProtectedTogetherWithThem() {
    // An area whose only visits are unfilled: unfilled = visits cell by cell.
    SuppressionTable visits = SuppressionTable.twoWay(new long[][] {{1, 2}, {30, 40}});
    SuppressionTable unfilled = SuppressionTable.twoWay(new long[][] {{1, 2}, {0, 0}});
    visits.lowerBounds(unfilled);
    unfilled.upperBounds(visits);
    visits.hidePrimary(10);
    unfilled.hidePrimary(10);
    SuppressionTable.protect(visits, unfilled);
    for (SuppressionTable t : List.of(visits, unfilled)) {
      for (int r = 0; r < t.rows(); r++) {
        for (int c = 0; c < t.cols(); c++) {
          assertThat(!t.hidden(r, c) || t.isSafe(r, c, t == visits ? unfilled : visits)).isTrue();
        }
      }
    }
  }

  /** Small random tables: every hidden cell must take two values among all tables matching the published ones. */
  @Property(tries = 200)
  void exhaustiveSearchFindsTwoValuesForEveryHiddenCell(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int rows = 1 + rnd.nextInt(2);
    int cols = 1 + rnd.nextInt(2);
    long[][] inner = new long[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        inner[r][c] = rnd.nextDouble() < 0.2 ? 0 : rnd.nextInt(1, 9);
      }
    }
    SuppressionTable t = SuppressionTable.twoWay(inner);
    t.hidePrimary(rnd.nextInt(1, 5));
    SuppressionTable.protect(t, null);
    assertEveryHiddenCellHasAnAlternative(t);
  }

  @Property(tries = 300)
  void exhaustiveSearchOnOneWayTables(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] parts = new long[1 + rnd.nextInt(4)];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = rnd.nextDouble() < 0.2 ? 0 : rnd.nextInt(1, 15);
    }
    SuppressionTable t = SuppressionTable.oneWay(parts);
    t.hidePrimary(rnd.nextInt(1, 11));
    SuppressionTable.protect(t, null);
    assertEveryHiddenCellHasAnAlternative(t);
  }

  /**
   * Enumerates every table that agrees with the published cells (inner hidden cells from 1 to a
   * cap, margins then follow) and checks that each hidden cell takes at least two values.
   */
  static void assertEveryHiddenCellHasAnAlternative(SuppressionTable t) {
    int rows = t.rows();
    int cols = t.cols();
    boolean oneWay = cols == 1;
    int innerRows = rows - 1;
    int innerCols = oneWay ? 1 : cols - 1;
    List<int[]> hiddenInner = new ArrayList<>();
    for (int r = 0; r < innerRows; r++) {
      for (int c = 0; c < innerCols; c++) {
        if (t.hidden(r, c)) {
          hiddenInner.add(new int[] {r, c});
        }
      }
    }
    long cap = t.value(rows - 1, cols - 1) + 2;
    List<Set<Long>> seen = new ArrayList<>();
    for (int i = 0; i < rows * cols; i++) {
      seen.add(new HashSet<>());
    }
    long[][] x = new long[rows][cols];
    enumerate(t, hiddenInner, 0, x, cap, seen, oneWay);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (t.hidden(r, c)) {
          assertThat(seen.get(r * cols + c)).as("values of hidden cell (%d, %d) = %d", r, c, t.value(r, c))
              .contains(t.value(r, c)).hasSizeGreaterThanOrEqualTo(2);
        }
      }
    }
  }

  private static void enumerate(SuppressionTable t, List<int[]> hidden, int k, long[][] x, long cap,
      List<Set<Long>> seen, boolean oneWay) {
    int rows = t.rows();
    int cols = t.cols();
    if (k == hidden.size()) {
      int innerRows = rows - 1;
      int innerCols = oneWay ? 1 : cols - 1;
      for (int r = 0; r < innerRows; r++) {
        for (int c = 0; c < innerCols; c++) {
          if (!t.hidden(r, c)) {
            x[r][c] = t.value(r, c);
          }
        }
      }
      long[][] full = new long[rows][cols];
      for (int r = 0; r < innerRows; r++) {
        for (int c = 0; c < innerCols; c++) {
          full[r][c] = x[r][c];
          if (!oneWay) {
            full[r][cols - 1] += x[r][c];
            full[rows - 1][c] += x[r][c];
          }
          full[rows - 1][cols - 1] += x[r][c];
        }
      }
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          boolean ok = t.hidden(r, c) ? full[r][c] >= 1 : full[r][c] == t.value(r, c);
          if (!ok) {
            return;
          }
        }
      }
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          seen.get(r * cols + c).add(full[r][c]);
        }
      }
      return;
    }
    int[] cell = hidden.get(k);
    for (long v = 1; v <= cap; v++) {
      x[cell[0]][cell[1]] = v;
      if (exceedsPublishedTotals(t, hidden, k, x, oneWay)) {
        break; // larger values only exceed more
      }
      enumerate(t, hidden, k + 1, x, cap, seen, oneWay);
    }
    x[cell[0]][cell[1]] = 0;
  }

  /** True when the cells assigned so far already sum past a published row, column or grand total. */
  private static boolean exceedsPublishedTotals(SuppressionTable t, List<int[]> hidden, int k, long[][] x,
      boolean oneWay) {
    int rows = t.rows();
    int cols = t.cols();
    int innerRows = rows - 1;
    int innerCols = oneWay ? 1 : cols - 1;
    boolean[][] assigned = new boolean[innerRows][innerCols];
    for (int i = 0; i <= k; i++) {
      assigned[hidden.get(i)[0]][hidden.get(i)[1]] = true;
    }
    long[] rowSum = new long[innerRows];
    long[] colSum = new long[innerCols];
    long all = 0;
    for (int r = 0; r < innerRows; r++) {
      for (int c = 0; c < innerCols; c++) {
        long v = t.hidden(r, c) ? (assigned[r][c] ? x[r][c] : 0) : t.value(r, c);
        rowSum[r] += v;
        colSum[c] += v;
        all += v;
      }
    }
    if (!t.hidden(rows - 1, cols - 1) && all > t.value(rows - 1, cols - 1)) {
      return true;
    }
    if (oneWay) {
      return false;
    }
    for (int r = 0; r < innerRows; r++) {
      if (!t.hidden(r, cols - 1) && rowSum[r] > t.value(r, cols - 1)) {
        return true;
      }
    }
    for (int c = 0; c < innerCols; c++) {
      if (!t.hidden(rows - 1, c) && colSum[c] > t.value(rows - 1, c)) {
        return true;
      }
    }
    return false;
  }

  private static int hiddenInRow(SuppressionTable t, int r) {
    int n = 0;
    for (int c = 0; c < t.cols(); c++) {
      n += t.hidden(r, c) ? 1 : 0;
    }
    return n;
  }

  private static int hiddenInCol(SuppressionTable t, int c) {
    int n = 0;
    for (int r = 0; r < t.rows(); r++) {
      n += t.hidden(r, c) ? 1 : 0;
    }
    return n;
  }
}
