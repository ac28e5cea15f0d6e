package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.optimalworkforce.alerts.rules.BuiltInRules;
import com.optimalworkforce.alerts.rules.CapacityRule;
import com.optimalworkforce.alerts.rules.LastMinuteOpeningRule;
import com.optimalworkforce.alerts.scoring.MatchScore;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.aggregate.Figures;
import com.optimalworkforce.core.aggregate.GeoArea;
import com.optimalworkforce.core.aggregate.Metric;
import com.optimalworkforce.core.aggregate.RegionSnapshot;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.examples.demo.DemoResult;
import com.optimalworkforce.examples.demo.DemoRun;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the demo end to end once and checks each section of its output against the figures it returned. */
class DemoTest {
  static final List<Metric> METRICS = List.of(Metric.ACTIVE_CLIENTS, Metric.ACTIVE_CAREGIVERS, Metric.VISITS,
      Metric.SERVICE_HOURS, Metric.UNFILLED_VISITS, Metric.CANCELLED_VISITS);

  static DemoRuns run;
  static DemoResult result;
  static Map<String, String> sections;

  @BeforeAll
  static void runTheDemo() {
    run = DemoRuns.once();
    result = run.result;
    sections = run.sections();
  }

  @Test
  void printsSixSectionsWithoutStackTraces() {
    assertThat(sections.keySet()).containsExactly("1. Simulators", "2. Setup", "3. What leaves the agency",
        "4. Alerts", "5. Audit log", "6. Report");
    assertThat(run.output).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("[main] INFO");
  }

  @Test
  void startsBothSimulatorsOnLoopback() {
    assertThat(sections.get("1. Simulators"))
        .containsPattern("AlayaCare External API simulator: http://127\\.0\\.0\\.1:\\d+ .*serves the agency")
        .containsPattern("WellSky Home Connect simulator: +http://localhost:\\d+/v1/ .*serves the same agency");
  }

  @Test
  void testsTheConnectionWithAWrongKeyThenTheRightOne() {
    String setup = sections.get("2. Setup");
    assertThat(result.alayaCareWrongKey().ok()).isFalse();
    assertThat(result.alayaCareWrongKey().message()).startsWith("Invalid credentials: the API key pair was rejected");
    assertThat(setup).contains("Test connection with a wrong private key:\n    " + result.alayaCareWrongKey().message());
    assertThat(result.alayaCareRightKey().ok()).isTrue();
    assertThat(setup).contains("Test connection with the right key pair:\n    " + result.alayaCareRightKey().message());

    assertThat(result.wellSkyWrongSecret().ok()).isFalse();
    assertThat(result.wellSkyWrongSecret().message()).startsWith("Invalid credentials:");
    assertThat(setup).contains(result.wellSkyWrongSecret().message()).contains(result.wellSkyRightSecret().message());
    assertThat(result.wellSkyRightSecret().ok()).isTrue();
  }

  @Test
  void listsTheRegionsSelectsTwoAndPreviewsTheirCounts() {
    String setup = sections.get("2. Setup");
    assertThat(result.regionsListed()).hasSize(3);
    for (String region : result.regionsListed()) {
      assertThat(setup).containsPattern("(?m)^    " + region + "  \\S.*\\(America/\\w+\\)$");
    }
    assertThat(result.selected()).hasSize(2).isSubsetOf(result.regionsListed());
    assertThat(setup).contains("Selected: " + String.join(", ", result.selected()));

    String previewPart = setup.substring(setup.indexOf("Preview (read from AlayaCare"), setup.indexOf("Complete:"));
    for (String region : result.selected()) {
      Figures total = result.preview().region(region).orElseThrow().total();
      Matcher m = Pattern.compile("(?m)^    " + region + " +(\\d+) +(\\d+) +(\\d+) +([\\d.]+)$").matcher(previewPart);
      assertThat(m.find()).as("preview row of %s in:%n%s", region, previewPart).isTrue();
      assertThat(Long.parseLong(m.group(1))).isEqualTo(total.activeClients().orElseThrow()).isPositive();
      assertThat(Long.parseLong(m.group(2))).isEqualTo(total.activeCaregivers().orElseThrow()).isPositive();
      assertThat(Long.parseLong(m.group(3))).isEqualTo(total.visits().orElseThrow()).isPositive();
      assertThat(Double.parseDouble(m.group(4))).isCloseTo(total.serviceHours().orElseThrow(), within(0.051));
    }
    assertThat(result.wellSkyPreview().regions()).isNotEmpty();
  }

