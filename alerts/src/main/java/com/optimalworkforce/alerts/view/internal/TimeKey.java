package com.optimalworkforce.alerts.view.internal;

import java.time.Instant;

/** Orders records by time, then id, so several records can share a start time. Not API. */
public record TimeKey(Instant time, String id) implements Comparable<TimeKey> {

  /** The smallest key at this time: a range bound. */
  public static TimeKey floor(Instant time) {
    return new TimeKey(time, "");
  }

  @Override
  public int compareTo(TimeKey o) {
    int c = time.compareTo(o.time);
    return c != 0 ? c : id.compareTo(o.id);
  }
}
