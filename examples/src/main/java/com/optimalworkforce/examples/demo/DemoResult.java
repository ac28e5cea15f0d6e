package com.optimalworkforce.examples.demo;

import com.optimalworkforce.alerts.scoring.MatchRanking;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.security.AuditVerification;
import com.optimalworkforce.core.sync.SyncReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The figures one demo run produced, so a test can hold the printed output and the report against
 * them.
 *
 * <pre>{@code
 * DemoResult result = Demo.run(System.out, Path.of("target/demo"));
 * result.incremental().updated();   // equals result.changes().updated()
 * }</pre>
 *
 * @param alayaCareWrongKey the connection check with a wrong private key
 * @param alayaCareRightKey the connection check with the right one
 * @param wellSkyWrongSecret the WellSky connection check with a wrong client secret
 * @param wellSkyRightSecret the WellSky connection check with the right one
 * @param regionsListed ids of the regions AlayaCare listed
 * @param selected the two regions selected
 * @param preview the wizard's preview of the selected regions (published figures)
 * @param wellSkyPreview the preview of the same regions read from WellSky
 * @param initial the initial sync
 * @param progressShown the highest percentage the progress bar drew
 * @param changes what the demo changed in the source before the incremental sync
 * @param incremental the incremental sync
 * @param published the aggregate snapshot as it left the agency (read back from {@code publishedJson})
 * @param publishedJson the JSON file the demo's {@code AggregateSink} wrote: what would be sent
 * @param withheld what did not leave
 * @param alerts the open alerts after the alert run, in rule order
 * @param ranking the backup ranking of one open shift
 * @param audit the verification of the audit log
 * @param tampered the verification of a tampered copy of it
 * @param capacity the weekly hours chart's data
 * @param report the report's absolute path
 * @param elapsed the run's own duration
 */
public record DemoResult(
    com.optimalworkforce.core.connector.ConnectionCheck alayaCareWrongKey,
    com.optimalworkforce.core.connector.ConnectionCheck alayaCareRightKey,
    com.optimalworkforce.core.connector.ConnectionCheck wellSkyWrongSecret,
    com.optimalworkforce.core.connector.ConnectionCheck wellSkyRightSecret,
    List<String> regionsListed,
    List<String> selected,
    AggregateSnapshot preview,
    AggregateSnapshot wellSkyPreview,
    SyncReport initial,
    int progressShown,
    SourceChanges changes,
    SyncReport incremental,
    AggregateSnapshot published,
    Path publishedJson,
    Withheld withheld,
    List<AlertRecord> alerts,
    MatchRanking ranking,
    AuditVerification audit,
    AuditVerification tampered,
    CapacitySeries capacity,
    Path report,
    Duration elapsed) {

  public DemoResult {
    regionsListed = List.copyOf(regionsListed);
    selected = List.copyOf(selected);
    alerts = List.copyOf(alerts);
  }

  /**
   * What the demo changed in the source between the two syncs, as the connector will see it.
   *
   * @param created records added (a new client)
   * @param updated visits whose end moved
   * @param deleted visits deleted
   */
  public record SourceChanges(int created, int updated, int deleted) {}

  /**
   * Personal data that stayed in the agency, counted from the synced records, and the published
   * cells that were suppressed.
   *
   * @param names client and caregiver names
   * @param ids record ids (every synced record's source id)
   * @param postalCodes distinct full postal codes (only their area, e.g. the FSA, is published)
   * @param addresses street addresses
   * @param locations home coordinates
   * @param suppressedCells published figures replaced by "suppressed" (small counts and their complements)
   */
  public record Withheld(long names, long ids, long postalCodes, long addresses, long locations,
      long suppressedCells) {
    /** Every value withheld. */
    public long total() {
      return names + ids + postalCodes + addresses + locations + suppressedCells;
    }
  }
}
