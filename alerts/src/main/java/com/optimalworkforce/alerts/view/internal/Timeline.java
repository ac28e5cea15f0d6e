package com.optimalworkforce.alerts.view.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Records of one kind sorted by a time, with range queries. Not thread-safe; the index guards it.
 * Not API.
 *
 * @param <T> the record type
 */
public final class Timeline<T> {
  private final TreeMap<TimeKey, T> byTime = new TreeMap<>();
  private final Function<T, Instant> time;
  private final Function<T, String> id;

  public Timeline(Function<T, Instant> time, Function<T, String> id) {
    this.time = time;
    this.id = id;
  }

  public void add(T record) {
    byTime.put(new TimeKey(time.apply(record), id.apply(record)), record);
  }

  public void remove(T record) {
    byTime.remove(new TimeKey(time.apply(record), id.apply(record)));
  }

  public boolean isEmpty() {
    return byTime.isEmpty();
  }

  public int size() {
    return byTime.size();
  }

  /** Records whose time is in {@code [from, to)}, in time order. */
  public List<T> between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return List.of();
    }
    // Copy by iterating once: a sub-map's size() would walk the range a second time.
    List<T> out = new ArrayList<>();
    for (T t : range(from, to)) {
      out.add(t);
    }
    return out;
  }

  /** A live view of the records in {@code [from, to)}; only while the index's lock is held. */
  public Collection<T> range(Instant from, Instant to) {
    return byTime.subMap(TimeKey.floor(from), true, TimeKey.floor(to), false).values();
  }

  /** Records whose time is before {@code to}, latest first; only while the lock is held. */
  public Collection<T> descendingBefore(Instant to) {
    return byTime.headMap(TimeKey.floor(to), false).descendingMap().values();
  }
}
