package com.optimalworkforce.examples.demo;

import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.aggregate.Figures;
import com.optimalworkforce.core.aggregate.GeoArea;
import com.optimalworkforce.core.aggregate.Metric;
import com.optimalworkforce.core.aggregate.RegionSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The published snapshot as a table: one row per region and area (then the region's total), one
 * column per metric; a suppressed count reads {@code <11} (under the default threshold of 10),
 * suppressed hours read {@code hidden}. The console and the HTML report print the same cells.
 *
 * <pre>{@code
 * AggregateTable table = AggregateTable.of(integration.latestSnapshot().orElseThrow(), regions);
 * TablePrinter.of(AggregateTable.HEADERS, 2).rows(table.cells()).print(out, "  ");
 * }</pre>
 */
public final class AggregateTable {
  /** Column headers: two label columns, then the metrics in {@link #METRICS} order. */
  public static final List<String> HEADERS = List.of("region", "area", "clients", "caregivers", "visits", "hours",
      "unfilled", "cancelled");
  /** The metric of each figure column. */
  public static final List<Metric> METRICS = List.of(Metric.ACTIVE_CLIENTS, Metric.ACTIVE_CAREGIVERS, Metric.VISITS,
      Metric.SERVICE_HOURS, Metric.UNFILLED_VISITS, Metric.CANCELLED_VISITS);
  /** The area label of a region's total row. */
  public static final String TOTAL = "total";
  /** What a suppressed hours cell shows. */
  public static final String HIDDEN_HOURS = "hidden";

  private final AggregateSnapshot snapshot;
  private final List<String> regions;

  private AggregateTable(AggregateSnapshot snapshot, List<String> regions) {
    this.snapshot = snapshot;
    this.regions = List.copyOf(regions);
  }

  public static AggregateTable of(AggregateSnapshot snapshot, List<String> regions) {
    return new AggregateTable(Objects.requireNonNull(snapshot, "snapshot"), Objects.requireNonNull(regions, "regions"));
  }

  /** What a suppressed count shows: {@code <11} under the default threshold. */
  public String suppressedCount() {
    return "<" + (snapshot.policy().suppressionThreshold() + 1);
  }

  /** Rows of cells: region, area, then one per metric. */
  public List<List<String>> cells() {
    List<List<String>> out = new ArrayList<>();
    for (String regionId : regions) {
      RegionSnapshot region = snapshot.region(regionId).orElse(null);
      if (region == null) {
        continue;
      }
      region.areas().forEach((area, figures) -> out.add(row(regionId, label(area), figures)));
      out.add(row(regionId, TOTAL, region.total()));
    }
    return out;
  }

  /** Published cells hidden in the rows of {@link #cells()}. */
  public long suppressedCells() {
    long n = 0;
    for (String regionId : regions) {
      RegionSnapshot region = snapshot.region(regionId).orElse(null);
      if (region == null) {
        continue;
      }
      for (Figures f : region.areas().values()) {
        n += METRICS.stream().filter(f::suppressed).count();
      }
      n += METRICS.stream().filter(region.total()::suppressed).count();
    }
    return n;
  }

  static String label(GeoArea area) {
    return area.code();
  }

  private List<String> row(String regionId, String area, Figures f) {
    List<String> row = new ArrayList<>();
    row.add(regionId);
    row.add(area);
    for (Metric m : METRICS) {
      row.add(cell(f, m));
    }
    return row;
  }

  /** The text of one figure. */
  public String cell(Figures f, Metric m) {
    if (f.suppressed(m)) {
      return m == Metric.SERVICE_HOURS ? HIDDEN_HOURS : suppressedCount();
    }
    if (m == Metric.SERVICE_HOURS) {
      return f.serviceHours().isPresent() ? String.format(Locale.ROOT, "%.1f", f.serviceHours().getAsDouble()) : "";
    }
    return f.count(m).isPresent() ? Long.toString(f.count(m).getAsLong()) : "";
  }
}
