package com.optimalworkforce.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Plays the platform-side attacker against published snapshots: for every hidden figure, the
 * smallest and largest value consistent with everything published ({@link LinearAttacker}); none
 * may be pinned to one value.
 */
class AttackerTest {

  @Property(tries = 150)
  void noHiddenCellCanBeRecoveredFromThePublishedFigures(@ForAll long seed,
      @ForAll @IntRange(min = 20, max = 1500) int records) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int threshold = new int[] {10, 10, 3, 25}[rnd.nextInt(4)];
    Aggregator a = Aggregator.create();
    a.addAll(new RandomSchedule(seed).records(records));
    PrivacyPolicy policy = PrivacyPolicy.builder().suppressionThreshold(threshold).build();
    // Attack what the platform receives: the JSON.
    AggregateSnapshot published = AggregateSnapshot.fromJson(a.counts().publish(policy, Instant.EPOCH).toJson());
    for (RegionSnapshot region : published.regions()) {
      Map<Metric, Attacker.Grid> grids = Attacker.grids(region);
      grids.values().forEach(g -> {
        assertThat(Attacker.singleHiddenEquations(g)).as("%s %s equations with one hidden cell", region.regionId(),
            g.metric).isZero();
        assertThat(Attacker.smallDerivableSums(g, threshold)).as("%s %s small sums of hidden cells",
            region.regionId(), g.metric).isZero();
      });
      List<LinearAttacker.Range> recovered = LinearAttacker.recovered(grids);
      assertThat(recovered).as("cells of %s recovered from %s", region.regionId(), published.toJson()).isEmpty();
    }
  }

  @Test
  void theAttackWorksOnPrimarySuppressionAlone() {
    // Without complements, a small cell alone in a row or column is its total minus the rest
    // (M4B's 3 clients = 33 - 30), and the attack finds such cells with their true values.
    int recoveredNaive = 0;
    for (long seed = 1; seed <= 12; seed++) {
      Aggregator a = Aggregator.create();
      a.addAll(new RandomSchedule(seed).records(2000));
      AggregateSnapshot proper = a.counts().publish(PrivacyPolicy.ofDefaults(), Instant.EPOCH);
      for (RegionSnapshot region : proper.regions()) {
        Map<Metric, Attacker.Grid> naive = naiveGrids(a.counts(), region);
        assertThat(LinearAttacker.recovered(Attacker.grids(region))).isEmpty();
        for (LinearAttacker.Range r : LinearAttacker.recovered(naive)) {
          double truth = naive.get(r.metric()).truth[r.row()][r.col()];
          if (r.metric().isCount()) {
            assertThat(Math.round(r.min())).as("%s", r).isEqualTo((long) truth);
            recoveredNaive++;
          } else {
            assertThat(truth).as("%s", r).isBetween(r.min() - 1e-6, r.max() + 1e-6);
          }
        }
      }
    }
    assertThat(recoveredNaive).isGreaterThan(10);
  }

  /**
   * Why snapshots published over time must be published as a series ({@link Release}): snapshot
   * by snapshot, each one alone protects M4B's 3 clients, yet the second picks a different
   * complement, and an analyst who takes M4E to be unchanged subtracts it. M4B itself never
   * changed. Keyed random rounding turns the subtraction into a guess, but does not stop it.
   */
  @Test
  void snapshotBySnapshotPublishingLetsAnAnalystSubtractACellOverTime() {
    AggregateCounts before = clients(50, 3, 19, 20);
    AggregateCounts after = clients(50, 3, 21, 20); // two clients join M4C
    RegionSnapshot first = before.publish(PrivacyPolicy.ofDefaults(), Instant.EPOCH).region("east").orElseThrow();
    RegionSnapshot second = after.publish(PrivacyPolicy.ofDefaults(), Instant.EPOCH).region("east").orElseThrow();
    for (RegionSnapshot alone : List.of(first, second)) {
      assertThat(alone.area(M4B).activeClients()).isEmpty();
      assertThat(LinearAttacker.recovered(Attacker.grids(alone))).isEmpty();
    }
    // First: M4C is M4B's complement, M4E is shown; second: M4E is, M4C is shown.
    assertThat(first.area(M4C).activeClients()).isEmpty();
    assertThat(second.area(M4E).activeClients()).isEmpty();
    long m4b = second.total().activeClients().orElseThrow() - second.area(M4A).activeClients().orElseThrow()
        - second.area(M4C).activeClients().orElseThrow() - first.area(M4E).activeClients().orElseThrow();
    assertThat(m4b).isEqualTo(3);
    // The analyst who knows which counts did not change gets it from the published figures alone.
    assertThat(HistoryAttacker.recovered(List.of(
        HistoryAttacker.view(before.publish(PrivacyPolicy.ofDefaults(), Instant.EPOCH), "east", before),
        HistoryAttacker.view(after.publish(PrivacyPolicy.ofDefaults(), Instant.EPOCH), "east", after))))
        .extracting(HistoryAttacker.Range::cell).contains("M4B|WINDOW");

    java.util.Set<Long> guesses = new java.util.TreeSet<>();
    for (int k = 0; k < 40; k++) {
      PrivacyPolicy rounded = PrivacyPolicy.builder().randomRounding(5)
          .roundingKey(com.optimalworkforce.core.security.Secret.of("agency-rounding-key-" + k)).build();
      RegionSnapshot r1 = before.publish(rounded, Instant.EPOCH).region("east").orElseThrow();
      RegionSnapshot r2 = after.publish(rounded, Instant.EPOCH).region("east").orElseThrow();
      guesses.add(r2.total().activeClients().orElseThrow() - r2.area(M4A).activeClients().orElseThrow()
          - r2.area(M4C).activeClients().orElseThrow() - r1.area(M4E).activeClients().orElseThrow());
    }
    assertThat(guesses).as("the same subtraction under rounding").hasSizeGreaterThanOrEqualTo(2);
  }

  /**
   * The same two syncs published as a series: M4B stays hidden (it did not change) and keeps its
   * complement M4C (hidden last time, and it changed, so the analyst cannot tie it to the first
   * release); M4E stays published. The subtraction has nothing to work on, and the analyst who
   * knows which counts did not change still finds M4B anywhere from 1 to 21.
   */
  @Test
  void publishedAsASeriesTheComplementStaysAndTheCellCannotBeSubtracted() {
    AggregateCounts before = clients(50, 3, 19, 20);
    AggregateCounts after = clients(50, 3, 21, 20);
    Release r1 = before.release(PrivacyPolicy.ofDefaults(), Instant.EPOCH);
    Release r2 = after.release(PrivacyPolicy.ofDefaults(), Instant.EPOCH.plusSeconds(86_400), r1);
    RegionSnapshot first = r1.snapshot().region("east").orElseThrow();
    RegionSnapshot second = r2.snapshot().region("east").orElseThrow();
    assertThat(first).isEqualTo(before.publish(PrivacyPolicy.ofDefaults(), Instant.EPOCH).region("east").orElseThrow());
    assertThat(second.area(M4B).activeClients()).isEmpty();
    assertThat(second.area(M4C).activeClients()).as("the complement of last time").isEmpty();
    assertThat(second.area(M4E).activeClients()).hasValue(20);
    assertThat(second.area(M4A).activeClients()).hasValue(50);
    assertThat(second.total().activeClients()).hasValue(94);
    assertThat(r2.gaps()).isZero();

    List<HistoryAttacker.Range> ranges = HistoryAttacker.ranges(List.of(
        HistoryAttacker.view(r1.snapshot(), "east", before), HistoryAttacker.view(r2.snapshot(), "east", after)));
    assertThat(ranges).noneMatch(HistoryAttacker.Range::recovered);
    HistoryAttacker.Range m4b = ranges.stream().filter(r -> r.metric() == Metric.ACTIVE_CLIENTS
        && r.cell().equals("M4B|WINDOW")).findFirst().orElseThrow();
    assertThat(m4b.min()).isEqualTo(1.0);
    assertThat(m4b.max()).isEqualTo(21.0);
  }

  private static final GeoArea M4A = GeoArea.of("M4A");
  private static final GeoArea M4B = GeoArea.of("M4B");
  private static final GeoArea M4C = GeoArea.of("M4C");
  private static final GeoArea M4E = GeoArea.of("M4E");

  private static AggregateCounts clients(int... perArea) {
    Aggregator a = Aggregator.create();
    GeoArea[] areas = {M4A, M4B, M4C, M4E};
    for (int i = 0; i < perArea.length; i++) {
      for (int k = 0; k < perArea[i]; k++) {
        a.add(Records.client("C" + i + "-" + k, "east", areas[i].code() + " 1A1", true));
      }
    }
    return a.counts();
  }

  @Test
  void theRandomSchedulesExerciseSuppression() {
    Aggregator a = Aggregator.create();
    a.addAll(new RandomSchedule(11).records(600));
    AggregateSnapshot s = a.counts().publish(PrivacyPolicy.ofDefaults(), Instant.EPOCH);
    long hidden = s.regions().stream().flatMap(r -> Attacker.grids(r).values().stream())
        .mapToLong(g -> {
          long n = 0;
          for (boolean[] row : g.hidden) {
            for (boolean h : row) {
              n += h ? 1 : 0;
            }
          }
          return n;
        }).sum();
    assertThat(hidden).isGreaterThan(50);
  }

  /** The grids a publisher hiding only the 1-10 cells would produce, with the true values attached. */
  private static Map<Metric, Attacker.Grid> naiveGrids(AggregateCounts counts, RegionSnapshot shape) {
    Map<Metric, Attacker.Grid> grids = Attacker.grids(shape);
    String id = shape.regionId();
    List<GeoArea> areas = List.copyOf(shape.areas().keySet());
    List<WeekSnapshot> weeks = shape.weeks();
    PrivacyPolicy p = PrivacyPolicy.ofDefaults();
    for (Attacker.Grid g : grids.values()) {
      for (int r = 0; r < g.rows(); r++) {
        for (int c = 0; c < g.cols(); c++) {
          long truth = 0;
          for (GeoArea raw : counts.areas(id)) {
            GeoArea area = p.publishedArea(raw);
            if (r < areas.size() && !areas.get(r).equals(area)) {
              continue;
            }
            boolean window = !g.metric.weekly() || c == weeks.size();
            if (g.metric == Metric.SERVICE_HOURS) {
              truth += window ? counts.serviceSeconds(id, raw) : counts.serviceSeconds(id, raw, weeks.get(c).week());
            } else {
              truth += window ? counts.count(id, raw, g.metric) : counts.count(id, raw, weeks.get(c).week(), g.metric);
            }
          }
          double value = g.metric.isCount() ? truth : Math.round(truth / 36.0) / 100.0;
          g.truth[r][c] = value;
          boolean small = g.metric.isCount() && truth >= 1 && truth <= 10;
          g.set(r, c, small ? null : (Number) value);
        }
      }
    }
    return grids;
  }
}
