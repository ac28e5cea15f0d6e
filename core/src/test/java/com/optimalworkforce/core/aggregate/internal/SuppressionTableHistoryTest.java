package com.optimalworkforce.core.aggregate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** Suppression of a table published again after a previous release (the "Releases over time" rules). */
class SuppressionTableHistoryTest {

  /** One release of a table: its protection and what it carries to the next. */
  record Published(SuppressionTable table, SuppressionTable.Result result) {}

  static Published first(SuppressionTable t, long threshold) {
    t.hidePrimary(threshold);
    return new Published(t, SuppressionTable.protect(t, null, List.of()));
  }

  static Published next(Published before, SuppressionTable t, long threshold) {
    long[][] values = new long[t.rows()][t.cols()];
    boolean[][] hidden = new boolean[t.rows()][t.cols()];
    for (int r = 0; r < t.rows(); r++) {
      for (int c = 0; c < t.cols(); c++) {
        values[r][c] = before.table().value(r, c);
        hidden[r][c] = before.table().hidden(r, c);
      }
    }
    t.previous(values, hidden);
    t.hidePrimary(threshold);
    return new Published(t, SuppressionTable.protect(t, null, before.result().alternatives()));
  }

  @Test
  void anUnchangedHiddenCellKeepsItsComplementWhenTheComplementChanged() {
    // 50, 3, 19, 20 clients: 3 is hidden with 19. Two clients join the third area (21). Published
    // on its own, the 3 would take 20 as complement and show 21: 94 - 50 - 21 - 20 = 3.
    Published one = first(SuppressionTable.oneWay(new long[] {50, 3, 19, 20}), 10);
    assertThat(hiddenRows(one.table())).containsExactly(1, 2);
    Published two = next(one, SuppressionTable.oneWay(new long[] {50, 3, 21, 20}), 10);
    assertThat(hiddenRows(two.table())).containsExactly(1, 2);
    assertThat(two.result().notContinued() + two.result().unprotected()).isZero();
    assertEveryHistoryLeavesTwoValues(List.of(one.table(), two.table()));

    SuppressionTable alone = SuppressionTable.oneWay(new long[] {50, 3, 21, 20});
    alone.hidePrimary(10);
    SuppressionTable.protect(alone, null);
    assertThat(hiddenRows(alone)).as("the same table published on its own").containsExactly(1, 3);
  }

  @Test
  void aNewSmallCellInAnOtherwiseUnchangedTableIsProtectedByCellsThatChanged() {
    // Only the fourth area changes, from 0 to 2 clients. The unchanged 40 and 50 are known from the
    // first release, so hiding them would not help: the total (which changed) is hidden instead.
    Published one = first(SuppressionTable.oneWay(new long[] {50, 3, 40, 20, 0}), 10);
    assertThat(hiddenRows(one.table())).containsExactly(1, 3);
    Published two = next(one, SuppressionTable.oneWay(new long[] {50, 3, 40, 20, 2}), 10);
    assertThat(two.table().hidden(4, 0)).isTrue();
    assertThat(two.table().hidden(5, 0)).as("the total, which changed").isTrue();
    assertThat(two.table().hidden(0, 0) || two.table().hidden(2, 0)).as("an unchanged published part").isFalse();
    assertThat(two.result().notContinued() + two.result().unprotected()).isZero();
    assertEveryHistoryLeavesTwoValues(List.of(one.table(), two.table()));
  }

  @Test
  void aHiddenCellThatDropsToZeroIsShownAndItsAlternativeRoutedThroughCellsThatChanged() {
    // 4 | 30 and 30 | 40: the 4 is hidden with a rectangle of complements. Then the 4 leaves
    // (0, shown) while its row's other cell grows: the alternative that moved the 4 goes through
    // the cells that changed instead.
    Published one = first(SuppressionTable.twoWay(new long[][] {{4, 30}, {30, 40}}), 10);
    assertThat(one.table().hiddenCount()).isEqualTo(4);
    Published two = next(one, SuppressionTable.twoWay(new long[][] {{0, 34}, {30, 40}}), 10);
    assertThat(two.table().hidden(0, 0)).isFalse();
    assertThat(two.result().notContinued() + two.result().unprotected()).isZero();
    assertEveryHistoryLeavesTwoValues(List.of(one.table(), two.table()));
  }

  @Test
  void previousReleaseOfAnotherShapeIsRefused() {
    SuppressionTable t = SuppressionTable.oneWay(new long[] {1, 2});
    assertThatThrownBy(() -> t.previous(new long[2][1], new boolean[2][1])).isInstanceOf(
        IllegalArgumentException.class).hasMessageContaining("previous release has 2 rows, not 3");
  }

