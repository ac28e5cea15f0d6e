package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.core.model.VisitStatus;
import java.util.Arrays;
import java.util.Set;

/**
 * One caregiver's visits, immutable, sorted by start, laid out for the ranking query: each row is
 * three adjacent longs (start, end, status | client | local day), and a per-week jump table finds
 * the rows of any instant in one step instead of a binary search over the whole history. Worked
 * days (a bit set) and worked visits per client are precomputed. About 32 bytes a visit.
 */
final class VisitTable {
  static final VisitTable EMPTY = build(new long[0], new long[0], 0);

  private static final long WEEK = 604_800;
  private static final int BOOKS = mask(VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED);
  private static final int WORKED = mask(VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED);

  /** start, end, meta for each row. */
  private final long[] rows;
  private final long[] ids;
  final int size;
  private final long maxDuration;
  private final long minWeek;
  /** weekFirst[w] is the first row starting at or after the start of week minWeek + w. */
  private final int[] weekFirst;
  private final int firstDay;
  private final int firstWorkedDay;
  private final long[] workedDays;
  private final int[] clientKeys;
  private final int[] clientCounts;

  private VisitTable(long[] rows, long[] ids, int size, long maxDuration, long minWeek, int[] weekFirst, int firstDay,
      int firstWorkedDay, long[] workedDays, int[] clientKeys, int[] clientCounts) {
    this.rows = rows;
    this.ids = ids;
    this.size = size;
    this.maxDuration = maxDuration;
    this.minWeek = minWeek;
    this.weekFirst = weekFirst;
    this.firstDay = firstDay;
    this.firstWorkedDay = firstWorkedDay;
    this.workedDays = workedDays;
    this.clientKeys = clientKeys;
    this.clientCounts = clientCounts;
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
    return rows[3 * row];
  }

  long end(int row) {
    return rows[3 * row + 1];
  }

  /** The table with the removed ids left out and the added rows merged in. */
  static VisitTable merge(VisitTable base, VisitColumns adds, Set<Long> removes) {
    int capacity = base.size + adds.size;
    long[] rows = new long[3 * capacity];
    long[] ids = new long[capacity];
    int n = 0;
    for (int i = 0; i < base.size; i++) {
      if (!removes.isEmpty() && removes.contains(base.ids[i])) {
        continue;
      }
      System.arraycopy(base.rows, 3 * i, rows, 3 * n, 3);
      ids[n++] = base.ids[i];
    }
    for (int i = 0; i < adds.size; i++) {
      rows[3 * n] = adds.start[i];
      rows[3 * n + 1] = adds.end[i];
      rows[3 * n + 2] = meta(adds.status[i], adds.client[i], adds.day[i]);
      ids[n++] = adds.id[i];
    }
    return build(rows, ids, n);
  }

