package com.optimalworkforce.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.optimalworkforce.alerts.rules.Alert;
import com.optimalworkforce.alerts.rules.CapacityRule;
import com.optimalworkforce.alerts.scoring.MatchExclusion;
import com.optimalworkforce.alerts.scoring.MatchScore;
import com.optimalworkforce.core.aggregate.Figures;
import com.optimalworkforce.core.aggregate.GeoArea;
import com.optimalworkforce.core.aggregate.Metric;
import com.optimalworkforce.core.aggregate.RegionSnapshot;
import com.optimalworkforce.examples.demo.CapacitySeries;
import com.optimalworkforce.examples.demo.DemoResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's report.html, read with an HTML parser and, where Chromium is installed, rendered headless. */
class ReportHtmlTest {
  static DemoResult result;
  static Document doc;
  static String html;

  @BeforeAll
  static void readTheReport() throws IOException {
    result = DemoRuns.once().result;
    html = Files.readString(result.report(), StandardCharsets.UTF_8);
    doc = Jsoup.parse(html);
  }

  @Test
  void theAggregateTableHoldsThePublishedFigures() {
    Element table = doc.selectFirst("table#aggregate");
    assertThat(table).isNotNull();
    assertThat(table.select("thead th").eachText()).containsExactly("region", "area", "clients", "caregivers",
        "visits", "hours", "unfilled", "cancelled");
    Elements rows = table.select("tbody tr");
    int expected = 0;
    for (String region : result.selected()) {
      expected += result.published().region(region).orElseThrow().areas().size() + 1;
    }
    assertThat(rows).hasSize(expected);
    int suppressed = 0;
    for (Element row : rows) {
      List<String> cells = row.select("td").eachText();
      RegionSnapshot region = result.published().region(cells.get(0)).orElseThrow();
      Figures f = cells.get(1).equals("total") ? region.total() : region.area(GeoArea.parse(cells.get(1)));
      for (int c = 0; c < DemoTest.METRICS.size(); c++) {
        Metric m = DemoTest.METRICS.get(c);
        String cell = cells.get(c + 2);
        if (f.suppressed(m)) {
          suppressed++;
          assertThat(cell).isEqualTo(m == Metric.SERVICE_HOURS ? "hidden" : "<11");
          assertThat(row.select("td").get(c + 2).hasClass("suppressed")).isTrue();
        } else if (m == Metric.SERVICE_HOURS) {
          assertThat(Double.parseDouble(cell)).isCloseTo(f.serviceHours().orElseThrow(), within(0.051));
        } else {
          assertThat(Long.parseLong(cell)).isEqualTo(f.count(m).orElseThrow());
        }
      }
    }
    assertThat(suppressed).isPositive();
    // "<11" is escaped in the source, not markup.
    assertThat(html).contains("&lt;11").doesNotContain("<11");
  }

  @Test
  void theAlertListIsTheRunsAlerts() {
    Elements items = doc.select("ul#alerts > li");
    assertThat(items).hasSize(result.alerts().size());
    for (int i = 0; i < items.size(); i++) {
      Alert a = result.alerts().get(i).alert();
      Element li = items.get(i);
      assertThat(li.attr("data-rule")).isEqualTo(a.ruleId());
      assertThat(li.attr("data-severity")).isEqualTo(a.severity().name());
      assertThat(li.selectFirst(".message").text()).isEqualTo(a.message());
      assertThat(li.selectFirst(".region").text()).isEqualTo(a.regionId());
    }
    assertThat(items.eachAttr("data-rule")).containsAll(com.optimalworkforce.alerts.rules.BuiltInRules.ids());
  }

  @Test
  void theBackupRankingIsTheRunsWithTheExclusionsCounted() {
    Elements items = doc.select("ol#ranking > li");
    List<MatchScore> top = result.ranking().top(5);
    assertThat(items).hasSize(top.size());
    for (int i = 0; i < top.size(); i++) {
      assertThat(items.get(i).attr("data-percent")).isEqualTo(Integer.toString(top.get(i).percent()));
      assertThat(items.get(i).text()).contains(top.get(i).percent() + "% - " + top.get(i).reason());
    }
    Element excluded = doc.selectFirst("p#excluded");
    assertThat(excluded).isNotNull();
    assertThat(excluded.attr("data-count")).isEqualTo(Integer.toString(result.ranking().excluded().size()));
    for (MatchExclusion x : result.ranking().excluded()) {
      long n = result.ranking().excluded().stream().filter(e -> e.reason() == x.reason()).count();
      assertThat(excluded.text()).contains(x.reason().description() + " " + n);
    }
  }

