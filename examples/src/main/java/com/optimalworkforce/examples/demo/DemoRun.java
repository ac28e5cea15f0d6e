package com.optimalworkforce.examples.demo;

import com.optimalworkforce.alerts.engine.AlertEngine;
import com.optimalworkforce.alerts.notify.DashboardNotifier;
import com.optimalworkforce.alerts.routing.AlertRouting;
import com.optimalworkforce.alerts.routing.Recipient;
import com.optimalworkforce.alerts.routing.Route;
import com.optimalworkforce.alerts.rules.BuiltInRules;
import com.optimalworkforce.alerts.rules.MatchScorerBackups;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.scoring.MatchExclusion;
import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchRanking;
import com.optimalworkforce.alerts.scoring.MatchScore;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.connectors.alayacare.AlayaCareConnectorProvider;
import com.optimalworkforce.connectors.wellsky.WellSkyConnectorProvider;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.aggregate.Figures;
import com.optimalworkforce.core.aggregate.RegionSnapshot;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.security.AuditVerification;
import com.optimalworkforce.core.security.CredentialVault;
import com.optimalworkforce.core.security.FileAuditLog;
import com.optimalworkforce.core.security.KeyProvider;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.ScheduleQuery;
import com.optimalworkforce.core.store.StoredRecord;
import com.optimalworkforce.core.sync.Integration;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.core.sync.SyncWindow;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of the demo, section by section (README's first command runs it through
 * {@code com.optimalworkforce.examples.Demo}).
 *
 * <pre>{@code
 * DemoResult result = DemoRun.create(System.out, Path.of("target/demo"), false).run();
 * }</pre>
 */
public final class DemoRun {
  /** The synthetic agency: fixed seed, 3 regions, the behaviour profiles in the first one. */
  static final long SEED = 2026;
  /** Reads the agency's 5 weeks of history and 2 weeks ahead whole, so the window's edges hold no record. */
  static final SyncWindow WINDOW = SyncWindow.of(Duration.ofDays(42), Duration.ofDays(24));
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z", Locale.ENGLISH);

  private final PrintStream out;
  private final Path outDir;
  private final boolean terminal;
  private final long started = System.nanoTime();

  private final SyntheticAgency agency = agency();
  private final MutableClock clock = MutableClock.at(agency.now());
  private final BehaviourProfiles profiles = agency.profiles().orElseThrow();
  private final CredentialVault vault = CredentialVault.create(KeyProvider.of("demo-key", randomKey()));
  private final ScheduleIndex index = ScheduleIndex.create(clock);
  private final MatchHistory history = MatchHistory.create();
  /** The AlayaCare id of the open Friday 2 PM shift, whose backups the demo ranks. */
  private String fridayAfternoonShift;

  private DemoRun(PrintStream out, Path outDir, boolean terminal) {
    this.out = out;
    this.outDir = outDir;
    this.terminal = terminal;
  }

  /**
   * A run writing to {@code out} and into {@code outDir}.
   *
   * @param terminal true when {@code out} is a terminal: the progress bar then redraws one line
   */
  public static DemoRun create(PrintStream out, Path outDir, boolean terminal) {
    return new DemoRun(Objects.requireNonNull(out, "out"), Objects.requireNonNull(outDir, "outDir"), terminal);
  }

  /** The demo's synthetic agency, as it is before the demo changes it (a new instance each call). */
  public static SyntheticAgency agency() {
    return SyntheticAgency.builder().seed(SEED).regions(3).clients(300).caregivers(100).weeksOfHistory(5).weeksAhead(2)
        .build();
  }

