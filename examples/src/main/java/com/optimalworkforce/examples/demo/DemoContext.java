package com.optimalworkforce.examples.demo;

import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.aggregate.Figures;
import com.optimalworkforce.core.aggregate.Metric;
import com.optimalworkforce.core.aggregate.RegionSnapshot;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.sync.SyncWindow;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the demo's sections share: the output, the agency and its clock, the vault, and the
 * schedule view and match history that the synced changes feed.
 */
final class DemoContext {
  /** Reads the agency's 5 weeks of history and 2 weeks ahead whole, so the window's edges hold no record. */
  static final SyncWindow WINDOW = SyncWindow.of(Duration.ofDays(42), Duration.ofDays(24));
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z", Locale.ENGLISH);

  final PrintStream out;
  final boolean terminal;
  final SyntheticAgency agency;
  final MutableClock clock;
  final BehaviourProfiles profiles;
  final CredentialVault vault = CredentialVault.create(KeyProvider.of("demo-key", randomKey()));
  final ScheduleIndex index;
  final MatchHistory history = MatchHistory.create();
  /** The AlayaCare id of the open Friday 2 PM shift, whose backups the demo ranks. */
  String fridayAfternoonShift;

  DemoContext(PrintStream out, boolean terminal, SyntheticAgency agency) {
    this.out = out;
    this.terminal = terminal;
    this.agency = agency;
    this.clock = MutableClock.at(agency.now());
    this.profiles = agency.profiles().orElseThrow();
    this.index = ScheduleIndex.create(clock);
  }

  private static byte[] randomKey() {
    byte[] key = new byte[KeyProvider.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  void heading(String title) {
    out.println();
    out.println("== " + title + " ==");
  }

  /** The regions' totals of a snapshot: clients, caregivers, visits and hours. */
  void previewTable(AggregateSnapshot snapshot, List<String> regions) {
    AggregateTable cells = AggregateTable.of(snapshot, regions);
    TablePrinter table = TablePrinter.of(List.of("region", "clients", "caregivers", "visits", "hours"), 1);
    for (String regionId : regions) {
      Figures total = snapshot.region(regionId).map(RegionSnapshot::total).orElse(null);
      if (total == null) {
        continue;
      }
      table.row(List.of(regionId, cells.cell(total, Metric.ACTIVE_CLIENTS), cells.cell(total, Metric.ACTIVE_CAREGIVERS),
          cells.cell(total, Metric.VISITS), cells.cell(total, Metric.SERVICE_HOURS)));
    }
    table.print(out, "    ");
  }

  static String since(long nanoTime) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - nanoTime) / 1e9);
  }

  static String when(Instant instant) {
    return WHEN.format(instant.atZone(ZoneId.of("America/Toronto")));
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** "Sarah P.": how the demo shows a caregiver. */
  static String shortName(PersonName name) {
    String given = name.given() == null ? "" : name.given();
    return name.family() == null ? given : given + " " + name.family().charAt(0) + ".";
  }

  /** "Mrs. Anderson": how schedulers name a client. */
  static String formal(PersonName name) {
    return (name.prefix() == null ? "" : name.prefix() + " ") + (name.family() == null ? name.given() : name.family());
  }
}
