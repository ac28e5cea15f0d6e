package com.optimalworkforce.core.aggregate.internal;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One published table of a region and its small-cell suppression: the cells of one metric per area
 * (rows) and, for visit metrics, per ISO week (columns), with their totals. Row {@code rows()-1} is
 * the regional total; column {@code cols()-1} is the window (the sum over weeks).
 *
 * <pre>{@code
 * SuppressionTable visits = SuppressionTable.twoWay(new long[][] {{3, 12}, {40, 25}});
 * visits.hidePrimary(10);         // 3 is hidden
 * SuppressionTable.protect(visits, null); // hides complements until no hidden cell can be recovered
 * }</pre>
 *
 * <p><b>What "cannot be recovered" means here.</b> The published figures satisfy linear equations:
 * every row and every column sums to its total. A hidden cell is safe when there is a second table,
 * different in that cell, that an attacker cannot tell apart from the true one: it agrees on every
 * published figure, satisfies every equation, keeps every hidden cell at 1 or more (zeros are
 * always shown, so a hidden cell is known to be non-zero) and respects the bounds set with
 * {@link #lowerBounds} and {@link #upperBounds} (e.g. unfilled visits never exceed visits).
 * Such a second table is found as a cycle of +1/-1 changes through hidden cells (the equations of a
 * table with margins form a bipartite graph of row and column equations, and their solutions are
 * its circulations), so the check is exact for the linear attacker and needs no LP solver.
 * {@link #protect} first hides a complement in every equation left with a single hidden cell (the
 * plain differencing attack) or whose hidden parts add up to a small count under a published
 * total (that sum would be a small cell of its own), then keeps hiding the least informative neighbour of any cell that
 * still has no such cycle. It always terminates: with every non-zero cell hidden, every cell lies
 * on a cycle that only increases values.
 */
public final class SuppressionTable {
  private static final long UNBOUNDED = Long.MAX_VALUE;

  private final int rows;
  private final int cols;
  private final boolean twoWay;
  private final long[][] value;
  private final long[][] lo;
  private final long[][] hi;
  private final boolean[][] hidden;
  private final boolean[][] knownSafe;
  /** Counts from 1 to this are small; 0 when the table holds no counts (hours). */
  private long threshold;

  private SuppressionTable(long[][] value, boolean twoWay) {
    this.rows = value.length;
    this.cols = value[0].length;
    this.twoWay = twoWay;
    this.value = value;
    this.lo = new long[rows][cols];
    this.hi = new long[rows][cols];
    this.hidden = new boolean[rows][cols];
    this.knownSafe = new boolean[rows][cols];
    for (int r = 0; r < rows; r++) {
      Arrays.fill(lo[r], 1);
      Arrays.fill(hi[r], UNBOUNDED);
      for (int c = 0; c < cols; c++) {
        if (value[r][c] < 0) {
          throw new IllegalArgumentException("negative cell value " + value[r][c]);
        }
      }
    }
  }

  /** A single column of parts and their total (appended as the last row). */
  public static SuppressionTable oneWay(long[] parts) {
    long[][] v = new long[parts.length + 1][1];
    long total = 0;
    for (int i = 0; i < parts.length; i++) {
      v[i][0] = parts[i];
      total = Math.addExact(total, parts[i]);
    }
    v[parts.length][0] = total;
    return new SuppressionTable(v, false);
  }

  /** Inner cells {@code [row][column]}; row totals, column totals and the grand total are appended. */
  public static SuppressionTable twoWay(long[][] inner) {
    int r = inner.length;
    int c = r == 0 ? 0 : inner[0].length;
    long[][] v = new long[r + 1][c + 1];
    for (int i = 0; i < r; i++) {
      if (inner[i].length != c) {
        throw new IllegalArgumentException("ragged table: row " + i + " has " + inner[i].length + " cells, not " + c);
      }
      for (int j = 0; j < c; j++) {
        long x = inner[i][j];
        v[i][j] = x;
        v[i][c] = Math.addExact(v[i][c], x);
        v[r][j] = Math.addExact(v[r][j], x);
        v[r][c] = Math.addExact(v[r][c], x);
      }
    }
    return new SuppressionTable(v, true);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public long value(int r, int c) {
    return value[r][c];
  }

  public boolean hidden(int r, int c) {
    return hidden[r][c];
  }

  public int hiddenCount() {
    int n = 0;
    for (boolean[] row : hidden) {
      for (boolean h : row) {
        n += h ? 1 : 0;
      }
    }
    return n;
  }

  /** Hides every cell from 1 to {@code threshold}: the primary suppression. Zeros stay shown. */
  public void hidePrimary(long threshold) {
    this.threshold = threshold;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (value[r][c] >= 1 && value[r][c] <= threshold) {
          hidden[r][c] = true;
        }
      }
    }
  }

  /** Hides every non-zero cell hidden in {@code pattern} (same shape), e.g. hours where visits are hidden. */
  public void hideLike(SuppressionTable pattern) {
    sameShape(pattern);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (pattern.hidden[r][c] && value[r][c] > 0) {
          hidden[r][c] = true;
        }
      }
    }
  }

  /** The attacker knows each cell is at least the other table's cell (visits are at least unfilled visits). */
  public void lowerBounds(SuppressionTable other) {
    sameShape(other);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        lo[r][c] = Math.max(1, other.value[r][c]);
      }
    }
  }

  /** The attacker knows each cell is at most the other table's cell (unfilled visits are at most visits). */
  public void upperBounds(SuppressionTable other) {
    sameShape(other);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        hi[r][c] = other.value[r][c];
      }
    }
  }

  /**
   * Adds complementary suppression until every hidden cell is safe. With a {@code partner} (the
   * unfilled-visits table of a visits table, bound to it by {@link #lowerBounds}/{@link #upperBounds}),
   * both are protected together and a change of both tables along the same cycle also counts as
   * a second table.
   */
  public static void protect(SuppressionTable table, SuppressionTable partner) {
    if (partner != null) {
      table.sameShape(partner);
    }
    boolean changed = true;
    while (changed) {
      changed = table.complementLines();
      if (partner != null) {
        changed |= partner.complementLines();
      }
      if (!changed) {
        changed = table.fixFirstUnsafe(partner) || (partner != null && partner.fixFirstUnsafe(table));
      }
    }
  }

  /** True when the hidden cell is provably not recoverable (see the class comment). */
  public boolean isSafe(int r, int c, SuppressionTable partner) {
    if (!hidden[r][c]) {
      return false;
    }
    if (knownSafe[r][c]) {
      return true;
    }
    boolean safe = cycleThrough(r, c, new Alone());
    if (!safe && partner != null && partner.hidden[r][c]) {
      safe = cycleThrough(r, c, new Joint(partner));
    }
    // More hidden cells only add edges to the graph, so a safe cell stays safe.
    knownSafe[r][c] = safe;
    return safe;
  }

  // ------------------------------------------------------------------ complementary suppression

  /**
   * Hides complements until no equation has exactly one hidden cell (it would be the published
   * total minus the published parts) and, for counts, no equation with a published total has
   * hidden parts summing to a small count (that sum would itself be a small cell: "these two areas
   * together have 5 clients"). True if anything changed.
   */
  private boolean complementLines() {
    boolean changed = false;
    boolean again = true;
    while (again) {
      again = false;
      for (int eq = 0; eq < equationCount(); eq++) {
        int[] single = singleHidden(eq);
        int[] pick = null;
        if (single != null) {
          pick = bestComplement(eq, single[0], single[1]);
          if (pick == null) {
            throw new IllegalStateException("no complement for a hidden cell: the table is inconsistent");
          }
        } else if (smallHiddenSum(eq)) {
          pick = bestComplement(eq, -1, -1);
        }
        if (pick != null) {
          hidden[pick[0]][pick[1]] = true;
          again = true;
          changed = true;
        }
      }
    }
    return changed;
  }

  /** The sum of the hidden parts of an equation whose total is published is between 1 and the threshold. */
  private boolean smallHiddenSum(int eq) {
    if (threshold == 0) {
      return false;
    }
    long sum = 0;
    if (isRowEquation(eq)) {
      if (hidden[eq][cols - 1]) {
        return false;
      }
      for (int c = 0; c < cols - 1; c++) {
        sum += hidden[eq][c] ? value[eq][c] : 0;
      }
    } else {
      int c = columnOf(eq);
      if (hidden[rows - 1][c]) {
        return false;
      }
      for (int r = 0; r < rows - 1; r++) {
        sum += hidden[r][c] ? value[r][c] : 0;
      }
    }
    return sum >= 1 && sum <= threshold;
  }

  private boolean fixFirstUnsafe(SuppressionTable partner) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (hidden[r][c] && !isSafe(r, c, partner)) {
          int[] pick = neighbourToHide(r, c);
          if (pick != null) {
            hidden[pick[0]][pick[1]] = true;
            return true;
          }
          // Every non-zero cell here is hidden: what is left is the bound the partner sets (e.g.
          // unfilled = visits). Hide the partner where this table is hidden, so both can move together.
          if (partner != null && partner.hideUnder(this, r, c)) {
            return true;
          }
          // Cannot happen (with both tables hidden wherever non-zero, every cell lies on a cycle
          // that only increases values), but fail safe.
          throw new IllegalStateException("suppression failed to protect cell (" + r + ", " + c + ")");
        }
      }
    }
    return false;
  }

  /** Hides one published non-zero cell where {@code other} is hidden, nearest to (r, c) first. */
  private boolean hideUnder(SuppressionTable other, int r, int c) {
    int[] best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int rr = 0; rr < rows; rr++) {
      for (int cc = 0; cc < cols; cc++) {
        if (other.hidden[rr][cc] && !hidden[rr][cc] && value[rr][cc] > 0) {
          int distance = (rr == r ? 0 : 1) + (cc == c ? 0 : 1);
          if (distance < bestDistance) {
            best = new int[] {rr, cc};
            bestDistance = distance;
          }
        }
      }
    }
    if (best == null) {
      return false;
    }
    hidden[best[0]][best[1]] = true;
    return true;
  }

  // Equations: 0..rows-1 are row equations (two-way only), then one per column.
  private int equationCount() {
    return (twoWay ? rows : 0) + cols;
  }

  private boolean isRowEquation(int eq) {
    return twoWay && eq < rows;
  }

  private int columnOf(int eq) {
    return eq - (twoWay ? rows : 0);
  }

  private int[] singleHidden(int eq) {
    int[] found = null;
    if (isRowEquation(eq)) {
      for (int c = 0; c < cols; c++) {
        if (hidden[eq][c]) {
          if (found != null) {
            return null;
          }
          found = new int[] {eq, c};
        }
      }
    } else {
      int c = columnOf(eq);
      for (int r = 0; r < rows; r++) {
        if (hidden[r][c]) {
          if (found != null) {
            return null;
          }
          found = new int[] {r, c};
        }
      }
    }
    return found;
  }

  /** The cheapest published non-zero cell of the equation other than (hr, hc); parts before the total. */
  private int[] bestComplement(int eq, int hr, int hc) {
    int[] best = null;
    if (isRowEquation(eq)) {
      for (int c = 0; c < cols; c++) {
        best = better(best, eq, c, hr, hc, false);
      }
    } else {
      int c = columnOf(eq);
      for (int r = 0; r < rows; r++) {
        best = better(best, r, c, hr, hc, true);
      }
    }
    return best;
  }

  /**
   * The better of two candidate complements. {@code otherIsRow}: the candidate's other equation is
   * its row (we are completing a column), else its column.
   */
  private int[] better(int[] best, int r, int c, int skipR, int skipC, boolean otherIsRow) {
    if ((r == skipR && c == skipC) || hidden[r][c] || value[r][c] == 0) {
      return best;
    }
    int[] candidate = {r, c, otherIsRow ? 1 : 0};
    if (best == null) {
      return candidate;
    }
    return compare(candidate, best) < 0 ? candidate : best;
  }

  /**
   * Orders candidates by the information they cost: part cells before totals; then cells whose
   * other equation already holds exactly one hidden cell (hiding them completes two equations at
   * once), then cells next to two or more hidden cells, then cells that would start a new chain;
   * then the smaller value; then position, so the result is deterministic.
   */
  private int compare(int[] a, int[] b) {
    int byTotal = Boolean.compare(isTotal(a[0], a[1]), isTotal(b[0], b[1]));
    if (byTotal != 0) {
      return byTotal;
    }
    int byTier = Integer.compare(tier(a), tier(b));
    if (byTier != 0) {
      return byTier;
    }
    int byValue = Long.compare(value[a[0]][a[1]], value[b[0]][b[1]]);
    if (byValue != 0) {
      return byValue;
    }
    return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
  }

  private int tier(int[] cell) {
    if (!twoWay) {
      return 0;
    }
    int other = cell[2] == 1 ? hiddenInRow(cell[0]) : hiddenInCol(cell[1]);
    return other == 1 ? 0 : other >= 2 ? 1 : 2;
  }

  private boolean isTotal(int r, int c) {
    return r == rows - 1 || twoWay && c == cols - 1;
  }

  private int hiddenInRow(int r) {
    int n = 0;
    for (int c = 0; c < cols; c++) {
      n += hidden[r][c] ? 1 : 0;
    }
    return n;
  }

  private int hiddenInCol(int c) {
    int n = 0;
    for (int r = 0; r < rows; r++) {
      n += hidden[r][c] ? 1 : 0;
    }
    return n;
  }

  private int[] neighbourToHide(int r, int c) {
    int[] best = null;
    if (twoWay) {
      for (int cc = 0; cc < cols; cc++) {
        best = better(best, r, cc, r, c, false);
      }
    }
    for (int rr = 0; rr < rows; rr++) {
      best = better(best, rr, c, r, c, true);
    }
    if (best != null) {
      return best;
    }
    for (int rr = 0; rr < rows; rr++) {
      for (int cc = 0; cc < cols; cc++) {
        best = better(best, rr, cc, r, c, true);
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ the witness search

  /** Which hidden cells a second table may change, and in which direction. */
  private interface Moves {
    boolean usable(int r, int c);

    boolean canIncrease(int r, int c);

    boolean canDecrease(int r, int c);
  }

  /** Change this table only, within the attacker's bounds. */
  private final class Alone implements Moves {
    @Override
    public boolean usable(int r, int c) {
      return hidden[r][c];
    }

    @Override
    public boolean canIncrease(int r, int c) {
      return hi[r][c] == UNBOUNDED || value[r][c] + 1 <= hi[r][c];
    }

    @Override
    public boolean canDecrease(int r, int c) {
      return value[r][c] - 1 >= lo[r][c];
    }
  }

  /** Change this table and its partner by the same amounts: their ordering is kept. */
  private final class Joint implements Moves {
    private final SuppressionTable partner;

    Joint(SuppressionTable partner) {
      this.partner = partner;
    }

    @Override
    public boolean usable(int r, int c) {
      return hidden[r][c] && partner.hidden[r][c];
    }

    @Override
    public boolean canIncrease(int r, int c) {
      return true;
    }

    @Override
    public boolean canDecrease(int r, int c) {
      return value[r][c] >= 2 && partner.value[r][c] >= 2;
    }
  }

  // Nodes: row equations 0..rows-1 (all merged into node 0 for a one-way table, which has none),
  // then column equations.
  private int rowNode(int r) {
    return twoWay ? r : 0;
  }

  private int colNode(int c) {
    return (twoWay ? rows : 1) + c;
  }

  /**
   * Sign of a cell in the balanced form of the equations: negating the margin row and column turns
   * "parts sum to total" into "every row and column sums to zero", whose solutions are circulations.
   */
  private int sign(int r, int c) {
    boolean marginRow = r == rows - 1;
    boolean marginCol = c == cols - 1;
    return marginRow ^ marginCol ? -1 : 1;
  }

  /** Row-to-column traversal adds +1 in balanced form, i.e. changes the value by {@code sign}. */
  private boolean forward(Moves m, int r, int c) {
    return sign(r, c) > 0 ? m.canIncrease(r, c) : m.canDecrease(r, c);
  }

  private boolean backward(Moves m, int r, int c) {
    return sign(r, c) > 0 ? m.canDecrease(r, c) : m.canIncrease(r, c);
  }

  private boolean cycleThrough(int r, int c, Moves m) {
    if (!m.usable(r, c)) {
      return false;
    }
    return forward(m, r, c) && reachable(m, colNode(c), rowNode(r), r, c)
        || backward(m, r, c) && reachable(m, rowNode(r), colNode(c), r, c);
  }

  private boolean reachable(Moves m, int from, int to, int skipR, int skipC) {
    int nodes = (twoWay ? rows : 1) + cols;
    boolean[] seen = new boolean[nodes];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(from);
    seen[from] = true;
    while (!queue.isEmpty()) {
      int node = queue.poll();
      if (node == to) {
        return true;
      }
      boolean isRow = node < (twoWay ? rows : 1);
      if (isRow) {
        // Leave a row node through its cells, row-to-column.
        int rFrom = twoWay ? node : 0;
        int rTo = twoWay ? node : rows - 1;
        for (int r = rFrom; r <= rTo; r++) {
          for (int c = 0; c < cols; c++) {
            if ((r != skipR || c != skipC) && m.usable(r, c) && forward(m, r, c) && !seen[colNode(c)]) {
              seen[colNode(c)] = true;
              queue.add(colNode(c));
            }
          }
        }
      } else {
        int c = node - (twoWay ? rows : 1);
        for (int r = 0; r < rows; r++) {
          if ((r != skipR || c != skipC) && m.usable(r, c) && backward(m, r, c) && !seen[rowNode(r)]) {
            seen[rowNode(r)] = true;
            queue.add(rowNode(r));
          }
        }
      }
    }
    return false;
  }

  private void sameShape(SuppressionTable other) {
    if (other.rows != rows || other.cols != cols || other.twoWay != twoWay) {
      throw new IllegalArgumentException("tables differ in shape: " + rows + "x" + cols + " vs " + other.rows + "x"
          + other.cols);
    }
  }
}
