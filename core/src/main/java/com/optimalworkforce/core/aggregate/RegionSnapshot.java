package com.optimalworkforce.core.aggregate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The published figures of one region: its totals, each area's figures for the window, and the
 * visit figures of every ISO week.
 *
 * <pre>{@code
 * RegionSnapshot east = snapshot.region("toronto-east").orElseThrow();
 * east.total().activeCaregivers();              // OptionalLong[180]
 * east.area(GeoArea.of("M4A")).activeClients(); // OptionalLong[120], or empty if suppressed
 * east.week(IsoWeek.parse("2026-W47")).map(WeekSnapshot::total);
 * }</pre>
 */
@JsonPropertyOrder({"regionId", "total", "areas", "weeks"})
public final class RegionSnapshot {
  private final String regionId;
  private final Figures total;
  private final SortedMap<GeoArea, Figures> areas;
  private final List<WeekSnapshot> weeks;

  RegionSnapshot(String regionId, Figures total, SortedMap<GeoArea, Figures> areas, List<WeekSnapshot> weeks) {
    this.regionId = Objects.requireNonNull(regionId, "regionId");
    this.total = Objects.requireNonNull(total, "total");
    this.areas = Collections.unmodifiableSortedMap(new TreeMap<>(areas));
    this.weeks = List.copyOf(weeks);
  }

  @JsonProperty("regionId")
  public String regionId() {
    return regionId;
  }

  /** The regional totals for the window. */
  @JsonProperty("total")
  public Figures total() {
    return total;
  }

  /** Each area's figures for the window, in code order. */
  public SortedMap<GeoArea, Figures> areas() {
    return areas;
  }

  /** An area's window figures; all zero when the area has none. */
  public Figures area(GeoArea area) {
    Objects.requireNonNull(area, "area");
    Figures f = areas.get(area);
    return f != null ? f : Publication.zeroWindow();
  }

  /** Weeks with any visit, in order. */
  @JsonProperty("weeks")
  public List<WeekSnapshot> weeks() {
    return weeks;
  }

  public Optional<WeekSnapshot> week(IsoWeek week) {
    Objects.requireNonNull(week, "week");
    return weeks.stream().filter(w -> w.week().equals(week)).findFirst();
  }

  @JsonProperty("areas")
  Map<String, Figures> areasJson() {
    Map<String, Figures> out = new LinkedHashMap<>();
    areas.forEach((a, f) -> out.put(a.code(), f));
    return out;
  }

  @JsonCreator
  static RegionSnapshot fromJson(@JsonProperty("regionId") String regionId, @JsonProperty("total") Figures total,
      @JsonProperty("areas") Map<String, Figures> areas, @JsonProperty("weeks") List<WeekSnapshot> weeks) {
    return new RegionSnapshot(regionId, total, Publication.parseAreas(areas), weeks == null ? List.of() : weeks);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegionSnapshot r && r.regionId.equals(regionId) && r.total.equals(total)
        && r.areas.equals(areas) && r.weeks.equals(weeks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(regionId, total, areas, weeks);
  }

  @Override
  public String toString() {
    return "RegionSnapshot[" + regionId + ", total=" + total + ", areas=" + areas.size() + ", weeks=" + weeks.size()
        + "]";
  }
}