  @Test
  void completesWithAProgressBarReaching100Percent() {
    String setup = sections.get("2. Setup");
    assertThat(result.initial().completed()).as(result.initial().failure().orElse("")).isTrue();
    assertThat(result.initial().created()).isGreaterThan(1000);
    assertThat(result.progressShown()).isEqualTo(100);
    assertThat(setup).containsPattern("\\[#{30}\\] 100% [\\d,]+ records")
        .containsPattern("\\[#*\\.+\\] +\\d{1,2}% [\\d,]+ records");
    assertThat(setup).contains(String.format("Completed: %,d records read", result.initial().recordsRead()));
  }

  @Test
  void theIncrementalSyncDeliversExactlyTheChangesMadeInTheSource() {
    DemoResult.SourceChanges changes = result.changes();
    assertThat(changes.created()).isEqualTo(1);
    assertThat(changes.updated()).isGreaterThan(2);
    assertThat(changes.deleted()).isEqualTo(3);
    assertThat(result.incremental().completed()).isTrue();
    assertThat(result.incremental().created()).isEqualTo(changes.created());
    assertThat(result.incremental().updated()).isEqualTo(changes.updated());
    assertThat(result.incremental().deleted()).isEqualTo(changes.deleted());
    assertThat(sections.get("2. Setup")).contains("Incremental sync: created " + changes.created() + ", updated "
        + changes.updated() + ", deleted " + changes.deleted() + ",");
  }

  @Test
  void theAggregateTableShowsThePublishedFiguresWithSuppressedCells() {
    String section = sections.get("3. What leaves the agency");
    AggregateSnapshot snapshot = result.published();
    List<String[]> rows = tableRows(section);
    int expectedRows = 0;
    for (String region : result.selected()) {
      expectedRows += snapshot.region(region).orElseThrow().areas().size() + 1;
    }
    assertThat(rows).hasSize(expectedRows);
    Set<String> seen = new TreeSet<>();
    for (String[] row : rows) {
      RegionSnapshot region = snapshot.region(row[0]).orElseThrow();
      Figures f = row[1].equals("total") ? region.total() : region.area(GeoArea.parse(row[1]));
      seen.add(row[0] + "/" + row[1]);
      for (int c = 0; c < METRICS.size(); c++) {
        Metric m = METRICS.get(c);
        String cell = row[c + 2];
        if (f.suppressed(m)) {
          assertThat(cell).as("%s %s %s", row[0], row[1], m).isEqualTo(m == Metric.SERVICE_HOURS ? "hidden" : "<11");
        } else if (m == Metric.SERVICE_HOURS) {
          assertThat(Double.parseDouble(cell)).isCloseTo(f.serviceHours().orElseThrow(), within(0.051));
        } else {
          assertThat(Long.parseLong(cell)).as("%s %s %s", row[0], row[1], m).isEqualTo(f.count(m).orElseThrow());
        }
      }
    }
    assertThat(seen).hasSize(expectedRows);
    assertThat(rows).anySatisfy(r -> assertThat(r).contains("<11"));
    assertThat(section).contains("Policy: counts 1-10 suppressed, complementary suppression");
  }

  @Test
  void publishesThroughAnAggregateSinkAndTheJsonHoldsNoNameNoIdNoFullPostalCode() throws Exception {
    Path json = result.publishedJson();
    assertThat(json).isAbsolute().startsWith(run.outDir).isRegularFile();
    String text = Files.readString(json);
    assertThat(AggregateSnapshot.fromJson(text)).isEqualTo(result.published());
    assertThat(sections.get("3. What leaves the agency")).contains("Published through an AggregateSink: " + json);

    SyntheticAgency agency = DemoRun.agency();
    List<String> words = new ArrayList<>();
    agency.clients().forEach(c -> words.addAll(Stream.of(c.name().given(), c.name().family(), c.id()).toList()));
    agency.caregivers().forEach(c -> words.addAll(Stream.of(c.name().given(), c.name().family(), c.id()).toList()));
    words.addAll(List.of("Grace", "Newcomer", "C99001"));
    for (String word : words.stream().filter(w -> w != null && w.length() > 2).distinct().toList()) {
      assertThat(text).as("the published JSON").doesNotContainPattern("\\b" + Pattern.quote(word) + "\\b");
    }
    List<String> postalCodes = agency.clients().stream().map(c -> c.postalCode()).filter(p -> p != null)
        .map(p -> p.replace(" ", "")).filter(p -> p.length() == 6).toList();
    assertThat(postalCodes).hasSizeGreaterThan(100);
    for (String code : postalCodes) {
      assertThat(text).doesNotContain(code).doesNotContain(code.substring(0, 3) + " " + code.substring(3));
    }
    // The check would see one: the area codes that do leave are the first three characters.
    assertThat(text).contains("\"" + postalCodes.get(0).substring(0, 3) + "\"");
  }

