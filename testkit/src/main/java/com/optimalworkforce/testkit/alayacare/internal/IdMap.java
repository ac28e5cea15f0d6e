package com.optimalworkforce.testkit.alayacare.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the synthetic agency's string ids the integer ids AlayaCare uses. Ids of the generator's
 * form ({@code C10001}, {@code E5001}, {@code V123}) map arithmetically, so they are the same in
 * every run; any other id (a record added with {@code put}) gets the next free number. Not API.
 */
public final class IdMap {
  /** Visits are numbered from here, so their ids never look like client or employee ids. */
  static final long VISIT_BASE = 1_000_000L;
  private static final long FREE_BASE = 900_000_000L;

  private final Pattern pattern;
  private final long base;
  private final AtomicLong next = new AtomicLong(FREE_BASE);
  private final Map<String, Long> interned = new ConcurrentHashMap<>();
  private final Map<Long, String> reverse = new ConcurrentHashMap<>();
  /** Ids already worked out: sorting and rendering ask for the same ones many times. */
  private final Map<String, Long> known = new ConcurrentHashMap<>();

  private IdMap(String prefix, long base) {
    this.pattern = Pattern.compile(Pattern.quote(prefix) + "(\\d{1,12})");
    this.base = base;
  }

  public static IdMap clients() {
    return new IdMap("C", 0);
  }

  public static IdMap employees() {
    return new IdMap("E", 0);
  }

  public static IdMap visits() {
    return new IdMap("V", VISIT_BASE);
  }

  /** Free-form keys (unavailability rules, services): numbered in order of first use. */
  public static IdMap sequence() {
    return new IdMap("\u0000", 0);
  }

  /** The AlayaCare id of an agency id. */
  public long id(String agencyId) {
    Long id = known.get(agencyId);
    if (id == null) {
      id = compute(agencyId);
      known.put(agencyId, id);
    }
    return id;
  }

  private long compute(String agencyId) {
    Matcher m = pattern.matcher(agencyId);
    if (m.matches()) {
      long n = base + Long.parseLong(m.group(1));
      if (n < FREE_BASE) {
        return n;
      }
    }
    return interned.computeIfAbsent(agencyId, k -> {
      long n = next.getAndIncrement();
      reverse.put(n, k);
      return n;
    });
  }

  /** The agency id of an AlayaCare id, or {@code null} when it was never given out. */
  public String agencyId(long id) {
    if (id >= FREE_BASE) {
      return reverse.get(id);
    }
    if (id < base) {
      return null;
    }
    String prefix = pattern.pattern().substring(2, pattern.pattern().indexOf("\\E"));
    return prefix + (id - base);
  }
}
