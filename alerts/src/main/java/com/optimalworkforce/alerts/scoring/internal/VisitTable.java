package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.core.model.VisitStatus;
import java.util.Arrays;
import java.util.Set;

/**
 * One caregiver's visits, immutable, sorted by start, laid out for the ranking query: each row is
 * four adjacent longs (start, end, status | client | local day, booked seconds of the rows before
 * it), and a per-day jump table (UTC days) finds the rows of any instant in one step and a short
 * scan. The running total of booked seconds makes the hours booked in any span two lookups plus
 * the few rows that cross its edges; the pay weeks the ranking asks for are remembered (two of
 * them) on the table, which is replaced whenever the caregiver's visits change, so they are never
 * stale. Worked days (a bit set) and worked visits per client are precomputed. About 40 bytes a
 * visit.
 */
final class VisitTable {
  static final VisitTable EMPTY = build(new long[0], new long[0], 0);

  private static final long WEEK = 604_800;
  private static final long DAY = 86_400;
  /** Longs per row: start, end, meta, booked seconds of the rows before. */
  private static final int W = 4;
  private static final int BOOKS = mask(VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED);
  private static final int WORKED = mask(VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED);

  /** start, end, meta, booked-before for each row. */
  private final long[] rows;
  private final long[] ids;
  final int size;
  private final long maxDuration;
  private final long minUtcDay;
  /** dayFirstRow[d] is the first row starting at or after the start of UTC day minUtcDay + d. */
  private final int[] dayFirstRow;
  private final int firstDay;
  private final int firstWorkedDay;
  private final long[] workedDays;
  private final int[] clientKeys;
  private final int[] clientCounts;
  /** Booked seconds of all rows (the running total after the last row). */
  private final long bookedTotal;
  /** Pay weeks asked for, by parity of the week: racy but safe (immutable records, recomputable). */
  private BookedSpan evenWeek;
  private BookedSpan oddWeek;

  private record BookedSpan(long from, long to, long seconds) {}

  private VisitTable(long[] rows, long[] ids, int size, long maxDuration, long minUtcDay, int[] dayFirstRow,
      int firstDay, int firstWorkedDay, long[] workedDays, int[] clientKeys, int[] clientCounts, long bookedTotal) {
    this.rows = rows;
    this.ids = ids;
    this.size = size;
    this.maxDuration = maxDuration;
    this.minUtcDay = minUtcDay;
    this.dayFirstRow = dayFirstRow;
    this.firstDay = firstDay;
    this.firstWorkedDay = firstWorkedDay;
    this.workedDays = workedDays;
    this.clientKeys = clientKeys;
    this.clientCounts = clientCounts;
    this.bookedTotal = bookedTotal;
  }

  static long meta(byte status, int client, int day) {
    return (status & 0xffL) | ((client & 0xffffffL) << 8) | ((long) day << 32);
  }

  private static byte status(long meta) {
    return (byte) meta;
  }

  private static int client(long meta) {
    return (int) ((meta >>> 8) & 0xffffff);
  }

  private static int day(long meta) {
    return (int) (meta >> 32);
  }

  long start(int row) {
    return rows[W * row];
  }

  long end(int row) {
    return rows[W * row + 1];
  }

  private long meta(int row) {
    return rows[W * row + 2];
  }

  /** Booked seconds of the rows before {@code row} ({@code row == size} gives all of them). */
  private long bookedBefore(int row) {
    return row < size ? rows[W * row + 3] : bookedTotal;
  }

  /** The table with the removed ids left out and the added rows merged in. */
  static VisitTable merge(VisitTable base, VisitColumns adds, Set<Long> removes) {
    int capacity = base.size + adds.size;
    long[] rows = new long[W * capacity];
    long[] ids = new long[capacity];
    int n = 0;
    for (int i = 0; i < base.size; i++) {
      if (!removes.isEmpty() && removes.contains(base.ids[i])) {
        continue;
      }
      System.arraycopy(base.rows, W * i, rows, W * n, W);
      ids[n++] = base.ids[i];
    }
    for (int i = 0; i < adds.size; i++) {
      rows[W * n] = adds.start[i];
      rows[W * n + 1] = adds.end[i];
      rows[W * n + 2] = meta(adds.status[i], adds.client[i], adds.day[i]);
      ids[n++] = adds.id[i];
    }
    return build(rows, ids, n);
  }

