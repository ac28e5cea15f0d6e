package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.CallOutSummary;
import java.util.Arrays;
import java.util.Collection;

/** One caregiver's call-outs, immutable, sorted by when they were reported. */
final class CallOutTable {
  static final CallOutTable EMPTY = new CallOutTable(new long[0], new long[0]);
  static final long DAY = 86_400;
  static final long TWO_HOURS = 7_200;

  private final long[] reported;
  private final long[] notice;

  private CallOutTable(long[] reported, long[] notice) {
    this.reported = reported;
    this.notice = notice;
  }

  /** From rows of {reportedAt, shiftStart} in epoch seconds. */
  static CallOutTable of(Collection<long[]> rows) {
    long[][] sorted = rows.toArray(new long[0][]);
    Arrays.sort(sorted, (a, b) -> Long.compare(a[0], b[0]));
    long[] reported = new long[sorted.length];
    long[] notice = new long[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      reported[i] = sorted[i][0];
      notice[i] = sorted[i][1] - sorted[i][0];
    }
    return new CallOutTable(reported, notice);
  }

  CallOutSummary between(long from, long to) {
    int total = 0;
    int shortNotice = 0;
    int lastMinute = 0;
    for (int i = lowerBound(from); i < reported.length && reported[i] < to; i++) {
      total++;
      if (notice[i] < DAY) {
        shortNotice++;
      }
      if (notice[i] < TWO_HOURS) {
        lastMinute++;
      }
    }
    return total == 0 ? CallOutSummary.NONE : new CallOutSummary(total, shortNotice, lastMinute);
  }

  private int lowerBound(long t) {
    int lo = 0;
    int hi = reported.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (reported[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
