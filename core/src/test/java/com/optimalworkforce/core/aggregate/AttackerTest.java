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

/** Plays the platform-side attacker against published snapshots: every hidden cell must hold. */
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
      List<Attacker.Recovered> recovered = Attacker.attack(grids);
      assertThat(recovered).as("cells of %s recovered from %s", region.regionId(), published.toJson()).isEmpty();
    }
  }

  @Test
  void theAttackWorksOnPrimarySuppressionAlone() {
    // Without complements: M4B's 3 clients = 33 (total) - 30 (M4A), and so on.
    Aggregator a = Aggregator.create();
    a.addAll(new RandomSchedule(7).records(800));
    AggregateSnapshot proper = a.counts().publish(PrivacyPolicy.ofDefaults(), Instant.EPOCH);
    int recoveredNaive = 0;
    for (RegionSnapshot region : proper.regions()) {
      Map<Metric, Attacker.Grid> naive = naiveGrids(a.counts(), region);
      recoveredNaive += Attacker.attack(naive).size();
      for (Attacker.Recovered r : Attacker.attack(naive)) {
        assertThat(r.value()).isEqualTo(naive.get(r.metric()).truth[r.row()][r.col()]);
      }
    }
    assertThat(recoveredNaive).isGreaterThan(10);
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