  private static VisitTable build(long[] unsortedRows, long[] unsortedIds, int n) {
    int[] order = sortedOrder(unsortedRows, n);
    long[] rows = new long[W * n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(unsortedRows, W * order[i], rows, W * i, W);
      ids[i] = unsortedIds[order[i]];
    }
    long maxDur = 0;
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    int worked = 0;
    long booked = 0;
    for (int i = 0; i < n; i++) {
      long duration = rows[W * i + 1] - rows[W * i];
      maxDur = Math.max(maxDur, duration);
      long meta = rows[W * i + 2];
      rows[W * i + 3] = booked;
      if (books(status(meta))) {
        booked += Math.max(0, duration);
      }
      if (isWorked(status(meta))) {
        minDay = Math.min(minDay, day(meta));
        maxDay = Math.max(maxDay, day(meta));
        worked++;
      }
    }
    long minUtcDay = n == 0 ? 0 : Math.floorDiv(rows[0], DAY);
    long maxUtcDay = n == 0 ? -1 : Math.floorDiv(rows[W * (n - 1)], DAY);
    int[] dayFirstRow = new int[Math.toIntExact(maxUtcDay - minUtcDay + 2)];
    int row = 0;
    for (int d = 0; d < dayFirstRow.length; d++) {
      long dayStart = (minUtcDay + d) * DAY;
      while (row < n && rows[W * row] < dayStart) {
        row++;
      }
      dayFirstRow[d] = row;
    }
    if (worked == 0) {
      return new VisitTable(rows, ids, n, maxDur, minUtcDay, dayFirstRow, 0, Integer.MAX_VALUE, new long[0], new int[0],
          new int[0], booked);
    }
    long[] workedDays = new long[((maxDay - minDay) >> 6) + 1];
    int[] clients = new int[worked];
    int k = 0;
    for (int i = 0; i < n; i++) {
      long meta = rows[W * i + 2];
      if (isWorked(status(meta))) {
        int d = day(meta) - minDay;
        workedDays[d >> 6] |= 1L << (d & 63);
        clients[k++] = client(meta);
      }
    }
    Arrays.sort(clients);
    int distinct = 0;
    for (int i = 0; i < clients.length; i++) {
      if (i == 0 || clients[i] != clients[i - 1]) {
        distinct++;
      }
    }
    int[] keys = new int[distinct];
    int[] counts = new int[distinct];
    int j = -1;
    for (int i = 0; i < clients.length; i++) {
      if (i == 0 || clients[i] != clients[i - 1]) {
        keys[++j] = clients[i];
      }
      counts[j]++;
    }
    return new VisitTable(rows, ids, n, maxDur, minUtcDay, dayFirstRow, minDay, minDay, workedDays, keys, counts,
        booked);
  }