  @Test
  void theChartHasABarPerWeekAndLinesForCapacityAndTheHiringTrigger() {
    CapacitySeries s = result.capacity();
    Element svg = doc.selectFirst("svg#capacity-chart");
    assertThat(svg).isNotNull();
    Elements bars = svg.select("rect.bar");
    assertThat(s.weeks()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(bars).hasSize(s.weeks().size());
    for (int i = 0; i < bars.size(); i++) {
      CapacitySeries.Week w = s.weeks().get(i);
      assertThat(bars.get(i).attr("data-week")).isEqualTo(w.start().toString());
      assertThat(Double.parseDouble(bars.get(i).attr("data-hours"))).isCloseTo(w.hours(), within(0.051)).isPositive();
      assertThat(bars.get(i).hasClass("current")).isEqualTo(w.current());
      assertThat(Double.parseDouble(bars.get(i).attr("height"))).isPositive();
    }
    assertThat(Double.parseDouble(svg.selectFirst("line.capacity").attr("data-hours")))
        .isCloseTo(s.typical(), within(0.051));
    assertThat(Double.parseDouble(svg.selectFirst("line.hiring-trigger").attr("data-hours")))
        .isCloseTo(s.hiringTrigger(), within(0.051));
    // The chart's figures are the capacity rule's: its alert for the region quotes them.
    Alert capacity = result.alerts().stream().map(r -> r.alert())
        .filter(a -> a.ruleId().equals(CapacityRule.ID) && a.regionId().equals(s.regionId())).findFirst().orElseThrow();
    assertThat(capacity.message())
        .contains(String.format(Locale.ENGLISH, "%d%% of typical capacity this week (%,d hours)",
            Math.round(100 * s.current().hours() / s.typical()), Math.round(s.current().hours())))
        .contains(String.format(Locale.ENGLISH, "%,d weekly hours", Math.round(s.hiringTrigger())));
  }

  @Test
  void referencesNothingOnTheNetwork() {
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("link, img, iframe, object, embed")).isEmpty();
    for (Element e : doc.select("[src], [href]")) {
      assertThat(e.attr("src") + e.attr("href")).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:");
    }
    String css = doc.select("style").html();
    assertThat(css).isNotBlank().doesNotContain("@import").doesNotContain("url(");
  }

  @Test
  void rendersInHeadlessChromium(@TempDir Path tmp) throws Exception {
    Optional<String> chromium = chromium();
    Assumptions.assumeTrue(chromium.isPresent(), "No Chromium found (chromium, chromium-browser or /usr/bin/chromium):"
        + " the report was checked with the HTML parser only. .ci/run installs Debian's chromium package.");
    Path png = tmp.resolve("report.png");
    List<String> command = new ArrayList<>(List.of(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1280,2400",
        "--screenshot=" + png, result.report().toUri().toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("chromium.log").toFile()).start();
    boolean finished = p.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    String log = Files.readString(tmp.resolve("chromium.log"));
    assertThat(finished).as("Chromium finished within 120 s; its log:%n%s", log).isTrue();
    assertThat(png).as("screenshot; Chromium's log:%n%s", log).exists();

    // Kept for a person (or CI) to look at: examples/target/report-screenshot.png.
    Files.copy(png, Path.of("target", "report-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(2400);
    Set<Integer> colours = new HashSet<>();
    long nonWhite = 0;
    long currentWeekBar = 0;
    long pastWeekBars = 0;
    long triggerLine = 0;
    long suppressedCells = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        nonWhite += rgb != 0xFFFFFF ? 1 : 0;
        currentWeekBar += near(rgb, 0x2f6db5) ? 1 : 0;   // .bar.current
        pastWeekBars += near(rgb, 0x7fa7d9) ? 1 : 0;     // .bar
        triggerLine += near(rgb, 0xd1495b) ? 1 : 0;      // line.hiring-trigger and its label
        suppressedCells += near(rgb, 0xfff7e0) ? 1 : 0;  // td.suppressed background
      }
    }
    assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
    assertThat(nonWhite).as("non-white pixels").isGreaterThan(100_000);
    // A bar is ~50 px wide and hundreds of px tall; the trigger line spans the plot (~550 px x 2 px).
    assertThat(currentWeekBar).as("pixels of the current week's bar").isGreaterThan(5_000);
    assertThat(pastWeekBars).as("pixels of the past weeks' bars").isGreaterThan(4 * 5_000L);
    assertThat(triggerLine).as("pixels of the hiring-trigger line").isGreaterThan(500);
    assertThat(suppressedCells).as("pixels of suppressed (<11) table cells").isGreaterThan(10_000);
  }

  private static boolean near(int rgb, int expected) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((rgb >> shift) & 0xFF) - ((expected >> shift) & 0xFF)) >= 6) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> chromium() {
    String path = System.getenv().getOrDefault("PATH", "");
    Stream<Path> candidates = Stream.concat(
        Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isBlank())
            .flatMap(d -> Stream.of(Path.of(d, "chromium"), Path.of(d, "chromium-browser"))),
        Stream.of(Path.of("/usr/bin/chromium")));
    return candidates.filter(Files::isExecutable).map(Path::toString).findFirst();
  }
}