  private static byte[] randomKey() {
    byte[] key = new byte[KeyProvider.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** Runs every section and returns what it produced. */
  public DemoResult run() {
    try {
      Files.createDirectories(outDir);
      Path work = Files.createTempDirectory("optimal-workforce-demo-");
      FileAuditLog audit = FileAuditLog.open(work.resolve("audit.jsonl"), clock);
      Builder r = new Builder();

      out.println("Optimal Workforce SDK demo: a synthetic home-care agency, served by two simulated scheduling");
      out.println("systems on this machine; nothing leaves it. Demo time: " + when(clock.instant()) + ".");
      heading("1. Simulators");
      try (AlayaCareSimulator alayaCare = AlayaCareSimulator.start(agency);
          WellSkyHomeConnectSimulator wellSky = WellSkyHomeConnectSimulator.builder(agency).clock(clock).build()) {
        out.println("  Agency: " + agency.regions().size() + " regions, " + agency.clients().size() + " clients, "
            + agency.caregivers().size() + " caregivers, " + String.format("%,d", agency.visits().count())
            + " visits (5 weeks of history, this week, 2 weeks ahead)");
        out.println("  AlayaCare External API simulator: " + alayaCare.baseUrl()
            + "  serves the agency: the source we sync (clients, caregivers, visits, availability, call-outs)");
        out.println("  WellSky Home Connect simulator:   " + wellSky.baseUrl()
            + "  serves the same agency: a second source we connect and preview");

        heading("2. Setup");
        try (Integration integration = alayaCareSetup(alayaCare, audit, r)) {
          wellSkySetup(wellSky, audit, r);
          heading("3. What leaves the agency");
          published(integration, r);
          heading("4. Alerts");
          alerts(alayaCare, audit, r);
        }
      }
      heading("5. Audit log");
      audit(audit, work, r);
      heading("6. Report");
      r.elapsed = Duration.ofNanos(System.nanoTime() - started);
      r.report = outDir.resolve("report.html").toAbsolutePath();
      DemoResult result = r.build();
      ReportWriter.write(result, clock.instant(), r.report);
      out.println("  Report written: " + r.report);
      out.println("  (aggregate table, alerts, weekly hours against capacity; open it in a browser, no network needed)");
      out.println();
      out.printf(Locale.ROOT, "Demo finished in %.1f s.%n", result.elapsed().toMillis() / 1000.0);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void heading(String title) {
    out.println();
    out.println("== " + title + " ==");
  }

  private static String since(long nanoTime) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - nanoTime) / 1e9);
  }

  private static String when(java.time.Instant instant) {
    return WHEN.format(instant.atZone(ZoneId.of("America/Toronto")));
  }

  // ------------------------------------------------------------------ 2. setup

  private Integration alayaCareSetup(AlayaCareSimulator sim, FileAuditLog audit, Builder r) {
    out.println("-- AlayaCare: the setup wizard --");
    ConnectorConfig entered = ConnectorConfig.builder(AlayaCareConnectorProvider.ID)
        .setting(AlayaCareConnectorProvider.BASE_URL, sim.baseUrl())
        .setting(AlayaCareConnectorProvider.PAGE_SIZE, "500")
        .setting(AlayaCareConnectorProvider.RATE_LIMIT, "2000")
        .secret(AlayaCareConnectorProvider.PUBLIC_KEY, Secret.of(sim.publicKey()))
        .secret(AlayaCareConnectorProvider.PRIVATE_KEY, Secret.of("a-typo-in-the-private-key"))
        .build();
    Integration integration = Integration.builder("agency-alayacare", new AlayaCareConnectorProvider())
        .config(entered).vault(vault).auditLog(audit).clock(clock).window(WINDOW).pageSize(500)
        .listener(index).listener(history).build();

    r.alayaCareWrongKey = integration.testConnection();
    out.println("  Test connection with a wrong private key:");
    out.println("    " + r.alayaCareWrongKey.message());
    r.alayaCareRightKey = integration.updateCredentials(Map.of(AlayaCareConnectorProvider.PRIVATE_KEY,
        sim.privateKey()));
    out.println("  Test connection with the right key pair:");
    out.println("    " + r.alayaCareRightKey.message());

    List<Region> regions = integration.availableRegions();
    r.regionsListed = regions.stream().map(Region::id).toList();
    out.println("  Regions available:");
    for (Region region : regions) {
      out.println("    " + region.id() + "  " + region.name() + " (" + region.zone() + ")");
    }
    r.selected = List.of(regions.get(0).id(), regions.get(1).id());
    r.selectedNames = List.of(regions.get(0).name(), regions.get(1).name());
    integration.selectRegions(new TreeSet<>(r.selected));
    out.println("  Selected: " + String.join(", ", r.selected));

    long t = System.nanoTime();
    r.preview = integration.preview();
    out.println("  Preview (read from AlayaCare in " + since(t) + ", nothing stored yet; counts of 1-10 show as <11):");
    previewTable(r.preview, r.selected);

    staffTomsShift();
    out.println("  Complete: the initial sync");
    ProgressBar bar = ProgressBar.on(out, terminal);
    t = System.nanoTime();
    r.initial = integration.complete(bar);
    bar.finish(r.initial.completed());
    r.progressShown = bar.percentShown();
    out.println("  " + summary(r.initial) + " (" + since(t) + ")");

    List<String> agencyRegions = r.selected.stream().map(branch -> agencyRegion(sim, branch)).toList();
    loadOfferLog(sim, agencyRegions);
    fridayAfternoonShift = Long.toString(sim.visitId(profiles.openFridayAfternoonVisit()));

    out.println("  Meanwhile in AlayaCare:");
    r.changes = changeSource(agencyRegions);
    out.println("    " + tomsShift() + ": the caregiver called out, the visit is open again (1 visit updated)");
    out.println("    " + (r.changes.updated() - 1) + " visits changed (each now ends 15 minutes later), "
        + r.changes.deleted() + " visits deleted, " + r.changes.created() + " client added");
    out.println("    expected at the next sync: created " + r.changes.created() + ", updated " + r.changes.updated()
        + ", deleted " + r.changes.deleted());
    clock.advance(Duration.ofMinutes(5));
    t = System.nanoTime();
    r.incremental = integration.syncNow();
    out.println("  Incremental sync: created " + r.incremental.created() + ", updated " + r.incremental.updated()
        + ", deleted " + r.incremental.deleted() + ", unchanged " + r.incremental.unchanged() + " ("
        + r.incremental.recordsRead() + " records re-read: AlayaCare has no 'changed since', content hashes tell; " + since(t) + ")");
    return integration;
  }

  /** The agency's id of an AlayaCare branch. */
  private String agencyRegion(AlayaCareSimulator sim, String branchId) {
    return agency.regions().stream().map(Region::id).filter(id -> Long.toString(sim.branchId(id)).equals(branchId))
        .findFirst().orElseThrow(() -> new IllegalStateException("AlayaCare branch " + branchId + " is unknown"));
  }

  private void previewTable(AggregateSnapshot snapshot, List<String> regions) {
    AggregateTable cells = AggregateTable.of(snapshot, regions);
    TablePrinter table = TablePrinter.of(List.of("region", "clients", "caregivers", "visits", "hours"), 1);
    for (String regionId : regions) {
      Figures total = snapshot.region(regionId).map(RegionSnapshot::total).orElse(null);
      if (total == null) {
        continue;
      }
      table.row(List.of(regionId, cells.cell(total, com.optimalworkforce.core.aggregate.Metric.ACTIVE_CLIENTS),
          cells.cell(total, com.optimalworkforce.core.aggregate.Metric.ACTIVE_CAREGIVERS),
          cells.cell(total, com.optimalworkforce.core.aggregate.Metric.VISITS),
          cells.cell(total, com.optimalworkforce.core.aggregate.Metric.SERVICE_HOURS)));
    }
    table.print(out, "    ");
  }

  private static String summary(SyncReport s) {
    return (s.completed() ? "Completed" : "FAILED: " + s.failure().orElse("")) + ": " + String.format("%,d",
        s.recordsRead()) + " records read in " + s.pages() + " pages; created " + s.created() + ", updated "
        + s.updated() + ", deleted " + s.deleted() + ", quarantined " + s.quarantined();
  }

  /**
   * Shift offers are not in AlayaCare's External API: agencies keep them in their offer tool. The
   * demo loads the agency's offer log, keyed to AlayaCare's ids, into the alert view and the
   * match scorer's history.
   */
  private void loadOfferLog(AlayaCareSimulator sim, List<String> selected) {
    Set<String> regions = Set.copyOf(selected);
    List<ShiftOffer> offers = agency.offers().filter(o -> regions.contains(agency.regionOfVisit(o.visitId())))
        .map(o -> ShiftOffer.builder().id(o.id()).visitId(Long.toString(sim.visitId(o.visitId())))
            .caregiverId(Long.toString(sim.employeeId(o.caregiverId()))).zone(o.zone()).shiftStart(o.shiftStart())
            .shiftEnd(o.shiftEnd()).serviceCode(o.serviceCode()).offeredAt(o.offeredAt()).outcome(o.outcome()).build())
        .toList();
    index.putAll(offers);
    history.loadAll(offers);
    out.println("  Offer log: " + offers.size() + " past shift offers loaded from the agency's offer tool (AlayaCare's"
        + " External API has none)");
  }

  /**
   * AlayaCare expresses a call-out as a cancelled visit, so the agency's open "Tom called out"
   * shift is staffed with Tom before the first sync and opened again between the syncs: the
   * incremental sync then shows the last-minute opening as it happens.
   */
  private void staffTomsShift() {
    Visit open = agency.visit(profiles.lastMinuteOpenVisit()).orElseThrow();
    agency.put(open.toBuilder().caregiverId(profiles.lastMinuteCallOut()).status(VisitStatus.SCHEDULED).build());
  }

  private String tomsShift() {
    Visit v = agency.visit(profiles.lastMinuteOpenVisit()).orElseThrow();
    String caregiver = agency.caregivers().stream().filter(c -> c.id().equals(profiles.lastMinuteCallOut()))
        .map(c -> c.name().given()).findFirst().orElse("the caregiver");
    String client = agency.clients().stream().filter(c -> c.id().equals(v.clientId())).map(c -> formal(c.name()))
        .findFirst().orElse("the client");
    return caregiver + "'s " + v.localStart().format(DateTimeFormatter.ofPattern("EEEE h a", Locale.ENGLISH))
        + " shift with " + client;
  }

  /** Changes the source between the syncs, away from the profiled caregivers of the first region. */
  private DemoResult.SourceChanges changeSource(List<String> selected) {
    String region = selected.get(1);
    Set<String> callOutVisits = agency.callOuts().map(CallOut::visitId).collect(Collectors.toSet());
    var window = WINDOW.at(clock.instant());
    List<String> changed = agency.changeVisits(v -> v.regionId().equals(region) && window.contains(v.start())
        && v.start().isAfter(agency.now()) && !callOutVisits.contains(v.id()), 0.01, 7);
    Set<String> changedIds = new HashSet<>(changed);
    List<String> deleted = agency.deleteVisits(v -> v.regionId().equals(region) && window.contains(v.start())
        && v.start().isAfter(agency.now()) && !callOutVisits.contains(v.id()) && !changedIds.contains(v.id()), 3, 8);
    Client template = agency.clients().stream().filter(c -> c.regionId().equals(region)).findFirst().orElseThrow();
    Client added = Client.builder().id("C99001").regionId(region).name(PersonName.of("Grace", "Newcomer", "Mrs."))
        .postalCode(template.postalCode()).active(true).build();
    agency.put(added);
    Visit toms = agency.visit(profiles.lastMinuteOpenVisit()).orElseThrow();
    agency.put(toms.toBuilder().caregiverId(null).status(VisitStatus.OPEN).build());
    return new DemoResult.SourceChanges(1, changed.size() + 1, deleted.size());
  }

  private void wellSkySetup(WellSkyHomeConnectSimulator sim, FileAuditLog audit, Builder r) {
    out.println();
    out.println("-- WellSky Home Connect: the same wizard, a second source --");
    ConnectorConfig entered = ConnectorConfig.builder("wellsky")
        .setting(WellSkyConnectorProvider.DIALECT, "home-connect")
        .setting("baseUrl", sim.baseUrl()).setting("tokenUrl", sim.tokenUrl())
        .setting(WellSkyConnectorProvider.CLIENT_ID, sim.clientId())
        .setting("requestsPerSecond", "1000")
        .secret(WellSkyConnectorProvider.CLIENT_SECRET, Secret.of("not-the-client-secret"))
        .build();
    try (Integration wellSky = Integration.builder("agency-wellsky", new WellSkyConnectorProvider())
        .config(entered).vault(vault).auditLog(audit).clock(clock).window(WINDOW)
        .scheduleStore(InMemoryScheduleStore.create()).build()) {
      r.wellSkyWrongSecret = wellSky.testConnection();
      out.println("  Test connection with a wrong client secret:");
      out.println("    " + r.wellSkyWrongSecret.message());
      r.wellSkyRightSecret = wellSky.updateCredentials(Map.of(WellSkyConnectorProvider.CLIENT_SECRET,
          sim.clientSecret()));
      out.println("  Test connection with the right one:");
      out.println("    " + r.wellSkyRightSecret.message());
      List<Region> regions = wellSky.availableRegions();
      out.println("  Regions available: " + regions.stream().map(g -> g.id() + " " + g.name())
          .collect(Collectors.joining(", ")));
      // Home Connect searches shifts per client and week: the preview of one region keeps the demo quick.
      List<String> same = regions.stream().filter(g -> r.selectedNames.get(0).equals(g.name())).map(Region::id)
          .toList();
      wellSky.selectRegions(new TreeSet<>(same));
      long t = System.nanoTime();
      r.wellSkyPreview = wellSky.preview();
      out.println("  Preview of " + String.join(", ", same) + " read from WellSky (the same agency seen through"
          + " another system; read in " + since(t) + "):");
      previewTable(r.wellSkyPreview, same);
    }
  }

  // ------------------------------------------------------------------ 3. aggregate

  private void published(Integration integration, Builder r) {
    r.published = integration.latestSnapshot().orElseThrow(() -> new IllegalStateException(
        "No snapshot saved after the sync"));
    AggregateTable table = AggregateTable.of(r.published, r.selected);
    out.println("  The AggregateSnapshot saved after the last sync (as of " + when(r.published.asOf())
        + "): one row per postal area (FSA) and region.");
    out.println("  Policy: " + policy(r.published));
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

  // ------------------------------------------------------------------ 4. alerts

  private void alerts(AlayaCareSimulator sim, FileAuditLog audit, Builder r) {
    MatchScorer scorer = MatchScorer.create(history, clock);
    DashboardNotifier dashboard = DashboardNotifier.create(clock);
    SchedulerInbox inbox = SchedulerInbox.create();
    Recipient schedulers = Recipient.builder("schedulers").dashboard("schedulers")
        .address(SchedulerInbox.CONSOLE, "scheduler-console").build();
    Channel[] channels = {Channel.DASHBOARD, SchedulerInbox.CONSOLE};
    AlertRouting routing = AlertRouting.builder()
        .channels(Severity.URGENT, channels).channels(Severity.WARNING, channels).channels(Severity.INFO, channels)
        .route(Route.builder().to(schedulers).build())
        .build();
    out.println("  AlertEngine with the 7 built-in rules at " + when(clock.instant()) + ", over the synced schedule;"
        + " notifiers: dashboard and the scheduler's console");
    try (AlertEngine engine = AlertEngine.builder(index, clock).rules(BuiltInRules.all(MatchScorerBackups.of(scorer)))
        .routing(routing).notifier(dashboard).notifier(inbox).auditLog(audit).build()) {
      var report = engine.evaluate();
      awaitDeliveries(engine);
      r.alerts = alertsInRuleOrder(engine.feed(AlertQuery.builder().openOnly(true).build()));
      out.println("  " + report.alerts() + " alerts from " + report.rulesRun().size() + " rules in "
          + report.elapsed().toMillis() + " ms; " + inbox.received().size() + " reached the console, "
          + dashboard.feed("schedulers", 1000).size() + " the dashboard feed");
      Map<String, List<Notification>> byRule = new LinkedHashMap<>();
      BuiltInRules.ids().forEach(id -> byRule.put(id, new ArrayList<>()));
      for (Notification n : inbox.received()) {
        byRule.computeIfAbsent(n.attribute(Notification.RULE).orElse("other"), k -> new ArrayList<>()).add(n);
      }
      byRule.forEach((rule, notes) -> {
        out.println();
        out.println("  [" + rule + "] " + notes.size() + " alert" + (notes.size() == 1 ? "" : "s"));
        notes.stream().sorted(Comparator.comparingInt((Notification n) -> -severityRank(n))
            .thenComparing(Notification::text)).limit(4).forEach(n ->
            out.println("    " + pad(n.attribute(Notification.SEVERITY).orElse(""), 7) + " " + n.text()));
        if (notes.size() > 4) {
          out.println("    ... and " + (notes.size() - 4) + " more");
        }
      });
      r.ranking = ranking(scorer);
    }
  }

  private void awaitDeliveries(AlertEngine engine) {
    try {
      if (!engine.awaitDeliveries(Duration.ofSeconds(30))) {
        out.println("  (some deliveries were still pending after 30 s)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the alert engine delivered notifications", e);
    }
  }

  private static int severityRank(Notification n) {
    return n.attribute(Notification.SEVERITY).map(s -> Severity.valueOf(s).ordinal()).orElse(0);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static List<AlertRecord> alertsInRuleOrder(List<AlertRecord> feed) {
    List<String> order = BuiltInRules.ids();
    List<AlertRecord> sorted = new ArrayList<>(feed);
    sorted.sort((a, b) -> {
      int byRule = Integer.compare(order.indexOf(a.alert().ruleId()), order.indexOf(b.alert().ruleId()));
      return byRule != 0 ? byRule : a.alert().message().compareTo(b.alert().message());
    });
    return sorted;
  }

  private MatchRanking ranking(MatchScorer scorer) {
    Visit shift = index.visit(fridayAfternoonShift).orElseThrow(() -> new IllegalStateException(
        "The open Friday 2 PM shift was not synced"));
    MatchRanking ranking = scorer.rank(shift);
    ZonedDateTime start = shift.start().atZone(shift.zone());
    String client = index.client(shift.clientId()).map(c -> formal(c.name())).orElse("the client");
    out.println();
    out.println("  Backups for the open " + start.format(DateTimeFormatter.ofPattern("EEEE h a", Locale.ENGLISH))
        + " shift with " + client + " (MatchScorer: chance each accepts if offered):");
    int rank = 0;
    for (MatchScore s : ranking.top(5)) {
      rank++;
      out.println("    " + rank + ". " + pad(shortName(s.caregiver().name()), 12) + String.format("%3d%%", s.percent())
          + "  " + s.reason());
    }
    out.println("    Excluded: " + ranking.excluded().size() + " caregivers");
    Map<String, Long> byReason = ranking.excluded().stream().collect(Collectors.groupingBy(
        e -> e.reason().description(), LinkedHashMap::new, Collectors.counting()));
    byReason.forEach((reason, count) -> out.println("      " + reason + ": " + count));
    for (MatchExclusion e : ranking.excluded().stream().limit(3).toList()) {
      out.println("      e.g. " + shortName(e.caregiver().name()) + ": " + e.reason().description()
          + (e.detail().isBlank() ? "" : " (" + e.detail() + ")"));
    }
    return ranking;
  }

  static String shortName(PersonName name) {
    String given = name.given() == null ? "" : name.given();
    return name.family() == null ? given : given + " " + name.family().charAt(0) + ".";
  }

  private static String formal(PersonName name) {
    return (name.prefix() == null ? "" : name.prefix() + " ") + (name.family() == null ? name.given() : name.family());
  }

  // ------------------------------------------------------------------ 5. audit

  private void audit(FileAuditLog audit, Path work, Builder r) throws IOException {
    r.audit = audit.verify();
    Map<String, Long> actions = audit.entries().stream().collect(Collectors.groupingBy(e -> e.action(),
        java.util.TreeMap::new, Collectors.counting()));
    out.println("  " + audit.path() + ": " + r.audit.entriesChecked() + " entries written by the integrations and the"
        + " alert engine");
    actions.forEach((action, count) -> out.println("    " + pad(action, 36) + count));
    out.println("  " + (r.audit.ok() ? "Audit chain verified: " + r.audit.entriesChecked()
        + " entries, each hash-chained to the one before" : "Audit chain BROKEN: " + r.audit.reason().orElse("")));
    Path copy = work.resolve("audit-tampered.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(audit.path(), StandardCharsets.UTF_8));
    int target = Math.min(2, lines.size() - 1);
    lines.set(target, lines.get(target).replaceFirst("\"integration\":\"agency-", "\"integration\":\"other-"));
    Files.write(copy, lines, StandardCharsets.UTF_8);
    r.tampered = FileAuditLog.open(copy, clock).verify();
    out.println("  A copy with entry " + (target + 1) + " edited: " + (r.tampered.ok() ? "verified (unexpected!)"
        : "fails verification at entry " + r.tampered.firstBrokenSequence().orElse(-1) + ": "
            + r.tampered.reason().orElse("")));
  }

  // ------------------------------------------------------------------ 6. capacity data

  private CapacitySeries capacity(String region, String name) {
    ZoneId zone = index.zone(region).orElseThrow();
    LocalDate current = index.payCalendar().weekOf(clock.instant(), zone);
    SortedMap<LocalDate, Double> weekly = index.weeklyHours(region);
    List<CapacitySeries.Week> weeks = new ArrayList<>();
    weekly.headMap(current).forEach((week, hours) -> weeks.add(new CapacitySeries.Week(week, hours, false)));
    weeks.add(new CapacitySeries.Week(current, weekly.getOrDefault(current, 0.0), true));
    double[] past = weekly.headMap(current).values().stream().mapToDouble(Double::doubleValue).filter(h -> h > 0)
        .toArray();
    double[] last = Arrays.copyOfRange(past, Math.max(0, past.length - 8), past.length);
    Arrays.sort(last);
    int n = last.length;
    double typical = n == 0 ? 0 : n % 2 == 1 ? last[n / 2] : (last[n / 2 - 1] + last[n / 2]) / 2;
    double trigger = Math.round(typical * 0.96 / 10.0) * 10.0;
    return new CapacitySeries(region, name, weeks, typical, trigger);
  }

  /** Collects the figures as the sections produce them. */
  private final class Builder {
    ConnectionCheck alayaCareWrongKey;
    ConnectionCheck alayaCareRightKey;
    ConnectionCheck wellSkyWrongSecret;
    ConnectionCheck wellSkyRightSecret;
    List<String> regionsListed = List.of();
    List<String> selected = List.of();
    List<String> selectedNames = List.of();
    AggregateSnapshot preview;
    AggregateSnapshot wellSkyPreview;
    SyncReport initial;
    int progressShown;
    DemoResult.SourceChanges changes;
    SyncReport incremental;
    AggregateSnapshot published;
    DemoResult.Withheld withheld;
    List<AlertRecord> alerts = List.of();
    MatchRanking ranking;
    AuditVerification audit;
    AuditVerification tampered;
    Path report;
    Duration elapsed;

    DemoResult build() {
      return new DemoResult(alayaCareWrongKey, alayaCareRightKey, wellSkyWrongSecret, wellSkyRightSecret,
          regionsListed, selected, preview, wellSkyPreview, initial, progressShown, changes, incremental, published,
          withheld, alerts, ranking, audit, tampered, capacity(selected.get(0), selectedNames.get(0)), report,
          elapsed);
    }
  }
}
