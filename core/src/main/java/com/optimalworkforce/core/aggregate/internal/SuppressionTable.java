package com.optimalworkforce.core.aggregate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

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
 *
 * <p><b>Releases over time.</b> When the table is the next release of one published before
 * ({@link #previous}), an analyst holding both may take a cell whose count did not change to be the
 * same unknown in both (the strongest such analyst knows exactly which cells did not change).
 * The second table must then be a second <em>history</em>: one alternative per release, all
 * agreeing on every cell that did not change. {@link #protect} keeps such a history going with
 * three rules:
 * <ol>
 *   <li>a cell hidden last time whose count did not change stays hidden (publishing it would
 *       publish last time's value);
 *   <li>every alternative carried from the previous release ({@code carried}) is continued: it
 *       moves every unchanged cell exactly as before, and where a cell it moved changed to zero
 *       (zeros are shown) or out of its bounds, the move is routed through cells that changed
 *       since, which are hidden for it;
 *   <li>a hidden cell that changed is safe when a cycle through it uses only cells that changed
 *       (the analyst cannot tie those to the previous release), possibly on top of a continued
 *       alternative; complements are chosen among cells that changed, cells hidden last time first.
 * </ol>
 * The alternatives found are returned, to be carried to the next release. If an alternative
 * cannot be continued (no route through changed cells exists) or a hidden cell ends up with none,
 * {@link Result} counts it, and the caller warns: the release is still safe on its own.
 */
public final class SuppressionTable {
  private static final long UNBOUNDED = Long.MAX_VALUE;
  /** How many alternatives a cell's cycle search builds on (none included). */
  private static final int BASES_TRIED = 64;

  private final int rows;
  private final int cols;
  private final boolean twoWay;
  private final long[][] value;
  private final boolean[][] hidden;
  private final boolean[][] knownSafe;
  /** Changed since the previous release (everything, when there is none). */
  private final boolean[][] fresh;
  /** Hidden in the previous release. */
  private final boolean[][] wasHidden;
  /** Hidden cells that no complement here can protect (they did not change and lost their alternative). */
  private final boolean[][] givenUp;
  /** Each cell is at least this table's cell (visits are at least unfilled visits), or null. */
  private SuppressionTable lowerTable;
  /** Each cell is at most this table's cell (unfilled visits are at most visits), or null. */
  private SuppressionTable upperTable;
  private boolean history;
  /** Set for the last pass of {@link #protect}, which makes the release safe on its own whatever the history. */
  private boolean alone;
  /** Counts from 1 to this are small; 0 when the table holds no counts (hours). */
  private long threshold;
  /** The continued alternatives of the group being protected; empty outside {@link #protect}. */
  private List<Delta> bases = List.of();
  /** The cells of this table that some delta of {@code bases} moves; kept with it by {@link #useBases}. */
  private boolean[][] movedByBases;
  /** The tables protected together with this one (itself first or second); set by {@link #protect}. */
  private SuppressionTable[] group;

  private SuppressionTable(long[][] value, boolean twoWay) {
    this.rows = value.length;
    this.cols = value[0].length;
    this.twoWay = twoWay;
    this.value = value;
    this.hidden = new boolean[rows][cols];
    this.knownSafe = new boolean[rows][cols];
    this.fresh = new boolean[rows][cols];
    this.wasHidden = new boolean[rows][cols];
    this.givenUp = new boolean[rows][cols];
    this.movedByBases = new boolean[rows][cols];
    for (int r = 0; r < rows; r++) {
      Arrays.fill(fresh[r], true);
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

  /** True when the cell's count differs from the previous release's (always, without one). */
  public boolean changed(int r, int c) {
    return fresh[r][c];
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

  /**
   * Makes this table the next release of one published before: its exact cell values and which
   * cells it hid, laid out like this table (a cell it did not have is 0 and was not hidden).
   */
  public void previous(long[][] values, boolean[][] hiddenThen) {
    if (values.length != rows || hiddenThen.length != rows) {
      throw new IllegalArgumentException("previous release has " + values.length + " rows, not " + rows);
    }
    for (int r = 0; r < rows; r++) {
      if (values[r].length != cols || hiddenThen[r].length != cols) {
        throw new IllegalArgumentException("previous release row " + r + " has " + values[r].length + " cells, not "
            + cols);
      }
      for (int c = 0; c < cols; c++) {
        fresh[r][c] = values[r][c] != value[r][c];
        wasHidden[r][c] = hiddenThen[r][c] && values[r][c] != 0;
      }
    }
    history = true;
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
    this.lowerTable = other;
  }

  /** The attacker knows each cell is at most the other table's cell (unfilled visits are at most visits). */
  public void upperBounds(SuppressionTable other) {
    sameShape(other);
    this.upperTable = other;
  }

  /** A change of one cell in an alternative: {@code table} 0 is the table protected, 1 its partner. */
  public record Move(int table, int row, int col, int delta) {}

  /**
   * What {@link #protect} leaves for the next release.
   *
   * @param alternatives the alternatives that keep every hidden cell safe, to carry to the next release
   * @param notContinued carried alternatives that could not be continued through changed cells
   * @param unprotected hidden cells left without an alternative across releases (each still safe in
   *     this release alone)
   */
  public record Result(List<List<Move>> alternatives, int notContinued, int unprotected) {}

  /**
   * {@link #protect(SuppressionTable, SuppressionTable, List)} of a table published once, alone:
   * no previous release, and no alternatives recorded for a next one.
   */
  public static Result protect(SuppressionTable table, SuppressionTable partner) {
    return protect(table, partner, List.of(), false);
  }

  /**
   * Adds complementary suppression until every hidden cell is safe. With a {@code partner} (the
   * unfilled-visits table of a visits table, bound to it by {@link #lowerBounds}/{@link #upperBounds}),
   * both are protected together and a change of both tables along the same cycle also counts as
   * a second table. {@code carried} are the alternatives the previous release's protection
   * returned (none for the first of a series), moved to this table's rows and columns (moves of
   * cells this table lacks left out); the result's alternatives are for the next release.
   */
  public static Result protect(SuppressionTable table, SuppressionTable partner, List<List<Move>> carried) {
    return protect(table, partner, carried, true);
  }

  private static Result protect(SuppressionTable table, SuppressionTable partner, List<List<Move>> carried,
      boolean remember) {
    Objects.requireNonNull(carried, "carried");
    if (partner != null) {
      table.sameShape(partner);
    }
    SuppressionTable[] group = partner == null ? new SuppressionTable[] {table}
        : new SuppressionTable[] {table, partner};
    for (SuppressionTable t : group) {
      t.group = group;
      t.keepUnchangedHidden();
    }
    List<Delta> continued = new ArrayList<>();
    int notContinued = 0;
    for (List<Move> moves : carried) {
      Delta d = Delta.of(group, moves);
      if (d.onlyChangedCells()) {
        continue; // every cell it moved changed: the analyst cannot tie it to this release; it ends here
      }
      Delta carriedCopy = d.copy();
      if (d.extend() && d.isAlternativeTo(carriedCopy)) {
        d.addTo(continued);
      } else {
        notContinued++;
      }
    }
    useBases(group, continued);
    complement(table, partner);
    if (table.history || partner != null && partner.history) {
      // Cells left without an alternative across releases must still be safe in this release
      // alone: protect them as if there were no previous release.
      for (SuppressionTable t : group) {
        t.alone = true;
      }
      complement(table, partner);
      for (SuppressionTable t : group) {
        t.alone = false;
      }
    }
    if (!remember) {
      useBases(group, List.of());
      return new Result(List.of(), notContinued, 0);
    }
    // Record an alternative for every hidden cell, to carry to the next release.
    List<Delta> out = new ArrayList<>(continued);
    useBases(group, out);
    int unprotected = 0;
    for (SuppressionTable t : group) {
      SuppressionTable other = t == table ? partner : table;
      for (int r = 0; r < t.rows; r++) {
        for (int c = 0; c < t.cols; c++) {
          if (t.hidden[r][c] && !t.knownBefore(r, c) && !t.movedByBases[r][c]
              && !t.recordAlternative(r, c, other, out)) {
            if (!t.history) {
              throw new IllegalStateException("suppression failed to protect cell (" + r + ", " + c + ")");
            }
            unprotected++;
          }
        }
      }
    }
    List<List<Move>> alternatives = new ArrayList<>();
    for (Delta d : out) {
      alternatives.add(d.moves());
    }
    useBases(group, List.of());
    return new Result(List.copyOf(alternatives), notContinued, unprotected);
  }

  /**
   * Sets the alternatives the tables of a group build on, and which cells they move. The list may
   * only grow afterwards through {@link #recordAlternative}, which keeps the cells up to date.
   */
  private static void useBases(SuppressionTable[] group, List<Delta> list) {
    for (SuppressionTable t : group) {
      t.bases = list;
      t.movedByBases = new boolean[t.rows][t.cols];
    }
    for (Delta d : list) {
      d.markMoved();
    }
  }

  private static void complement(SuppressionTable table, SuppressionTable partner) {
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

  /** Complements come from cells that changed: after a previous release, except in the last pass. */
  private boolean changedOnly() {
    return history && !alone;
  }

  /** True when the hidden cell is provably not recoverable (see the class comment). */
  public boolean isSafe(int r, int c, SuppressionTable partner) {
    if (!hidden[r][c]) {
      return false;
    }
    if (knownSafe[r][c]) {
      return true;
    }
    if (alone) {
      // This release on its own: a cycle through hidden cells, changed or not.
      return cycleThrough(r, c, new Alone(null, false)) != null
          || partner != null && partner.hidden[r][c] && cycleThrough(r, c, new Joint(partner, null, false)) != null;
    }
    if (!history && (partner == null || !partner.history) && bases.isEmpty()) {
      // A table published once (or the first of a series): a cycle through hidden cells within
      // their bounds is a second table as it stands, so the search alone decides, as it did
      // before releases existed; nothing to build and check.
      boolean safe = cycleThrough(r, c, new Alone(null, false)) != null
          || partner != null && partner.hidden[r][c] && cycleThrough(r, c, new Joint(partner, null, false)) != null;
      knownSafe[r][c] = safe;
      return safe;
    }
    boolean safe = movedByBases[r][c] || fresh[r][c] && alternativeThrough(r, c, partner, false) != null;
    // More hidden cells only add edges to the graph, so a safe cell stays safe.
    knownSafe[r][c] = safe;
    return safe;
  }

  /**
   * Published in the previous release with the same count: its value is known already, so it
   * needs no alternative across releases (hidden now as a complement, it only keeps this release
   * safe on its own).
   */
  private boolean knownBefore(int r, int c) {
    return history && !fresh[r][c] && !wasHidden[r][c];
  }

  /** Rule 1 of the class comment: an unchanged cell hidden last time stays hidden. */
  private void keepUnchangedHidden() {
    if (!history) {
      return;
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (wasHidden[r][c] && !fresh[r][c] && value[r][c] != 0) {
          hidden[r][c] = true;
        }
      }
    }
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
        if (hidden[r][c] && (alone || !givenUp[r][c] && !knownBefore(r, c)) && !isSafe(r, c, partner)) {
          if (changedOnly()) {
            // An unchanged cell is safe only through a continued alternative; no complement adds one.
            // A changed one gets the cheapest cycle through changed cells, which are hidden for it.
            if (fresh[r][c] && hideCheapestCycle(r, c, partner)) {
              return true;
            }
            givenUp[r][c] = true; // counted in Result.unprotected
            continue;
          }
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

  /**
   * Hides the cells of the cheapest cycle through the hidden cell (r, c) along non-zero cells that
   * changed, alone or with the partner, on top of no alternative or a continued one; false if none.
   */
  private boolean hideCheapestCycle(int r, int c, SuppressionTable partner) {
    Built b = alternativeThrough(r, c, partner, true);
    if (b == null) {
      return false;
    }
    boolean hid = b.alternative.hideMoved();
    // Nothing new to hide: the alternative is there already, and the cell is safe.
    knownSafe[r][c] |= !hid && b.alternative.isAlternativeTo(b.base);
    return hid || knownSafe[r][c];
  }

  /** Hides one published non-zero cell (that changed) where {@code other} is hidden, nearest to (r, c) first. */
  private boolean hideUnder(SuppressionTable other, int r, int c) {
    int[] best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int rr = 0; rr < rows; rr++) {
      for (int cc = 0; cc < cols; cc++) {
        if (other.hidden[rr][cc] && !hidden[rr][cc] && value[rr][cc] > 0 && (fresh[rr][cc] || !changedOnly())) {
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

  /**
   * The cheapest published non-zero cell of the equation other than (hr, hc); parts before the
   * total. After a previous release, a cell that changed if there is one: an unchanged one is
   * known from that release.
   */
  private int[] bestComplement(int eq, int hr, int hc) {
    int[] best = bestComplement(eq, hr, hc, changedOnly());
    return best != null || !changedOnly() ? best : bestComplement(eq, hr, hc, false);
  }

  private int[] bestComplement(int eq, int hr, int hc, boolean changedOnly) {
    int[] best = null;
    if (isRowEquation(eq)) {
      for (int c = 0; c < cols; c++) {
        best = better(best, eq, c, hr, hc, false, changedOnly);
      }
    } else {
      int c = columnOf(eq);
      for (int r = 0; r < rows; r++) {
        best = better(best, r, c, hr, hc, true, changedOnly);
      }
    }
    return best;
  }

  /**
   * The better of two candidate complements. {@code otherIsRow}: the candidate's other equation is
   * its row (we are completing a column), else its column.
   */
  private int[] better(int[] best, int r, int c, int skipR, int skipC, boolean otherIsRow, boolean changedOnly) {
    if ((r == skipR && c == skipC) || hidden[r][c] || value[r][c] == 0 || changedOnly && !fresh[r][c]) {
      return best;
    }
    int[] candidate = {r, c, otherIsRow ? 1 : 0};
    if (best == null) {
      return candidate;
    }
    return compare(candidate, best) < 0 ? candidate : best;
  }

  /**
   * Orders candidates by the information they cost: part cells before totals; then cells hidden in
   * the previous release (the pattern stays as it was); then cells whose
   * other equation already holds exactly one hidden cell (hiding them completes two equations at
   * once), then cells next to two or more hidden cells, then cells that would start a new chain;
   * then the smaller value; then position, so the result is deterministic.
   */
  private int compare(int[] a, int[] b) {
    int byTotal = Boolean.compare(isTotal(a[0], a[1]), isTotal(b[0], b[1]));
    if (byTotal != 0) {
      return byTotal;
    }
    int byPattern = Boolean.compare(!wasHidden[a[0]][a[1]], !wasHidden[b[0]][b[1]]);
    if (byPattern != 0) {
      return byPattern;
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

  /** A published cell to hide next to (r, c), else anywhere; after a previous release, only cells that changed. */
  private int[] neighbourToHide(int r, int c) {
    int[] best = null;
    if (twoWay) {
      for (int cc = 0; cc < cols; cc++) {
        best = better(best, r, cc, r, c, false, changedOnly());
      }
    }
    for (int rr = 0; rr < rows; rr++) {
      best = better(best, rr, c, r, c, true, changedOnly());
    }
    if (best != null) {
      return best;
    }
    for (int rr = 0; rr < rows; rr++) {
      for (int cc = 0; cc < cols; cc++) {
        best = better(best, rr, cc, r, c, true, changedOnly());
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ alternatives (second tables)

  /**
   * A second table (or pair of tables, with the partner) as its difference from the true one:
   * {@code delta} per cell of each table of the group. A cycle of +1/-1 through hidden cells, or the
   * continuation of one carried from the previous release.
   */
  private static final class Delta {
    final SuppressionTable[] group;
    final int[][][] d;
    /** Caches of the cells, reset by {@link #changed}: the hash, and the cells moved (see {@link #moved}). */
    private int hash;
    private boolean hashed;
    private int[] moved;

    Delta(SuppressionTable[] group) {
      this.group = group;
      this.d = new int[group.length][][];
      for (int i = 0; i < group.length; i++) {
        d[i] = new int[group[i].rows][group[i].cols];
      }
    }

    static Delta of(SuppressionTable[] group, List<Move> moves) {
      Delta x = new Delta(group);
      for (Move m : moves) {
        if (m.table() < 0 || m.table() >= group.length || m.row() < 0 || m.row() >= group[m.table()].rows
            || m.col() < 0 || m.col() >= group[m.table()].cols) {
          throw new IllegalArgumentException("carried move " + m + " lies outside the table");
        }
        x.d[m.table()][m.row()][m.col()] += m.delta();
      }
      return x;
    }

    Delta copy() {
      Delta x = new Delta(group);
      for (int i = 0; i < group.length; i++) {
        for (int r = 0; r < d[i].length; r++) {
          x.d[i][r] = d[i][r].clone();
        }
      }
      return x;
    }

    /** This delta's cells of {@code t}, or null when {@code t} is not in its group. */
    int[][] of(SuppressionTable t) {
      for (int i = 0; i < group.length; i++) {
        if (group[i] == t) {
          return d[i];
        }
      }
      return null;
    }

    static int shift(Delta base, SuppressionTable t, int r, int c) {
      if (base == null) {
        return 0;
      }
      int[][] x = base.of(t);
      return x == null ? 0 : x[r][c];
    }

    /** Marks the cells this delta moves in each table's {@code movedByBases}. */
    void markMoved() {
      int[] m = moved();
      for (int k = 0; k < m.length; k += 3) {
        group[m[k]].movedByBases[m[k + 1]][m[k + 2]] = true;
      }
    }

    boolean onlyChangedCells() {
      for (int i = 0; i < group.length; i++) {
        for (int r = 0; r < d[i].length; r++) {
          for (int c = 0; c < d[i][r].length; c++) {
            if (d[i][r][c] != 0 && !group[i].fresh[r][c]) {
              return false;
            }
          }
        }
      }
      return true;
    }

    boolean touches(SuppressionTable t, int r, int c) {
      for (int i = 0; i < group.length; i++) {
        for (int cc = 0; cc < d[i][r].length; cc++) {
          if (d[i][r][cc] != 0) {
            return true;
          }
        }
        for (int rr = 0; rr < d[i].length; rr++) {
          if (d[i][rr][c] != 0) {
            return true;
          }
        }
      }
      return false;
    }

    /** This delta moves every cell {@code other} moves. */
    boolean coversAll(Delta other) {
      int[] m = other.moved();
      for (int k = 0; k < m.length; k += 3) {
        if (d[m[k]][m[k + 1]][m[k + 2]] == 0) {
          return false;
        }
      }
      return true;
    }

    /** Adds this delta to the list unless an equal one is there. */
    void addTo(List<Delta> list) {
      int h = hash();
      for (Delta x : list) {
        if (x.hash() == h && Arrays.deepEquals(x.d, d)) {
          return;
        }
      }
      list.add(this);
    }

    /** Every write to {@code d} after construction calls this. */
    void changed() {
      hashed = false;
      moved = null;
    }

    /**
     * The cells this delta moves, as (table, row, column) triples one after the other: most
     * alternatives move a handful of cells of tables with thousands.
     */
    private int[] moved() {
      if (moved == null) {
        int n = 0;
        for (int[][] t : d) {
          for (int[] row : t) {
            for (int x : row) {
              n += x != 0 ? 1 : 0;
            }
          }
        }
        int[] out = new int[3 * n];
        int k = 0;
        for (int i = 0; i < d.length; i++) {
          for (int r = 0; r < d[i].length; r++) {
            for (int c = 0; c < d[i][r].length; c++) {
              if (d[i][r][c] != 0) {
                out[k++] = i;
                out[k++] = r;
                out[k++] = c;
              }
            }
          }
        }
        moved = out;
      }
      return moved;
    }

    /** A hash of the cells moved and by how much: equal deltas have equal hashes. */
    private int hash() {
      if (!hashed) {
        int[] m = moved();
        int h = 1;
        for (int k = 0; k < m.length; k += 3) {
          h = 31 * (31 * (31 * (31 * h + m[k]) + m[k + 1]) + m[k + 2]) + d[m[k]][m[k + 1]][m[k + 2]];
        }
        hash = h;
        hashed = true;
      }
      return hash;
    }

    List<Move> moves() {
      int[] m = moved();
      Move[] out = new Move[m.length / 3];
      for (int k = 0; k < m.length; k += 3) {
        out[k / 3] = new Move(m[k], m[k + 1], m[k + 2], d[m[k]][m[k + 1]][m[k + 2]]);
      }
      return List.of(out);
    }

    void apply(SuppressionTable t, List<int[]> steps, boolean joint) {
      changed();
      for (int[] step : steps) {
        int raw = step[2] * t.sign(step[0], step[1]);
        if (joint) {
          for (int i = 0; i < group.length; i++) {
            d[i][step[0]][step[1]] += raw;
          }
        } else {
          of(t)[step[0]][step[1]] += raw;
        }
      }
    }

    /**
     * Checks what the searches promise, so that a slip can only cost a warning, never a false
     * guarantee: every table of the group is still a table (rows and columns add up), every
     * changed cell is hidden, non-zero and within the attacker's bounds, and every unchanged cell
     * moves exactly as in {@code before} (the previous release's alternative, or none: null).
     * Only a cell that this delta or {@code before} moves can fail a check, so only those are read.
     */
    boolean isAlternativeTo(Delta before) {
      int[] m = moved();
      for (int i = 0; i < group.length; i++) {
        SuppressionTable t = group[i];
        long[] excess = new long[t.nodeCount()];
        for (int k = 0; k < m.length; k += 3) {
          if (m[k] == i) {
            long bal = (long) d[i][m[k + 1]][m[k + 2]] * t.sign(m[k + 1], m[k + 2]);
            excess[t.rowNode(m[k + 1])] += bal;
            excess[t.colNode(m[k + 2])] -= bal;
          }
        }
        for (long e : excess) {
          if (e != 0) {
            return false;
          }
        }
      }
      return fits(m, before) && (before == null || fits(before.moved(), before));
    }

    /** The checks of {@link #isAlternativeTo} on the listed cells. */
    private boolean fits(int[] cells, Delta before) {
      for (int k = 0; k < cells.length; k += 3) {
        int i = cells[k];
        int r = cells[k + 1];
        int c = cells[k + 2];
        SuppressionTable t = group[i];
        if (!t.fresh[r][c] && d[i][r][c] != (before == null ? 0 : before.d[i][r][c])) {
          return false;
        }
        if (d[i][r][c] != 0 && (!t.hidden[r][c] || t.value[r][c] == 0 || !t.within(r, c, this))) {
          return false;
        }
      }
      return true;
    }

    /**
     * Continues a carried alternative into this release (rule 2 of the class comment): moves of
     * unchanged cells are kept; a changed cell stays in it (and hidden) while it is non-zero and
     * within its bounds, else its move is routed through other changed cells, hiding them. False
     * when no such route exists.
     */
    boolean extend() {
      boolean again = true;
      while (again) {
        again = false;
        for (int i = 0; i < group.length; i++) {
          SuppressionTable t = group[i];
          for (int r = 0; r < t.rows; r++) {
            for (int c = 0; c < t.cols; c++) {
              // A cell that changed to zero is shown now: it cannot be part of a second table.
              if (d[i][r][c] == 0 || t.value[r][c] != 0 && t.within(r, c, this)) {
                continue;
              }
              if (t.fresh[r][c]) {
                d[i][r][c] = 0;
                changed();
              } else if (!t.pullBound(r, c, this)) {
                return false;
              }
              again = true;
            }
          }
        }
      }
      if (!balance(true)) {
        return false;
      }
      hideMoved();
      return true;
    }

    /** Hides every cell this alternative moves: it is a second table only if they are hidden. */
    boolean hideMoved() {
      boolean hid = false;
      int[] m = moved();
      for (int k = 0; k < m.length; k += 3) {
        SuppressionTable t = group[m[k]];
        hid |= !t.hidden[m[k + 1]][m[k + 2]];
        t.hidden[m[k + 1]][m[k + 2]] = true;
      }
      return hid;
    }

    /**
     * Routes every table of the group back to a circulation; routing one table may push the other
     * (unfilled visits along with visits), so until both are. With {@code hideable}, through
     * published non-zero cells too (hidden as used). False if a route is missing.
     */
    boolean balance(boolean hideable) {
      for (int round = 0; round < 4 * group.length; round++) {
        boolean balanced = true;
        for (SuppressionTable t : group) {
          if (!t.balanced(this)) {
            balanced = false;
            if (!t.balance(this, hideable)) {
              return false;
            }
          }
        }
        if (balanced) {
          return true;
        }
      }
      return false;
    }
  }

  /** The cell's value in the alternative {@code base} is within what the attacker knows of it. */
  private boolean within(int r, int c, Delta base) {
    long v = value[r][c] + Delta.shift(base, this, r, c);
    return v >= lowest(r, c, base) && v <= highest(r, c, base);
  }

  private long lowest(int r, int c, Delta base) {
    long lo = 1;
    if (lowerTable != null) {
      lo = Math.max(lo, lowerTable.value[r][c] + Delta.shift(base, lowerTable, r, c));
    }
    return lo;
  }

  private long highest(int r, int c, Delta base) {
    return upperTable == null ? UNBOUNDED : upperTable.value[r][c] + Delta.shift(base, upperTable, r, c);
  }

  /**
   * An unchanged cell of a carried alternative is out of bounds because the bounding table's cell
   * changed (e.g. unfilled visits rose to the visits the alternative lowers): move that cell along,
   * if it changed and can. Its table is balanced afterwards.
   */
  private boolean pullBound(int r, int c, Delta base) {
    long v = value[r][c] + Delta.shift(base, this, r, c);
    if (lowerTable != null && base.of(lowerTable) != null && v < lowest(r, c, base)) {
      long need = lowest(r, c, base) - v;
      SuppressionTable l = lowerTable;
      long lv = l.value[r][c] + Delta.shift(base, l, r, c) - need;
      if (!l.fresh[r][c] || l.value[r][c] == 0 || lv < 1) {
        return false;
      }
      base.of(l)[r][c] -= (int) need;
      base.changed();
      return true;
    }
    if (upperTable != null && base.of(upperTable) != null && v > highest(r, c, base)) {
      long need = v - highest(r, c, base);
      SuppressionTable u = upperTable;
      if (!u.fresh[r][c] || u.value[r][c] == 0) {
        return false;
      }
      base.of(u)[r][c] += (int) need;
      base.changed();
      return true;
    }
    return false;
  }

  /**
   * Makes {@code base}'s cells of this table a circulation again (every row and column sums to
   * its total) by routing the surplus through non-zero cells that changed, cheapest first (hidden
   * ones, then ones hidden in the previous release, then others; totals last), hiding them.
   */
  private boolean balance(Delta base, boolean hideable) {
    int[][] d = base.of(this);
    long[] excess = new long[nodeCount()];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        long bal = (long) d[r][c] * sign(r, c);
        excess[rowNode(r)] += bal;
        excess[colNode(c)] -= bal;
      }
    }
    Moves m = new Pushing(base, hideable);
    for (int start = 0; start < excess.length; start++) {
      while (excess[start] < 0) {
        int[] end = new int[1];
        List<int[]> path = route(m, start, n -> excess[n] > 0, -1, -1, end);
        if (path == null) {
          return false;
        }
        base.apply(this, path, false);
        for (int[] step : path) {
          push(step[0], step[1], base);
        }
        excess[start]++;
        excess[end[0]]--;
      }
    }
    return true;
  }

  /** Every row and column of {@code base}'s cells of this table sums to zero (balanced form). */
  private boolean balanced(Delta base) {
    int[][] d = base.of(this);
    long[] excess = new long[nodeCount()];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (d[r][c] == 0) {
          continue;
        }
        long bal = (long) d[r][c] * sign(r, c);
        excess[rowNode(r)] += bal;
        excess[colNode(c)] -= bal;
      }
    }
    for (long e : excess) {
      if (e != 0) {
        return false;
      }
    }
    return true;
  }

  /** Moves the bounding table's cell along where this cell left its bounds (see {@link Pushing}). */
  private void push(int r, int c, Delta base) {
    long v = value[r][c] + Delta.shift(base, this, r, c);
    if (lowerTable != null && base.of(lowerTable) != null && v < lowest(r, c, base)) {
      base.of(lowerTable)[r][c] -= (int) (lowest(r, c, base) - v);
      base.changed();
    }
    if (upperTable != null && base.of(upperTable) != null && v > highest(r, c, base)) {
      base.of(upperTable)[r][c] += (int) (v - highest(r, c, base));
      base.changed();
    }
  }

  /**
   * Finds an alternative for the hidden cell (r, c) on top of one of {@code out} (or of none) and
   * records it: replacing the one it builds on when it moves every cell that one moved, else added.
   */
  private boolean recordAlternative(int r, int c, SuppressionTable partner, List<Delta> out) {
    if (!fresh[r][c]) {
      return false;
    }
    Built b = alternativeThrough(r, c, partner, false);
    if (b == null) {
      return false;
    }
    int at = b.base == null ? -1 : out.indexOf(b.base);
    if (at >= 0 && b.alternative.coversAll(b.base)) {
      out.set(at, b.alternative);
    } else {
      b.alternative.addTo(out);
    }
    // Either way the list now moves this alternative's cells too (one it replaced moved no others).
    b.alternative.markMoved();
    return true;
  }

  /** An alternative in which a hidden cell differs, and the continued one it builds on (null: none). */
  private record Built(Delta base, Delta alternative) {}

  /**
   * An alternative in which the hidden cell (r, c) differs, on top of no alternative first and then
   * of continued ones near the cell, through cells that changed (all of them, without a previous
   * release): a cycle in this table, or in this table and its partner together, or a cycle here
   * that pushes the partner's cells where the bound between them needs it, the partner then
   * re-routed. With {@code hideable}, published non-zero cells may be used too (the caller hides
   * them); without, only hidden cells. Null if there is none.
   */
  private Built alternativeThrough(int r, int c, SuppressionTable partner, boolean hideable) {
    Built built = alternativeOn(null, r, c, partner, hideable);
    if (built != null || bases.isEmpty()) {
      return built;
    }
    // Only now look for the continued alternatives worth building on: most cells need none.
    for (Delta base : basesFor(r, c)) {
      built = alternativeOn(base, r, c, partner, hideable);
      if (built != null) {
        return built;
      }
    }
    return null;
  }

  /** {@link #alternativeThrough} on top of one continued alternative ({@code base}), or of none (null). */
  private Built alternativeOn(Delta base, int r, int c, SuppressionTable partner, boolean hideable) {
    List<int[]> steps = cycleThrough(r, c, new Alone(base, hideable));
    boolean joint = false;
    if (steps == null && partner != null && (hideable || partner.hidden[r][c])) {
      steps = cycleThrough(r, c, new Joint(partner, base, hideable));
      joint = true;
    }
    Delta x;
    if (steps != null) {
      x = base == null ? new Delta(group) : base.copy();
      x.apply(this, steps, joint);
    } else if (partner != null && history) {
      x = base == null ? new Delta(group) : base.copy();
      steps = cycleThrough(r, c, new Pushing(x, hideable));
      if (steps == null) {
        return null;
      }
      x.apply(this, steps, false);
      for (int[] step : steps) {
        push(step[0], step[1], x);
      }
      if (!x.balance(hideable)) {
        return null;
      }
    } else {
      return null;
    }
    if (Delta.shift(x, this, r, c) == 0) {
      return null;
    }
    if (hideable || x.isAlternativeTo(base)) {
      return new Built(base, x);
    }
    return null;
  }

  /**
   * The continued alternatives a cycle through (r, c) may build on after none: those that move a
   * cell in its row or column, then the others, at most {@value #BASES_TRIED} with none included.
   */
  private List<Delta> basesFor(int r, int c) {
    List<Delta> tried = new ArrayList<>();
    for (Delta b : bases) {
      if (tried.size() < BASES_TRIED - 1 && b.touches(this, r, c)) {
        tried.add(b);
      }
    }
    for (Delta b : bases) {
      if (tried.size() < BASES_TRIED - 1 && !tried.contains(b)) {
        tried.add(b);
      }
    }
    return tried;
  }

  // ------------------------------------------------------------------ the witness search

  /** Which cells a second table may change, and in which direction. */
  private interface Moves {
    boolean usable(int r, int c);

    boolean canIncrease(int r, int c);

    boolean canDecrease(int r, int c);

    /** The price of using the cell in a route (0 for cycles, which use hidden cells only). */
    default int cost(int r, int c) {
      return 0;
    }

    /** True when some cells cost more than others (the route search is then a shortest-path search). */
    default boolean weighted() {
      return false;
    }
  }

  /**
   * Change this table only, by one from the alternative {@code base} (none: the true table),
   * within the attacker's bounds, through cells that changed since the previous release. With
   * {@code hideable}, published non-zero cells may be used too (they are hidden if they are).
   */
  private final class Alone implements Moves {
    private final Delta base;
    private final boolean hideable;

    Alone(Delta base, boolean hideable) {
      this.base = base;
      this.hideable = hideable;
    }

    @Override
    public boolean usable(int r, int c) {
      return (hidden[r][c] || hideable && value[r][c] != 0) && (fresh[r][c] || alone);
    }

    @Override
    public boolean canIncrease(int r, int c) {
      return value[r][c] + Delta.shift(base, SuppressionTable.this, r, c) + 1 <= highest(r, c, base);
    }

    @Override
    public boolean canDecrease(int r, int c) {
      return value[r][c] + Delta.shift(base, SuppressionTable.this, r, c) - 1 >= lowest(r, c, base);
    }

    @Override
    public int cost(int r, int c) {
      if (hidden[r][c]) {
        return 0;
      }
      return (wasHidden[r][c] ? 1 : 2) + (isTotal(r, c) ? 8 : 0);
    }

    @Override
    public boolean weighted() {
      return hideable;
    }
  }

  /**
   * For routes: like {@link Alone} with hideable cells, but a move that would cross the bound the
   * other table of the group sets (unfilled visits above visits) is allowed when that table's
   * cell changed too and can follow; {@link #push} then moves it, and that table is balanced next.
   */
  private final class Pushing implements Moves {
    private final Alone alone;
    private final Delta base;
    private final boolean hideable;

    Pushing(Delta base, boolean hideable) {
      this.alone = new Alone(base, hideable);
      this.base = base;
      this.hideable = hideable;
    }

    @Override
    public boolean usable(int r, int c) {
      return alone.usable(r, c);
    }

    @Override
    public boolean canIncrease(int r, int c) {
      return alone.canIncrease(r, c) || follows(upperTable, r, c, 1);
    }

    @Override
    public boolean canDecrease(int r, int c) {
      return alone.canDecrease(r, c)
          || value[r][c] + Delta.shift(base, SuppressionTable.this, r, c) - 1 >= 1 && follows(lowerTable, r, c, -1);
    }

    private boolean follows(SuppressionTable other, int r, int c, int direction) {
      if (other == null || base.of(other) == null || !other.fresh[r][c] || other.value[r][c] == 0
          || !hideable && !other.hidden[r][c]) {
        return false;
      }
      return direction > 0 || other.value[r][c] + Delta.shift(base, other, r, c) - 1 >= 1;
    }

    @Override
    public int cost(int r, int c) {
      return alone.cost(r, c);
    }

    @Override
    public boolean weighted() {
      return hideable;
    }
  }

  /** Change this table and its partner by the same amounts: their ordering is kept. */
  private final class Joint implements Moves {
    private final SuppressionTable partner;
    private final Delta base;
    private final boolean hideable;

    Joint(SuppressionTable partner, Delta base, boolean hideable) {
      this.partner = partner;
      this.base = base;
      this.hideable = hideable;
    }

    @Override
    public boolean usable(int r, int c) {
      boolean both = hideable ? value[r][c] != 0 && partner.value[r][c] != 0 : hidden[r][c] && partner.hidden[r][c];
      return both && (fresh[r][c] && partner.fresh[r][c] || alone);
    }

    @Override
    public int cost(int r, int c) {
      return (hidden[r][c] ? 0 : 2) + (partner.hidden[r][c] ? 0 : 2) + (isTotal(r, c) ? 8 : 0);
    }

    @Override
    public boolean weighted() {
      return hideable;
    }

    @Override
    public boolean canIncrease(int r, int c) {
      return true;
    }

    @Override
    public boolean canDecrease(int r, int c) {
      return value[r][c] + Delta.shift(base, SuppressionTable.this, r, c) >= 2
          && partner.value[r][c] + Delta.shift(base, partner, r, c) >= 2;
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

  private int nodeCount() {
    return (twoWay ? rows : 1) + cols;
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

  /** The steps {row, col, +1 forward / -1 backward} of a cycle through (r, c), or null. */
  private List<int[]> cycleThrough(int r, int c, Moves m) {
    if (!m.usable(r, c)) {
      return null;
    }
    if (forward(m, r, c)) {
      int to = rowNode(r);
      List<int[]> path = route(m, colNode(c), n -> n == to, r, c, new int[1]);
      if (path != null) {
        path.add(0, new int[] {r, c, 1});
        return path;
      }
    }
    if (backward(m, r, c)) {
      int to = colNode(c);
      List<int[]> path = route(m, rowNode(r), n -> n == to, r, c, new int[1]);
      if (path != null) {
        path.add(0, new int[] {r, c, -1});
        return path;
      }
    }
    return null;
  }

  /**
   * The cheapest path from node {@code from} to a node accepted by {@code target} (written to
   * {@code end}) through usable cells other than (skipR, skipC): rows are left through a cell
   * increasing it in balanced form, columns through a cell decreasing it. Null if none.
   */
  private List<int[]> route(Moves m, int from, IntPredicate target, int skipR, int skipC, int[] end) {
    if (!m.weighted()) {
      return breadthFirst(m, from, target, skipR, skipC, end);
    }
    int nodes = nodeCount();
    long[] dist = new long[nodes];
    Arrays.fill(dist, Long.MAX_VALUE);
    int[][] via = new int[nodes][]; // the step that reached the node: {row, col, dir, previous node}
    boolean[] done = new boolean[nodes];
    dist[from] = 0;
    while (true) {
      int node = -1;
      for (int n = 0; n < nodes; n++) {
        if (!done[n] && dist[n] != Long.MAX_VALUE && (node < 0 || dist[n] < dist[node])) {
          node = n;
        }
      }
      if (node < 0) {
        return null;
      }
      done[node] = true;
      if (node != from && target.test(node)) {
        end[0] = node;
        List<int[]> path = new ArrayList<>();
        for (int n = node; n != from; n = via[n][3]) {
          path.add(0, new int[] {via[n][0], via[n][1], via[n][2]});
        }
        return path;
      }
      boolean isRow = node < (twoWay ? rows : 1);
      if (isRow) {
        int rFrom = twoWay ? node : 0;
        int rTo = twoWay ? node : rows - 1;
        for (int r = rFrom; r <= rTo; r++) {
          for (int c = 0; c < cols; c++) {
            relax(m, r, c, skipR, skipC, node, colNode(c), 1, dist, via, done);
          }
        }
      } else {
        int c = node - (twoWay ? rows : 1);
        for (int r = 0; r < rows; r++) {
          relax(m, r, c, skipR, skipC, node, rowNode(r), -1, dist, via, done);
        }
      }
    }
  }

  /** {@link #route} when every usable cell costs the same: a breadth-first search. */
  private List<int[]> breadthFirst(Moves m, int from, IntPredicate target, int skipR, int skipC, int[] end) {
    int nodes = nodeCount();
    // The cell that reached each node (row, column) and the node it came from; the direction
    // follows from the node: a column node is entered forward, a row node backward.
    int[] viaRow = new int[nodes];
    int[] viaCol = new int[nodes];
    int[] viaNode = new int[nodes];
    boolean[] seen = new boolean[nodes];
    int[] queue = new int[nodes];
    int head = 0;
    int tail = 0;
    queue[tail++] = from;
    seen[from] = true;
    while (head < tail) {
      int node = queue[head++];
      if (node != from && target.test(node)) {
        end[0] = node;
        List<int[]> path = new ArrayList<>();
        for (int n = node; n != from; n = viaNode[n]) {
          path.add(0, new int[] {viaRow[n], viaCol[n], isRowNode(n) ? -1 : 1});
        }
        return path;
      }
      if (isRowNode(node)) {
        int rFrom = twoWay ? node : 0;
        int rTo = twoWay ? node : rows - 1;
        for (int r = rFrom; r <= rTo; r++) {
          for (int c = 0; c < cols; c++) {
            int next = colNode(c);
            if (!seen[next] && (r != skipR || c != skipC) && m.usable(r, c) && forward(m, r, c)) {
              seen[next] = true;
              viaRow[next] = r;
              viaCol[next] = c;
              viaNode[next] = node;
              queue[tail++] = next;
            }
          }
        }
      } else {
        int c = node - (twoWay ? rows : 1);
        for (int r = 0; r < rows; r++) {
          int next = rowNode(r);
          if (!seen[next] && (r != skipR || c != skipC) && m.usable(r, c) && backward(m, r, c)) {
            seen[next] = true;
            viaRow[next] = r;
            viaCol[next] = c;
            viaNode[next] = node;
            queue[tail++] = next;
          }
        }
      }
    }
    return null;
  }

  private boolean isRowNode(int node) {
    return node < (twoWay ? rows : 1);
  }

  private void relax(Moves m, int r, int c, int skipR, int skipC, int node, int next, int dir, long[] dist,
      int[][] via, boolean[] done) {
    if (done[next] || (r == skipR && c == skipC) || !m.usable(r, c)) {
      return;
    }
    if (dir > 0 ? !forward(m, r, c) : !backward(m, r, c)) {
      return;
    }
    long d = dist[node] + m.cost(r, c);
    if (d < dist[next]) {
      dist[next] = d;
      via[next] = new int[] {r, c, dir, node};
    }
  }

  private void sameShape(SuppressionTable other) {
    if (other.rows != rows || other.cols != cols || other.twoWay != twoWay) {
      throw new IllegalArgumentException("tables differ in shape: " + rows + "x" + cols + " vs " + other.rows + "x"
          + other.cols);
    }
  }
}