  @Test
  void saysWhatDidNotLeaveAndNamesNoOne() {
    String section = sections.get("3. What leaves the agency");
    DemoResult.Withheld w = result.withheld();
    assertThat(w.names()).isGreaterThan(100);
    assertThat(w.postalCodes()).isGreaterThan(100);
    assertThat(w.suppressedCells()).isPositive();
    assertThat(section).contains(String.format("What did not leave (%,d values withheld):", w.total()))
        .contains("names of clients and caregivers: " + w.names())
        .contains("full postal codes (only the FSA leaves): " + w.postalCodes())
        .contains("exact small counts (cells shown as <11): " + w.suppressedCells());

    SyntheticAgency agency = DemoRun.agency();
    List<PersonName> names = new ArrayList<>();
    agency.clients().forEach(c -> names.add(c.name()));
    agency.caregivers().forEach(c -> names.add(c.name()));
    names.add(PersonName.of("Grace", "Newcomer"));
    assertThat(names).hasSizeGreaterThan(400);
    for (PersonName n : names) {
      for (String part : Stream.of(n.given(), n.family()).filter(p -> p != null && p.length() > 2).toList()) {
        assertThat(section).as("a name in the aggregate section").doesNotContainPattern("\\b" + Pattern.quote(part)
            + "\\b");
      }
    }
    // The check would see a name: the alerts section names caregivers.
    assertThat(sections.get("4. Alerts")).containsPattern("\\bTom\\b");
  }

  @Test
  void printsOneAlertOfEachOfTheSevenKindsAsSchedulersReceiveThem() {
    String section = sections.get("4. Alerts");
    for (String rule : BuiltInRules.ids()) {
      long count = result.alerts().stream().filter(a -> a.alert().ruleId().equals(rule)).count();
      assertThat(count).as(rule).isPositive();
      assertThat(section).contains("[" + rule + "] " + count + " alert");
    }
    AlertRecord lastMinute = result.alerts().stream()
        .filter(a -> a.alert().ruleId().equals(LastMinuteOpeningRule.ID)).findFirst().orElseThrow();
    assertThat(lastMinute.alert().message()).startsWith("Tom's Saturday 10 AM shift with Mr. Davis now open");
    assertThat(section).contains(lastMinute.alert().message());
    // Each line as delivered: severity, region, message (the two capacity alerts differ by region only).
    assertThat(result.alerts()).filteredOn(a -> a.alert().ruleId().equals(CapacityRule.ID)).hasSize(2)
        .allSatisfy(a -> assertThat(section).containsPattern("(?m)^    " + a.alert().severity() + " +"
            + Pattern.quote(a.alert().regionId()) + " +" + Pattern.quote(a.alert().message()) + "$"));
  }

  @Test
  void ranksBackupsForTheOpenShiftWithReasons() {
    String section = sections.get("4. Alerts");
    assertThat(section).contains("Backups for the open Friday 2 PM shift with ");
    List<MatchScore> top = result.ranking().top(5);
    assertThat(top).hasSize(5);
    for (int i = 0; i < top.size(); i++) {
      MatchScore s = top.get(i);
      assertThat(s.reason()).isNotBlank();
      assertThat(section).containsPattern("(?m)^    " + (i + 1) + "\\. " + Pattern.quote(s.caregiver().name().given())
          + " .*" + s.percent() + "%  " + Pattern.quote(s.reason()) + "$");
    }
    assertThat(result.ranking().excluded()).isNotEmpty();
    assertThat(section).contains("Excluded: " + result.ranking().excluded().size() + " caregivers")
        .contains(result.ranking().excluded().get(0).reason().description());
  }

  @Test
  void verifiesTheAuditChainAndCatchesATamperedCopy() {
    String section = sections.get("5. Audit log");
    assertThat(result.audit().ok()).isTrue();
    assertThat(result.audit().entriesChecked()).isGreaterThan(10);
    assertThat(section).contains("Audit chain verified: " + result.audit().entriesChecked() + " entries");
    assertThat(section).containsPattern("sync\\.completed +2").containsPattern("alert\\.notification\\.sent +\\d+");
    assertThat(result.tampered().ok()).isFalse();
    assertThat(section).contains("fails verification at entry " + result.tampered().firstBrokenSequence().orElseThrow());
  }

  @Test
  void writesTheReportAndPrintsItsPath() {
    assertThat(result.report()).isAbsolute().startsWith(run.outDir);
    assertThat(Files.isRegularFile(result.report())).isTrue();
    assertThat(sections.get("6. Report")).contains("Report written: " + result.report());
    assertThat(run.output).containsPattern("Demo finished in \\d+\\.\\d s\\.");
  }

  /** The rows of the aggregate table: the lines after its header rule, up to the legend. */
  static List<String[]> tableRows(String section) {
    List<String[]> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : section.split("\n")) {
      if (line.startsWith("  ------  ")) {
        inTable = true;
      } else if (inTable && line.startsWith("  <11:")) {
        break;
      } else if (inTable) {
        rows.add(line.trim().split(" +"));
      }
    }
    return rows;
  }
}
