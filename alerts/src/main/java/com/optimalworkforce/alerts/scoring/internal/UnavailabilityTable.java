package com.optimalworkforce.alerts.scoring.internal;

import java.util.Arrays;
import java.util.Collection;

/** One caregiver's unavailability spans, immutable, sorted by start. */
final class UnavailabilityTable {
  static final UnavailabilityTable EMPTY = new UnavailabilityTable(new Span[0]);

  /** A span in epoch seconds with the source's reason (may be null). */
  record Span(long start, long end, String reason) {}

  private final Span[] spans;
  private final long maxDuration;

  private UnavailabilityTable(Span[] spans) {
    this.spans = spans;
    long max = 0;
    for (Span s : spans) {
      max = Math.max(max, s.end - s.start);
    }
    this.maxDuration = max;
  }

  static UnavailabilityTable of(Collection<Span> spans) {
    Span[] sorted = spans.toArray(new Span[0]);
    Arrays.sort(sorted, (a, b) -> Long.compare(a.start, b.start));
    return new UnavailabilityTable(sorted);
  }

  /** The first span overlapping {@code [from, to)}, or null. */
  Span overlapping(long from, long to) {
    int lo = 0;
    int hi = spans.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (spans[mid].start < to) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo - 1; i >= 0 && spans[i].start > from - maxDuration - 1; i--) {
      if (spans[i].end > from) {
        return spans[i];
      }
    }
    return null;
  }
}
