package com.optimalworkforce.alerts.rules.internal;

import com.optimalworkforce.alerts.rules.BackupFinder;
import com.optimalworkforce.alerts.rules.Recommendation;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers a finder's answer per shift version and limit for a while. Not API: see {@link BackupFinder#cached}. */
public final class CachedBackups implements BackupFinder {
  private static final int MAX_ENTRIES = 200_000;

  /** What a ranking depends on in the shift itself; cheaper to hash than the whole record. */
  private record Key(String id, Instant start, Instant end, VisitStatus status, String clientId,
      Set<String> skills, int limit) {
    static Key of(Visit v, int limit) {
      return new Key(v.id(), v.start(), v.end(), v.status(), v.clientId(), v.requiredSkills(), limit);
    }
  }

  private record Entry(List<Recommendation> recommendations, Instant until) {}

  private final BackupFinder finder;
  private final Duration ttl;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  public CachedBackups(BackupFinder finder, Duration ttl) {
    this.finder = finder;
    this.ttl = ttl;
  }

  @Override
  public List<Recommendation> find(Visit shift, ScheduleView view, Clock clock, int limit) {
    Instant now = clock.instant();
    Key key = Key.of(shift, limit);
    Entry e = entries.get(key);
    if (e != null && now.isBefore(e.until())) {
      return e.recommendations();
    }
    List<Recommendation> found = List.copyOf(finder.find(shift, view, clock, limit));
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(old -> !now.isBefore(old.until()));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(key, new Entry(found, now.plus(ttl)));
    return found;
  }

  @Override
  public String toString() {
    return "BackupFinder.cached[" + finder + ", " + ttl + "]";
  }
}