  /**
   * Small random tables published two or three times with random changes: whenever the
   * protection reports no gap, every hidden cell of every release takes at least two values over
   * all histories of whole tables that agree with everything published and keep every unchanged
   * count equal from one release to the next (enumerated exactly, no LP).
   */
  @Property(tries = 200)
  void everyHiddenCellOfEveryReleaseTakesTwoValuesAcrossTheSeries(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    boolean twoWay = rnd.nextBoolean();
    int rows = twoWay ? 2 : 1 + rnd.nextInt(4);
    int cols = twoWay ? 1 + rnd.nextInt(2) : 1;
    long threshold = rnd.nextInt(2, 5);
    long[][] inner = new long[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        inner[r][c] = rnd.nextDouble() < 0.2 ? 0 : rnd.nextInt(1, 7);
      }
    }
    List<SuppressionTable> tables = new ArrayList<>();
    Published p = first(table(inner, twoWay), threshold);
    tables.add(p.table());
    int gaps = 0;
    int releases = 2 + rnd.nextInt(2);
    for (int k = 1; k < releases; k++) {
      int changes = 1 + rnd.nextInt(2);
      for (int i = 0; i < changes; i++) {
        int r = rnd.nextInt(rows);
        int c = rnd.nextInt(cols);
        inner[r][c] = Math.max(0, inner[r][c] + (rnd.nextBoolean() ? 1 : -1) * rnd.nextInt(1, 3));
      }
      p = next(p, table(inner, twoWay), threshold);
      gaps += p.result().notContinued() + p.result().unprotected();
      tables.add(p.table());
    }
    Statistics.label("series").collect(gaps == 0 ? "no gap" : "gaps");
    if (gaps == 0) {
      assertEveryHistoryLeavesTwoValues(tables);
    }
    Statistics.label("series").coverage(c -> c.check("no gap").percentage(x -> x >= 60));
  }

  private static SuppressionTable table(long[][] inner, boolean twoWay) {
    if (twoWay) {
      long[][] copy = new long[inner.length][];
      for (int r = 0; r < inner.length; r++) {
        copy[r] = inner[r].clone();
      }
      return SuppressionTable.twoWay(copy);
    }
    long[] parts = new long[inner.length];
    for (int r = 0; r < inner.length; r++) {
      parts[r] = inner[r][0];
    }
    return SuppressionTable.oneWay(parts);
  }

  private static List<Integer> hiddenRows(SuppressionTable t) {
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < t.rows(); r++) {
      if (t.hidden(r, 0)) {
        out.add(r);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ exact enumeration of histories

  /**
   * Enumerates every history: one table per release, inner hidden cells from 1 to a cap, margins
   * following; published cells as published, hidden ones at least 1, and every cell whose true
   * count did not change between two consecutive releases equal in both. Each hidden cell of each
   * release must take at least two values.
   */
  static void assertEveryHistoryLeavesTwoValues(List<SuppressionTable> releases) {
    long cap = 0;
    for (SuppressionTable t : releases) {
      cap = Math.max(cap, t.value(t.rows() - 1, t.cols() - 1) + 2);
    }
    List<List<Set<Long>>> seen = new ArrayList<>();
    for (SuppressionTable t : releases) {
      List<Set<Long>> cells = new ArrayList<>();
      for (int i = 0; i < t.rows() * t.cols(); i++) {
        cells.add(new HashSet<>());
      }
      seen.add(cells);
    }
    new Histories(releases, cap, seen).release(0, new ArrayList<>());
    for (int k = 0; k < releases.size(); k++) {
      SuppressionTable t = releases.get(k);
      for (int r = 0; r < t.rows(); r++) {
        for (int c = 0; c < t.cols(); c++) {
          if (t.hidden(r, c)) {
            assertThat(seen.get(k).get(r * t.cols() + c)).as("release %d, hidden cell (%d, %d) = %d", k, r, c,
                t.value(r, c)).contains(t.value(r, c)).hasSizeGreaterThanOrEqualTo(2);
          }
        }
      }
    }
  }

  private record Histories(List<SuppressionTable> releases, long cap, List<List<Set<Long>>> seen) {
    void release(int k, List<long[][]> history) {
      if (k == releases.size()) {
        for (int i = 0; i < history.size(); i++) {
          long[][] full = history.get(i);
          for (int r = 0; r < full.length; r++) {
            for (int c = 0; c < full[r].length; c++) {
              seen.get(i).get(r * full[r].length + c).add(full[r][c]);
            }
          }
        }
        return;
      }
      SuppressionTable t = releases.get(k);
      boolean oneWay = t.cols() == 1;
      int innerRows = t.rows() - 1;
      int innerCols = oneWay ? 1 : t.cols() - 1;
      long[][] prev = k == 0 ? null : history.get(k - 1);
      SuppressionTable before = k == 0 ? null : releases.get(k - 1);
      long[][] x = new long[innerRows][innerCols];
      List<int[]> free = new ArrayList<>();
      for (int r = 0; r < innerRows; r++) {
        for (int c = 0; c < innerCols; c++) {
          if (!t.hidden(r, c)) {
            x[r][c] = t.value(r, c);
          } else if (before != null && before.value(r, c) == t.value(r, c)) {
            x[r][c] = prev[r][c]; // unchanged: the same unknown as in the previous release
          } else {
            free.add(new int[] {r, c});
          }
        }
      }
      assign(k, history, t, x, free, 0, oneWay);
    }

    private void assign(int k, List<long[][]> history, SuppressionTable t, long[][] x, List<int[]> free, int i,
        boolean oneWay) {
      if (i == free.size()) {
        long[][] full = margins(t, x, oneWay);
        if (full == null) {
          return;
        }
        if (k > 0) {
          SuppressionTable before = releases.get(k - 1);
          long[][] prev = history.get(k - 1);
          for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
              if (before.value(r, c) == t.value(r, c) && prev[r][c] != full[r][c]) {
                return;
              }
            }
          }
        }
        history.add(full);
        release(k + 1, history);
        history.remove(history.size() - 1);
        return;
      }
      int[] cell = free.get(i);
      for (long v = 1; v <= cap; v++) {
        x[cell[0]][cell[1]] = v;
        assign(k, history, t, x, free, i + 1, oneWay);
      }
    }

    /** The whole table from its inner cells, or null when it disagrees with what was published. */
    private static long[][] margins(SuppressionTable t, long[][] x, boolean oneWay) {
      int rows = t.rows();
      int cols = t.cols();
      long[][] full = new long[rows][cols];
      for (int r = 0; r < x.length; r++) {
        for (int c = 0; c < x[r].length; c++) {
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
            return null;
          }
        }
      }
      return full;
    }
  }
}
