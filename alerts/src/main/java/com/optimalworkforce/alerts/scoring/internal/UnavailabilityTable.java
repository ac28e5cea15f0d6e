package com.optimalworkforce.alerts.scoring.internal;

import java.util.Arrays;
import java.util.Collection;

/** One caregiver's unavailability spans, immutable, sorted by start, in primitive arrays. */
final class UnavailabilityTable {
  static final UnavailabilityTable EMPTY = of(java.util.List.of());

  /** A span in epoch seconds with the source's reason (may be null), as indexed. */
  record Span(long start, long end, String reason) {}

  private final long[] starts;
  private final long[] ends;
  private final String[] reasons;
  private final long maxDuration;
  private final long lastEnd;

  private UnavailabilityTable(long[] starts, long[] ends, String[] reasons) {
    this.starts = starts;
    this.ends = ends;
    this.reasons = reasons;
    long max = 0;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < starts.length; i++) {
      max = Math.max(max, ends[i] - starts[i]);
      last = Math.max(last, ends[i]);
    }
    this.maxDuration = max;
    this.lastEnd = last;
  }

  /** The latest end of any span ({@link Long#MIN_VALUE} when there is none): nothing overlaps after it. */
  long lastEnd() {
    return lastEnd;
  }

  static UnavailabilityTable of(Collection<Span> spans) {
    Span[] sorted = spans.toArray(new Span[0]);
    Arrays.sort(sorted, (a, b) -> Long.compare(a.start, b.start));
    long[] starts = new long[sorted.length];
    long[] ends = new long[sorted.length];
    String[] reasons = new String[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      starts[i] = sorted[i].start;
      ends[i] = sorted[i].end;
      reasons[i] = sorted[i].reason;
    }
    return new UnavailabilityTable(starts, ends, reasons);
  }

  /** The index of a span overlapping {@code [from, to)}, or -1. */
  int overlapping(long from, long to) {
    if (starts.length == 0) {
      return -1;
    }
    int lo = 0;
    int hi = starts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] < to) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo - 1; i >= 0 && starts[i] >= from - maxDuration; i--) {
      if (ends[i] > from) {
        return i;
      }
    }
    return -1;
  }

  long start(int i) {
    return starts[i];
  }

  long end(int i) {
    return ends[i];
  }

  /** The reason, or null. */
  String reason(int i) {
    return reasons[i];
  }
}