  /** The order of rows by start: packed (start, index) longs sorted, no boxing. */
  private static int[] sortedOrder(long[] rows, int n) {
    int[] order = new int[n];
    if (n == 0) {
      return order;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, rows[W * i]);
      max = Math.max(max, rows[W * i]);
    }
    int indexBits = 64 - Long.numberOfLeadingZeros(n);
    if (max - min >= 0 && max - min < (1L << (62 - indexBits))) {
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((rows[W * i] - min) << indexBits) | i;
      }
      Arrays.sort(keys);
      long indexMask = (1L << indexBits) - 1;
      for (int i = 0; i < n; i++) {
        order[i] = (int) (keys[i] & indexMask);
      }
      return order;
    }
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Long.compare(rows[W * a], rows[W * b]));
    for (int i = 0; i < n; i++) {
      order[i] = boxed[i];
    }
    return order;
  }

  private static int mask(VisitStatus... statuses) {
    int m = 0;
    for (VisitStatus s : statuses) {
      m |= 1 << s.ordinal();
    }
    return m;
  }

  static boolean isWorked(byte status) {
    return (WORKED & (1 << status)) != 0;
  }

  static boolean books(byte status) {
    return (BOOKS & (1 << status)) != 0;
  }

  /** First row whose start is at or after {@code t}: a jump to its UTC day, then a scan of that day's rows. */
  int lowerBound(long t) {
    long d = Math.floorDiv(t, DAY) - minUtcDay;
    if (d < 0) {
      return 0;
    }
    if (d >= dayFirstRow.length) {
      return size;
    }
    int i = dayFirstRow[(int) d];
    while (i < size && rows[W * i] < t) {
      i++;
    }
    return i;
  }

  /** The row of a booked visit (not {@code exceptId}) overlapping {@code [from, to)}, or -1. */
  int bookedOverlap(long from, long to, long exceptId) {
    long earliest = from - maxDuration;
    for (int i = lowerBound(to) - 1; i >= 0 && rows[W * i] >= earliest; i--) {
      if (rows[W * i + 1] > from && books(status(rows[W * i + 2])) && ids[i] != exceptId) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The ranking's hard-constraint query for a shift {@code [from, to)} starting in the pay week
   * {@code [weekStart, weekEnd)}: returns the first row (by start) of a booked visit other than
   * {@code exceptId} overlapping the shift, or -1 with the booked seconds inside the week, visit
   * {@code exceptId} left out, in {@code seconds[0]}. Only the rows that can overlap the shift are
   * read; the week's hours come from the running totals. A row of {@code exceptId} met there is
   * subtracted; pass {@code exceptMayBeElsewhere} when this caregiver may hold that visit at
   * another time (then the week's rows are checked for it).
   */
  int clashOrBooked(long weekStart, long weekEnd, long from, long to, long exceptId, boolean exceptMayBeElsewhere,
      long[] seconds) {
    long except = 0;
    for (int i = lowerBound(from - maxDuration); i < size; i++) {
      long start = rows[W * i];
      if (start >= to) {
        break;
      }
      long end = rows[W * i + 1];
      if (end <= from || !books(status(rows[W * i + 2]))) {
        continue;
      }
      if (ids[i] != exceptId) {
        return i;
      }
      except += overlap(start, end, weekStart, weekEnd);
    }
    seconds[0] = exceptMayBeElsewhere ? bookedSeconds(weekStart, weekEnd, exceptId)
        : bookedInPayWeek(weekStart, weekEnd) - except;
    return -1;
  }

  /** {@link #bookedSeconds(long, long)} of a pay week, remembered on this table (two weeks). */
  long bookedInPayWeek(long weekStart, long weekEnd) {
    boolean odd = (Math.floorDiv(weekStart, WEEK) & 1) != 0;
    BookedSpan s = odd ? oddWeek : evenWeek;
    if (s != null && s.from == weekStart && s.to == weekEnd) {
      return s.seconds;
    }
    long seconds = bookedSeconds(weekStart, weekEnd);
    if (size > 0) {
      s = new BookedSpan(weekStart, weekEnd, seconds);
      if (odd) {
        oddWeek = s;
      } else {
        evenWeek = s;
      }
    }
    return seconds;
  }

  /** Booked seconds inside {@code [from, to)}, visit {@code exceptId} left out. */
  long bookedSeconds(long from, long to, long exceptId) {
    long total = bookedSeconds(from, to);
    if (exceptId != 0) {
      for (int i = lowerBound(from - maxDuration), last = lowerBound(to); i < last; i++) {
        if (ids[i] == exceptId && books(status(rows[W * i + 2]))) {
          total -= overlap(rows[W * i], rows[W * i + 1], from, to);
        }
      }
    }
    return total;
  }

  /**
   * Booked seconds inside {@code [from, to)}: the running totals give the rows starting in the
   * span; rows crossing its edges are clipped (only those starting within the longest visit's
   * duration of an edge can).
   */
  long bookedSeconds(long from, long to) {
    if (to <= from || size == 0) {
      return 0;
    }
    int first = lowerBound(from);
    int last = lowerBound(to);
    long total = bookedBefore(last) - bookedBefore(first);
    long beforeFrom = from - maxDuration;
    for (int i = first - 1; i >= 0 && rows[W * i] >= beforeFrom; i--) {
      long end = rows[W * i + 1];
      if (end > from && books(status(rows[W * i + 2]))) {
        total += Math.min(end, to) - from; // started before the span, reaches into it
      }
    }
    long beforeTo = to - maxDuration;
    for (int i = last - 1; i >= first && rows[W * i] >= beforeTo; i--) {
      long end = rows[W * i + 1];
      if (end > to && books(status(rows[W * i + 2]))) {
        total -= end - to; // starts in the span, runs past its end
      }
    }
    return total;
  }

  private static long overlap(long start, long end, long from, long to) {
    return Math.max(0, Math.min(end, to) - Math.max(start, from));
  }

  /** Visits starting in {@code [from, to)}. */
  int countStarting(long from, long to) {
    return Math.max(0, lowerBound(to) - lowerBound(from));
  }

  /** Worked visits with the client that started before {@code before}, visit {@code exceptId} left out. */
  int workedWith(int clientIdx, long before, long exceptId) {
    int n = 0;
    for (int i = 0, last = lowerBound(before); i < last; i++) {
      long meta = rows[W * i + 2];
      if (client(meta) == clientIdx && isWorked(status(meta)) && ids[i] != exceptId) {
        n++;
      }
    }
    return n;
  }

  /** True when a worked visit started on that local day. */
  boolean workedOn(int epochDay) {
    int d = epochDay - firstDay;
    if (d < 0 || (d >> 6) >= workedDays.length) {
      return false;
    }
    return (workedDays[d >> 6] & (1L << (d & 63))) != 0;
  }

  /** The first local day with a worked visit, or {@link Integer#MAX_VALUE}. */
  int firstWorkedDay() {
    return firstWorkedDay;
  }

  /** Worked visits with the client. */
  int workedWith(int clientIdx) {
    int i = Arrays.binarySearch(clientKeys, clientIdx);
    return i >= 0 ? clientCounts[i] : 0;
  }
}
