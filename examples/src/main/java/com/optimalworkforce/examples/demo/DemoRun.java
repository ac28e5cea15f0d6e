package com.optimalworkforce.examples.demo;

import com.optimalworkforce.core.security.FileAuditLog;
import com.optimalworkforce.core.sync.Integration;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One run of the demo, section by section (README's first command runs it through
 * {@code com.optimalworkforce.examples.Demo}): simulators, setup, what leaves the agency, alerts,
 * audit log, report. Each section prints under a {@code == N. Title ==} heading.
 *
 * <pre>{@code
 * DemoResult result = DemoRun.create(System.out, Path.of("target/demo"), false).run();
 * result.report();   // the absolute path of report.html
 * }</pre>
 */
public final class DemoRun {
  /** The synthetic agency's seed. */
  static final long SEED = 2026;
  static final String AUDIT_FILE = "audit.jsonl";
  static final String REPORT_FILE = "report.html";
  static final String PUBLISHED_FILE = "aggregate-snapshot.json";

  private final PrintStream out;
  private final Path outDir;
  private final boolean terminal;

  private DemoRun(PrintStream out, Path outDir, boolean terminal) {
    this.out = out;
    this.outDir = outDir;
    this.terminal = terminal;
  }

  /**
   * A run writing to {@code out} and into {@code outDir} (report.html and the audit log).
   *
   * @param terminal true when {@code out} is a terminal: the progress bar then redraws one line
   */
  public static DemoRun create(PrintStream out, Path outDir, boolean terminal) {
    return new DemoRun(Objects.requireNonNull(out, "out"), Objects.requireNonNull(outDir, "outDir"), terminal);
  }

  /**
   * The demo's synthetic agency as it is before the demo changes it (a new instance each call):
   * 3 regions, 300 clients, 100 caregivers, 5 weeks of history and 2 ahead, the behaviour
   * profiles in the first region.
   */
  public static SyntheticAgency agency() {
    return SyntheticAgency.builder().seed(SEED).regions(3).clients(300).caregivers(100).weeksOfHistory(5).weeksAhead(2)
        .build();
  }

  /** Runs every section and returns what it produced. */
  public DemoResult run() {
    long started = System.nanoTime();
    DemoContext c = new DemoContext(out, terminal, agency());
    ResultBuilder r = new ResultBuilder();
    try {
      Files.createDirectories(outDir);
      // A fresh chain each run, so the entries counted are this run's.
      Files.deleteIfExists(outDir.resolve(AUDIT_FILE));
      FileAuditLog audit = FileAuditLog.open(outDir.resolve(AUDIT_FILE), c.clock);

      out.println("Optimal Workforce SDK demo: a synthetic home-care agency, served by two simulated scheduling");
      out.println("systems on this machine; nothing leaves it. Demo time: " + DemoContext.when(c.clock.instant()) + ".");
      c.heading("1. Simulators");
      try (AlayaCareSimulator alayaCare = AlayaCareSimulator.start(c.agency);
          WellSkyHomeConnectSimulator wellSky = WellSkyHomeConnectSimulator.builder(c.agency).clock(c.clock).build()) {
        out.println("  Agency: " + c.agency.regions().size() + " regions, " + c.agency.clients().size() + " clients, "
            + c.agency.caregivers().size() + " caregivers, " + String.format("%,d", c.agency.visits().count())
            + " visits (5 weeks of history, this week, 2 weeks ahead)");
        out.println("  AlayaCare External API simulator: " + alayaCare.baseUrl()
            + "  serves the agency: the source we sync (clients, caregivers, visits, availability, call-outs)");
        out.println("  WellSky Home Connect simulator:   " + wellSky.baseUrl()
            + "  serves the same agency: a second source we connect and preview");

        c.heading("2. Setup");
        try (Integration integration = new AlayaCareSetup(c).run(alayaCare, audit, r)) {
          new WellSkySetup(c).run(wellSky, audit, r);
          c.heading("3. What leaves the agency");
          new PublishedSection(c).run(integration, outDir, r);
          c.heading("4. Alerts");
          new AlertsSection(c).run(audit, r);
        }
      }
      c.heading("5. Audit log");
      new AuditSection(c).run(audit, Files.createTempDirectory("optimal-workforce-demo-"), r);

      c.heading("6. Report");
      r.capacity = CapacitySeries.of(c.index, r.selected.get(0), r.selectedNames.get(0), c.clock.instant());
      r.report = outDir.resolve(REPORT_FILE).toAbsolutePath();
      r.elapsed = Duration.ofNanos(System.nanoTime() - started);
      DemoResult result = r.build();
      ReportWriter.write(result, c.clock.instant(), r.report);
      out.println("  Report written: " + r.report);
      out.println("  (aggregate table, alerts, weekly hours against capacity; open it in a browser, no network needed)");
      out.println();
      out.printf(Locale.ROOT, "Demo finished in %.1f s.%n", result.elapsed().toMillis() / 1000.0);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("The demo could not write to " + outDir + ": " + e.getMessage(), e);
    }
  }
}
