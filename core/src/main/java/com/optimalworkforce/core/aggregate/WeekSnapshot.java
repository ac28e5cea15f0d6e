package com.optimalworkforce.core.aggregate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The visit figures of one region for one ISO week: the regional total and each area's figures.
 * An area with no visit of any kind that week is left out (its figures are zero).
 *
 * <pre>{@code
 * for (WeekSnapshot week : region.weeks()) {
 *   week.week();                               // 2026-W47
 *   week.total().unfilledVisits();            // OptionalLong
 *   week.area(GeoArea.of("M4A")).visits();
 * }
 * }</pre>
 */
@JsonPropertyOrder({"week", "total", "areas"})
public final class WeekSnapshot {
  private final IsoWeek week;
  private final Figures total;
  private final SortedMap<GeoArea, Figures> areas;

  WeekSnapshot(IsoWeek week, Figures total, SortedMap<GeoArea, Figures> areas) {
    this.week = Objects.requireNonNull(week, "week");
    this.total = Objects.requireNonNull(total, "total");
    this.areas = Collections.unmodifiableSortedMap(new TreeMap<>(areas));
  }

  @JsonProperty("week")
  public IsoWeek week() {
    return week;
  }

  @JsonProperty("total")
  public Figures total() {
    return total;
  }

  /** Areas with any visit that week, in code order. */
  public SortedMap<GeoArea, Figures> areas() {
    return areas;
  }

  /** An area's figures; all zero when the area had no visit that week. */
  public Figures area(GeoArea area) {
    Objects.requireNonNull(area, "area");
    Figures f = areas.get(area);
    return f != null ? f : Publication.zeroWeek();
  }

  @JsonProperty("areas")
  Map<String, Figures> areasJson() {
    Map<String, Figures> out = new LinkedHashMap<>();
    areas.forEach((a, f) -> out.put(a.code(), f));
    return out;
  }

  @JsonCreator
  static WeekSnapshot fromJson(@JsonProperty("week") IsoWeek week, @JsonProperty("total") Figures total,
      @JsonProperty("areas") Map<String, Figures> areas) {
    return new WeekSnapshot(week, total, Publication.parseAreas(areas));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeekSnapshot w && w.week.equals(week) && w.total.equals(total) && w.areas.equals(areas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(week, total, areas);
  }

  @Override
  public String toString() {
    return "WeekSnapshot[" + week + ", total=" + total + ", areas=" + areas.size() + "]";
  }
}
