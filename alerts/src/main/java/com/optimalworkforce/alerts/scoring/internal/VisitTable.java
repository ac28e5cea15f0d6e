package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.core.model.VisitStatus;
import java.util.Arrays;
import java.util.Set;

/**
 * One caregiver's visits, immutable, sorted by start, with what the factors ask for precomputed:
 * worked days as a bit set and worked visits per client. About 33 bytes a visit.
 */
final class VisitTable {
  static final VisitTable EMPTY = new VisitTable(new long[0], new long[0], new long[0], new int[0], new byte[0],
      new int[0], 0);

  private static final int BOOKS = mask(VisitStatus.SCHEDULED, VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED);
  private static final int WORKED = mask(VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED);

  final long[] id;
  final long[] start;
  final long[] end;
  final int[] client;
  final byte[] status;
  final int[] day;
  final int size;
  private final long maxDuration;
  private final int firstDay;
  private final int firstWorkedDay;
  private final long[] workedDays;
  private final int[] clientKeys;
  private final int[] clientCounts;

  private VisitTable(long[] id, long[] start, long[] end, int[] client, byte[] status, int[] day, int size) {
    this.id = id;
    this.start = start;
    this.end = end;
    this.client = client;
    this.status = status;
    this.day = day;
    this.size = size;
    long maxDur = 0;
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    int firstWorked = Integer.MAX_VALUE;
    int workedCount = 0;
    for (int i = 0; i < size; i++) {
      maxDur = Math.max(maxDur, end[i] - start[i]);
      if (isWorked(status[i])) {
        minDay = Math.min(minDay, day[i]);
        maxDay = Math.max(maxDay, day[i]);
        firstWorked = Math.min(firstWorked, day[i]);
        workedCount++;
      }
    }
    this.maxDuration = maxDur;
    this.firstWorkedDay = firstWorked;
    this.firstDay = minDay;
    if (workedCount == 0) {
      workedDays = new long[0];
      clientKeys = new int[0];
      clientCounts = new int[0];
      return;
    }
    workedDays = new long[((maxDay - minDay) >> 6) + 1];
    int[] clients = new int[workedCount];
    int k = 0;
    for (int i = 0; i < size; i++) {
      if (isWorked(status[i])) {
        int d = day[i] - minDay;
        workedDays[d >> 6] |= 1L << (d & 63);
        clients[k++] = client[i];
      }
    }
    Arrays.sort(clients);
    int distinct = 0;
    for (int i = 0; i < clients.length; i++) {
      if (i == 0 || clients[i] != clients[i - 1]) {
        distinct++;
      }
    }
    clientKeys = new int[distinct];
    clientCounts = new int[distinct];
    int j = -1;
    for (int i = 0; i < clients.length; i++) {
      if (i == 0 || clients[i] != clients[i - 1]) {
        clientKeys[++j] = clients[i];
      }
      clientCounts[j]++;
    }
  }

  /** The table with the removed ids left out and the added rows merged in, sorted by start. */
  static VisitTable merge(VisitTable base, VisitColumns adds, Set<Long> removes) {
    int n = 0;
    int capacity = base.size + adds.size;
    long[] id = new long[capacity];
    long[] start = new long[capacity];
    long[] end = new long[capacity];
    int[] client = new int[capacity];
    byte[] status = new byte[capacity];
    int[] day = new int[capacity];
    for (int i = 0; i < base.size; i++) {
      if (!removes.isEmpty() && removes.contains(base.id[i])) {
        continue;
      }
      id[n] = base.id[i];
      start[n] = base.start[i];
      end[n] = base.end[i];
      client[n] = base.client[i];
      status[n] = base.status[i];
      day[n] = base.day[i];
      n++;
    }
    for (int i = 0; i < adds.size; i++) {
      id[n] = adds.id[i];
      start[n] = adds.start[i];
      end[n] = adds.end[i];
      client[n] = adds.client[i];
      status[n] = adds.status[i];
      day[n] = adds.day[i];
      n++;
    }
    int[] order = sortedOrder(start, n);
    return new VisitTable(permute(id, order), permute(start, order), permute(end, order), permute(client, order),
        permute(status, order), permute(day, order), n);
  }

  private static int[] sortedOrder(long[] start, int n) {
    int[] order = new int[n];
    if (n == 0) {
      return order;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, start[i]);
      max = Math.max(max, start[i]);
    }
    int indexBits = 64 - Long.numberOfLeadingZeros(n);
    if (max - min < (1L << (62 - indexBits)) && max - min >= 0) {
      // Sort packed (start, index) longs: no boxing, no comparator.
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((start[i] - min) << indexBits) | i;
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
    Arrays.sort(boxed, (a, b) -> Long.compare(start[a], start[b]));
    for (int i = 0; i < n; i++) {
      order[i] = boxed[i];
    }
    return order;
  }

  private static long[] permute(long[] a, int[] order) {
    long[] out = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = a[order[i]];
    }
    return out;
  }

  private static int[] permute(int[] a, int[] order) {
    int[] out = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = a[order[i]];
    }
    return out;
  }

  private static byte[] permute(byte[] a, int[] order) {
    byte[] out = new byte[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = a[order[i]];
    }
    return out;
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

  /** First row whose start is at or after {@code t}. */
  int lowerBound(long t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (start[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The row of a booked visit (not {@code exceptId}) overlapping {@code [from, to)}, or -1. */
  int bookedOverlap(long from, long to, long exceptId) {
    for (int i = lowerBound(to) - 1; i >= 0 && start[i] > from - maxDuration - 1; i--) {
      if (end[i] > from && start[i] < to && id[i] != exceptId && books(status[i])) {
        return i;
      }
    }
    return -1;
  }

  /** Booked seconds inside {@code [from, to)}, visit {@code exceptId} left out. */
  long bookedSeconds(long from, long to, long exceptId) {
    long total = 0;
    for (int i = lowerBound(from - maxDuration); i < size && start[i] < to; i++) {
      if (end[i] > from && id[i] != exceptId && books(status[i])) {
        total += Math.min(end[i], to) - Math.max(start[i], from);
      }
    }
    return total;
  }

  /** Visits starting in {@code [from, to)}. */
  int countStarting(long from, long to) {
    return Math.max(0, lowerBound(to) - lowerBound(from));
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
