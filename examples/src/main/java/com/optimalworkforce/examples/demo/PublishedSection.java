package com.optimalworkforce.examples.demo;

import com.optimalworkforce.core.aggregate.AggregateSink;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.store.ScheduleQuery;
import com.optimalworkforce.core.store.StoredRecord;
import com.optimalworkforce.core.sync.Integration;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Section 3: the aggregate snapshot as it leaves the agency (published through an
 * {@link AggregateSink} to a JSON file, and read back), and what did not leave.
 */
final class PublishedSection {
  private final PrintStream out;

  PublishedSection(DemoContext c) {
    this.out = c.out;
  }

  void run(Integration integration, Path outDir, ResultBuilder r) throws IOException {
    AggregateSnapshot saved = integration.latestSnapshot().orElseThrow(() -> new IllegalStateException(
        "No snapshot saved after the sync"));
    // The only way out of the agency: an AggregateSink, which accepts nothing but an AggregateSnapshot.
    // This one stands in for the upload to the platform and writes the JSON it would send.
    Path json = outDir.resolve(DemoRun.PUBLISHED_FILE).toAbsolutePath();
    AggregateSink platform = snapshot -> write(json, snapshot.toPrettyJson());
    platform.publish(saved);
    r.publishedJson = json;
    r.published = AggregateSnapshot.fromJson(Files.readString(json, StandardCharsets.UTF_8));
    AggregateTable table = AggregateTable.of(r.published, r.selected);
    out.println("  Published through an AggregateSink: " + json + " (" + String.format("%,d", Files.size(json))
        + " bytes of JSON, the snapshot saved after the last sync, as of " + DemoContext.when(r.published.asOf())
        + ").");
    out.println("  Policy: " + policy(r.published));
    out.println("  The file read back, one row per postal area (FSA) and region:");
    TablePrinter.of(AggregateTable.HEADERS, 2).rows(table.cells()).print(out, "  ");
    out.println("  " + table.suppressedCount() + ": suppressed, a count from 1 to "
        + r.published.policy().suppressionThreshold() + " or a cell hidden so it cannot be worked out from the totals;"
        + " hours are hidden wherever visits are.");
    r.withheld = withheld(integration, table.suppressedCells(), r.selected);
    out.println("  What did not leave (" + String.format("%,d", r.withheld.total()) + " values withheld):");
    out.println("    names of clients and caregivers: " + r.withheld.names());
    out.println("    record ids (clients, caregivers, visits, ...): " + r.withheld.ids());
    out.println("    full postal codes (only the FSA leaves): " + r.withheld.postalCodes());
    out.println("    street addresses: " + r.withheld.addresses());
    out.println("    home coordinates: " + r.withheld.locations());
    out.println("    exact small counts (cells shown as " + table.suppressedCount() + "): " + r.withheld.suppressedCells());
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String policy(AggregateSnapshot s) {
    var p = s.policy();
    return "counts 1-" + p.suppressionThreshold() + " suppressed, complementary suppression, "
        + (p.randomRoundingBase() == 0 ? "no random rounding" : "random rounding to " + p.randomRoundingBase())
        + ", HIPAA restricted ZIP3s reported as 000";
  }

  private static DemoResult.Withheld withheld(Integration integration, long suppressed, List<String> regions) {
    long[] n = new long[5];
    Set<String> postalCodes = new HashSet<>();
    try (Stream<StoredRecord> records = integration.scheduleStore().query(ScheduleQuery.builder()
        .regions(Set.copyOf(regions)).build())) {
      records.map(StoredRecord::record).forEach(rec -> {
        n[1]++;
        if (rec instanceof Client c) {
          n[0]++;
          if (c.postalCode() != null) {
            postalCodes.add(c.postalCode());
          }
          n[3] += c.address() != null ? 1 : 0;
          n[4] += c.location() != null ? 1 : 0;
        } else if (rec instanceof Caregiver g) {
          n[0]++;
          if (g.postalCode() != null) {
            postalCodes.add(g.postalCode());
          }
          n[4] += g.home() != null ? 1 : 0;
        }
      });
    }
    return new DemoResult.Withheld(n[0], n[1], postalCodes.size(), n[3], n[4], suppressed);
  }
}
