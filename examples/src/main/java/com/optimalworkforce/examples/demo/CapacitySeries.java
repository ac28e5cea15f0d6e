package com.optimalworkforce.examples.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Scheduled hours per pay week of one region, with its typical capacity and hiring trigger, as the
 * capacity rule computes them by default: the median of the previous pay weeks (up to 8, at least
 * 3) and 96% of it rounded to 10 hours.
 *
 * <pre>{@code
 * CapacitySeries s = result.capacity();
 * s.current().hours();   // this pay week, against s.typical() and s.hiringTrigger()
 * }</pre>
 *
 * @param regionId the region
 * @param regionName its name
 * @param weeks history weeks then the current one, oldest first
 * @param typical typical weekly capacity in hours
 * @param hiringTrigger the hiring trigger in weekly hours
 */
public record CapacitySeries(String regionId, String regionName, List<Week> weeks, double typical,
    double hiringTrigger) {

  public CapacitySeries {
    Objects.requireNonNull(regionId, "regionId");
    Objects.requireNonNull(regionName, "regionName");
    weeks = List.copyOf(weeks);
    if (weeks.isEmpty()) {
      throw new IllegalArgumentException("CapacitySeries of " + regionId + " has no week");
    }
  }

  /** The current pay week (the last one). */
  public Week current() {
    return weeks.get(weeks.size() - 1);
  }

  /**
   * One pay week.
   *
   * @param start the pay week's first day
   * @param hours scheduled hours (every visit but cancelled ones, filled or not)
   * @param current true for the current week
   */
  public record Week(LocalDate start, double hours, boolean current) {}
}
