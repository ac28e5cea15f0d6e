package com.optimalworkforce.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Plays the analyst who holds a series of releases of one region published over time and knows
 * exactly which counts did not change between two of them ({@link HistoryAttacker}: a linear
 * program over every release's equations, a cell that did not change being one unknown).
 */
class ReleaseAttackerTest {
  private static final List<String> REGIONS = List.of("east", "west", "cheyenne");

  /** Two or three releases of random schedules with random changes between them, published both ways. */
  record Chain(List<AggregateCounts> counts, List<Release> releases, List<AggregateSnapshot> naive, int threshold) {
    int gaps() {
      return releases.stream().mapToInt(Release::gaps).sum();
    }

    /** The hidden figures the analyst pins, over the release-aware or the naive series. */
    int recovered(boolean releaseAware) {
      int n = 0;
      for (String region : REGIONS) {
        List<HistoryAttacker.View> views = new ArrayList<>();
        for (int k = 0; k < counts.size(); k++) {
          AggregateSnapshot s = releaseAware ? releases.get(k).snapshot() : naive.get(k);
          if (s.region(region).isPresent()) {
            views.add(HistoryAttacker.view(s, region, counts.get(k)));
          }
        }
        // A region missing from one release (all its counts zero) is compared only where it runs on.
        if (views.size() == counts.size()) {
          n += HistoryAttacker.recovered(views).size();
        }
      }
      return n;
    }
  }

  static Chain chain(long seed, int scale) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int threshold = new int[] {10, 10, 3, 5}[rnd.nextInt(4)];
    PrivacyPolicy policy = PrivacyPolicy.builder().suppressionThreshold(threshold).build();
    RandomSchedule schedule = new RandomSchedule(seed);
    Aggregator a = Aggregator.create();
    a.applyAll(schedule.changes(scale * (20 + rnd.nextInt(300))));
    List<AggregateCounts> counts = new ArrayList<>();
    List<Release> releases = new ArrayList<>();
    List<AggregateSnapshot> naive = new ArrayList<>();
    Instant t = Instant.EPOCH;
    int n = 2 + rnd.nextInt(2);
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        // Between syncs: a few changes (the hardest case: most cells stay as they were) or more.
        a.applyAll(schedule.changes(1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 30)));
        t = t.plus(Duration.ofDays(1));
      }
      counts.add(a.counts());
      releases.add(k == 0 ? a.counts().release(policy, t) : a.counts().release(policy, t, releases.get(k - 1)));
      naive.add(a.counts().publish(policy, t));
    }
    return new Chain(counts, releases, naive, threshold);
  }

  /**
   * Every release of a series is safe on its own (as {@link AttackerTest} checks for single
   * snapshots), and when the publisher continued every alternative (it warns when it cannot, on
   * tables so sparse that the cells shown as zero already give counts away), the analyst who holds
   * the whole series and knows which counts did not change pins no hidden figure of any release.
   */
  @Property(tries = 60)
  void aSeriesWithoutGapsLeavesEveryHiddenFigureOpenToTheAnalystWhoKnowsWhatChanged(@ForAll long seed) {
    Chain chain = chain(seed, 1 + new SplittableRandom(seed ^ 0x5eed).nextInt(4));
    for (Release release : chain.releases()) {
      AggregateSnapshot published = AggregateSnapshot.fromJson(release.snapshot().toJson());
      for (RegionSnapshot region : published.regions()) {
        Map<Metric, Attacker.Grid> grids = Attacker.grids(region);
        grids.values().forEach(g -> {
          assertThat(Attacker.singleHiddenEquations(g)).as("%s %s", region.regionId(), g.metric).isZero();
          assertThat(Attacker.smallDerivableSums(g, chain.threshold())).as("%s %s", region.regionId(), g.metric)
              .isZero();
        });
        assertThat(LinearAttacker.recovered(grids)).as("one release alone, %s", region.regionId()).isEmpty();
      }
    }
    boolean gapFree = chain.gaps() == 0;
    Statistics.label("series").collect(gapFree ? "every alternative continued" : "gaps warned");
    if (gapFree) {
      assertThat(chain.recovered(true)).as("figures pinned across the series").isZero();
    }
    Statistics.label("series").coverage(c -> c.check("every alternative continued").percentage(p -> p >= 50));
  }

  /**
   * The same analyst against the same series published snapshot by snapshot, and release-aware:
   * the first is attacked in many series (the motivation), the second in very few, all of them
   * series where the publisher warned of gaps.
   */
  @Test
  void releaseAwarePublishingResistsTheAttackThatBreaksSnapshotBySnapshotPublishing() {
    int naiveAttacked = 0;
    int awareAttacked = 0;
    for (long seed = 1; seed <= 40; seed++) {
      Chain chain = chain(seed, 4);
      naiveAttacked += chain.recovered(false) > 0 ? 1 : 0;
      int aware = chain.recovered(true);
      if (aware > 0) {
        awareAttacked++;
        assertThat(chain.gaps()).as("seed %d: pinned figures in a series without a warning", seed).isPositive();
      }
    }
    assertThat(naiveAttacked).as("series attacked when published snapshot by snapshot").isGreaterThanOrEqualTo(15);
    assertThat(awareAttacked).as("series attacked when published release-aware").isLessThanOrEqualTo(naiveAttacked / 5);
  }
}