  private static VisitTable build(long[] unsortedRows, long[] unsortedIds, int n) {
    int[] order = sortedOrder(unsortedRows, n);
    long[] rows = new long[3 * n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(unsortedRows, 3 * order[i], rows, 3 * i, 3);
      ids[i] = unsortedIds[order[i]];
    }
    long maxDur = 0;
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    int worked = 0;
    for (int i = 0; i < n; i++) {
      maxDur = Math.max(maxDur, rows[3 * i + 1] - rows[3 * i]);
      long meta = rows[3 * i + 2];
      if (isWorked(status(meta))) {
        minDay = Math.min(minDay, day(meta));
        maxDay = Math.max(maxDay, day(meta));
        worked++;
      }
    }
    long minWeek = n == 0 ? 0 : Math.floorDiv(rows[0], WEEK);
    long maxWeek = n == 0 ? -1 : Math.floorDiv(rows[3 * (n - 1)], WEEK);
    int[] weekFirst = new int[(int) (maxWeek - minWeek + 2)];
    int row = 0;
    for (int w = 0; w < weekFirst.length; w++) {
      long weekStart = (minWeek + w) * WEEK;
      while (row < n && rows[3 * row] < weekStart) {
        row++;
      }
      weekFirst[w] = row;
    }
    if (worked == 0) {
      return new VisitTable(rows, ids, n, maxDur, minWeek, weekFirst, 0, Integer.MAX_VALUE, new long[0], new int[0],
          new int[0]);
    }
    long[] workedDays = new long[((maxDay - minDay) >> 6) + 1];
    int[] clients = new int[worked];
    int k = 0;
    for (int i = 0; i < n; i++) {
      long meta = rows[3 * i + 2];
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
    return new VisitTable(rows, ids, n, maxDur, minWeek, weekFirst, minDay, minDay, workedDays, keys, counts);
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
      min = Math.min(min, rows[3 * i]);
      max = Math.max(max, rows[3 * i]);
    }
    int indexBits = 64 - Long.numberOfLeadingZeros(n);
    if (max - min >= 0 && max - min < (1L << (62 - indexBits))) {
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((rows[3 * i] - min) << indexBits) | i;
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
    Arrays.sort(boxed, (a, b) -> Long.compare(rows[3 * a], rows[3 * b]));
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

  /** First row whose start is at or after {@code t}: a jump to its week, then a short scan. */
  int lowerBound(long t) {
    long w = Math.floorDiv(t, WEEK) - minWeek;
    if (w < 0) {
      return 0;
    }
    if (w >= weekFirst.length) {
      return size;
    }
    int i = weekFirst[(int) w];
    while (i < size && rows[3 * i] < t) {
      i++;
    }
    return i;
  }

  /** The row of a booked visit (not {@code exceptId}) overlapping {@code [from, to)}, or -1. */
  int bookedOverlap(long from, long to, long exceptId) {
    long earliest = from - maxDuration;
    for (int i = lowerBound(to) - 1; i >= 0 && rows[3 * i] >= earliest; i--) {
      if (rows[3 * i + 1] > from && books(status(rows[3 * i + 2])) && ids[i] != exceptId) {
        return i;
      }
    }
    return -1;
  }

  /**
   * One pass over the pay week {@code [weekStart, weekEnd)}: returns the row of a booked visit
   * (not {@code exceptId}) overlapping the shift {@code [from, to)}, or -1 with the booked seconds
   * inside the week left in {@code seconds[0]}. The shift must lie within the scanned span
   * {@code [weekStart - maxDuration, max(weekEnd, to))}, which a shift starting in the week does.
   */
  int scanWeek(long weekStart, long weekEnd, long from, long to, long exceptId, long[] seconds) {
    long total = 0;
    long scanTo = Math.max(weekEnd, to);
    for (int i = lowerBound(Math.min(weekStart, from) - maxDuration); i < size; i++) {
      long start = rows[3 * i];
      if (start >= scanTo) {
        break;
      }
      long end = rows[3 * i + 1];
      if (!books(status(rows[3 * i + 2])) || ids[i] == exceptId) {
        continue;
      }
      if (start < to && end > from) {
        return i;
      }
      if (end > weekStart && start < weekEnd) {
        total += Math.min(end, weekEnd) - Math.max(start, weekStart);
      }
    }
    seconds[0] = total;
    return -1;
  }

  /** Booked seconds inside {@code [from, to)}, visit {@code exceptId} left out. */
  long bookedSeconds(long from, long to, long exceptId) {
    long total = 0;
    for (int i = lowerBound(from - maxDuration); i < size && rows[3 * i] < to; i++) {
      long end = rows[3 * i + 1];
      if (end > from && books(status(rows[3 * i + 2])) && ids[i] != exceptId) {
        total += Math.min(end, to) - Math.max(rows[3 * i], from);
      }
    }
    return total;
  }

  /** Visits starting in {@code [from, to)}. */
  int countStarting(long from, long to) {
    return Math.max(0, lowerBound(to) - lowerBound(from));
  }

  /** Worked visits with the client that started before {@code before}, visit {@code exceptId} left out. */
  int workedWith(int clientIdx, long before, long exceptId) {
    int n = 0;
    for (int i = 0, last = lowerBound(before); i < last; i++) {
      long meta = rows[3 * i + 2];
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
