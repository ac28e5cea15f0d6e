package com.optimalworkforce.examples.demo;

import com.optimalworkforce.alerts.view.ScheduleView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Scheduled hours per pay week of one region, with its typical capacity and hiring trigger, as the
 * capacity rule computes them by default: the median of the previous pay weeks (up to 8, at least
 * 3) and 96% of it rounded to 10 hours.
 *
 * <pre>{@code
 * CapacitySeries s = CapacitySeries.of(index, "101", "Toronto East", clock.instant());
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

  /**
   * The region's pay weeks up to the one holding {@code now}, from the view, with capacity and
   * hiring trigger by the capacity rule's defaults (8 weeks looked back, 3 needed, trigger 96%).
   *
   * @throws IllegalArgumentException when the view does not know the region
   */
  public static CapacitySeries of(ScheduleView view, String regionId, String regionName, Instant now) {
    ZoneId zone = view.zone(regionId).orElseThrow(() -> new IllegalArgumentException("Region '" + regionId
        + "' has no records in the schedule view"));
    LocalDate current = view.payCalendar().weekOf(now, zone);
    SortedMap<LocalDate, Double> weekly = view.weeklyHours(regionId);
    List<Week> weeks = new ArrayList<>();
    weekly.headMap(current).forEach((week, hours) -> weeks.add(new Week(week, hours, false)));
    weeks.add(new Week(current, weekly.getOrDefault(current, 0.0), true));
    double[] past = weekly.headMap(current).values().stream().mapToDouble(Double::doubleValue).filter(h -> h > 0)
        .toArray();
    double[] last = Arrays.copyOfRange(past, Math.max(0, past.length - 8), past.length);
    Arrays.sort(last);
    int n = last.length;
    double typical = n < 3 ? 0 : n % 2 == 1 ? last[n / 2] : (last[n / 2 - 1] + last[n / 2]) / 2;
    double trigger = Math.round(typical * 0.96 / 10.0) * 10.0;
    return new CapacitySeries(regionId, regionName, weeks, typical, trigger);
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
