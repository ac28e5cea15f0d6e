package com.optimalworkforce.examples;

import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.InMemoryConnector;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demo README's first command runs: a synthetic agency, a connection test with a wrong key and
 * the right one, region selection and a paged read of the schedule.
 *
 * <pre>{@code
 * mvn -B -q -Pdemo -DskipTests -pl examples -am package
 * }</pre>
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the demo, writing to {@code out}. */
  public static void run(PrintStream out) {
    SyntheticAgency agency = SyntheticAgency.builder().seed(2026).regions(3).clients(360).caregivers(120)
        .weeksOfHistory(4).weeksAhead(2).build();
    out.println("== Optimal Workforce SDK demo ==");
    out.println("Synthetic agency: " + agency);

    out.println();
    out.println("-- 1. Test connection --");
    try (Connector wrong = InMemoryConnector.builder(agency).apiKey(Secret.of("typo-in-the-key")).build()) {
      ConnectionCheck check = wrong.testConnection();
      out.println("With a wrong key:  " + check.message());
    }
    try (Connector connector = InMemoryConnector.builder(agency).apiKey(agency.apiKey()).build()) {
      ConnectionCheck check = connector.testConnection();
      out.println("With the right key: " + check.message());

      out.println();
      out.println("-- 2. Regions --");
      List<Region> regions = connector.listRegions();
      for (Region r : regions) {
        out.println("  " + r.id() + "  " + r.name() + " (" + r.zone() + ")");
      }
      Set<String> selected = new LinkedHashSet<>();
      selected.add(regions.get(0).id());
      selected.add(regions.get(1).id());
      out.println("Selected: " + selected);

      out.println();
      out.println("-- 3. Read the schedule --");
      TimeWindow window = TimeWindow.around(agency.now(), Duration.ofDays(28), Duration.ofDays(14));
      ReadRequest request = ReadRequest.builder(EntityType.VISIT).regions(selected).window(window).pageSize(500).build();
      Map<String, int[]> perRegion = new TreeMap<>();
      int pages = 0;
      long records = 0;
      while (request != null) {
        Page page = connector.read(request);
        pages++;
        for (SourceRecord r : page.records()) {
          Visit v = (Visit) r;
          int[] counts = perRegion.computeIfAbsent(v.regionId(), k -> new int[2]);
          counts[0]++;
          if (v.isUnfilled() && v.start().isAfter(agency.now())) {
            counts[1]++;
          }
        }
        records += page.records().size();
        long total = page.total().orElse(records);
        out.printf("  page %d: %d visits read of %d (%d%%)%n", pages, records, total, total == 0 ? 100 : records * 100 / total);
        request = page.next().map(request::withCursor).orElse(null);
      }
      out.println();
      out.printf("%-16s %8s %14s%n", "region", "visits", "open upcoming");
      perRegion.forEach((region, c) -> out.printf("%-16s %8d %14d%n", region, c[0], c[1]));
    }
  }
}
