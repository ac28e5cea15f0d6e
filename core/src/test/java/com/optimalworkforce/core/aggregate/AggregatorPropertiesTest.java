package com.optimalworkforce.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.security.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AggregatorPropertiesTest {

  @Property(tries = 200)
  void incrementalFoldEqualsFullRecomputation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int changes) {
    RandomSchedule schedule = new RandomSchedule(seed);
    Aggregator incremental = Aggregator.create();
    for (Change c : schedule.changes(changes)) {
      incremental.apply(c);
    }
    Aggregator recomputed = Aggregator.create();
    recomputed.addAll(schedule.current());
    assertThat(incremental.counts()).isEqualTo(recomputed.counts());
    // ...and so the published snapshots are the same too.
    PrivacyPolicy policy = PrivacyPolicy.ofDefaults();
    assertThat(incremental.counts().publish(policy, java.time.Instant.EPOCH))
        .isEqualTo(recomputed.counts().publish(policy, java.time.Instant.EPOCH));
  }

  @Property(tries = 200)
  void inPlaceEditsFoldLikeAFullRecomputation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int changes) {
    // Edits that keep a visit in its region and area take the fold's one-step update path.
    RandomSchedule schedule = new RandomSchedule(seed);
    Aggregator incremental = Aggregator.create();
    for (Change c : schedule.changesWithEdits(changes)) {
      incremental.apply(c);
    }
    Aggregator recomputed = Aggregator.create();
    recomputed.addAll(schedule.current());
    assertThat(incremental.counts()).isEqualTo(recomputed.counts());
  }

  @Property(tries = 100)
  void incrementalFoldSurvivesARestartAnywhere(@ForAll long seed, @ForAll @IntRange(min = 2, max = 200) int changes) {
    RandomSchedule schedule = new RandomSchedule(seed);
    List<Change> all = schedule.changes(changes);
    int cut = new SplittableRandom(seed).nextInt(all.size());
    Aggregator before = Aggregator.create();
    all.subList(0, cut).forEach(before::apply);
    Aggregator after = Aggregator.resume(AggregateCounts.fromJson(before.counts().toJson()));
    all.subList(cut, all.size()).forEach(after::apply);
    Aggregator recomputed = Aggregator.create();
    recomputed.addAll(schedule.current());
    assertThat(after.counts()).isEqualTo(recomputed.counts());
  }

  @Property(tries = 200)
  void partialAggregatesMergeExactly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int parts) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<SourceRecord> records = new RandomSchedule(seed).records(1 + rnd.nextInt(300));
    List<Aggregator> partial = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      partial.add(Aggregator.create());
    }
    Aggregator whole = Aggregator.create();
    for (SourceRecord r : records) {
      partial.get(rnd.nextInt(parts)).add(r);
      whole.add(r);
    }
    List<AggregateCounts> counts = new ArrayList<>();
    partial.forEach(p -> counts.add(p.counts()));
    Collections.shuffle(counts, new java.util.Random(seed));
    assertThat(AggregateCounts.mergeAll(counts)).isEqualTo(whole.counts());
    AggregateCounts folded = AggregateCounts.empty();
    for (AggregateCounts c : counts) {
      folded = c.merge(folded);
    }
    assertThat(folded).isEqualTo(whole.counts());
  }

  @Property(tries = 200)
  void shardsOfAChangeStreamMergeExactlyEvenWithNegativePartials(@ForAll long seed) {
    // A change stream split by position: a shard may see a deletion whose creation went elsewhere.
    RandomSchedule schedule = new RandomSchedule(seed);
    List<Change> changes = schedule.changes(300);
    Aggregator[] shards = {Aggregator.create(), Aggregator.create(), Aggregator.create()};
    SplittableRandom rnd = new SplittableRandom(seed);
    changes.forEach(c -> shards[rnd.nextInt(3)].apply(c));
    Aggregator recomputed = Aggregator.create();
    recomputed.addAll(schedule.current());
    assertThat(shards[0].counts().merge(shards[1].counts()).merge(shards[2].counts()))
        .isEqualTo(recomputed.counts());
  }

  @Property(tries = 200)
  void mergeIsAssociativeAndCommutativeWithEmptyAsIdentity(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    AggregateCounts a = randomCounts(rnd);
    AggregateCounts b = randomCounts(rnd);
    AggregateCounts c = randomCounts(rnd);
    assertThat(a.merge(b)).isEqualTo(b.merge(a));
    assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
    assertThat(a.merge(AggregateCounts.empty())).isEqualTo(a);
    assertThat(a.merge(b).hashCode()).isEqualTo(b.merge(a).hashCode());
  }

  @Property(tries = 150)
  void snapshotsOfDifferentRegionsMergeIntoTheSnapshotOfAll(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<SourceRecord> records = new RandomSchedule(seed).records(1 + rnd.nextInt(600));
    PrivacyPolicy policy = List.of(PrivacyPolicy.ofDefaults(),
        PrivacyPolicy.builder().suppressionThreshold(3).build(),
        PrivacyPolicy.builder().randomRounding(5).roundingKey(Secret.of("agency-rounding-key-" + seed)).build()).get(rnd.nextInt(3));
    // One host per region, each publishing its own snapshot at its own time.
    Map<String, Aggregator> hosts = new TreeMap<>();
    Aggregator whole = Aggregator.create();
    for (SourceRecord r : records) {
      hosts.computeIfAbsent(regionOf(r), k -> Aggregator.create()).add(r);
      whole.add(r);
    }
    List<AggregateSnapshot> parts = new ArrayList<>();
    int i = 0;
    for (Aggregator host : hosts.values()) {
      parts.add(host.counts().publish(policy, Instant.EPOCH.plusSeconds(60L * i++)));
    }
    AggregateSnapshot expected = whole.counts().publish(policy, Instant.EPOCH);
    Collections.shuffle(parts, new java.util.Random(seed));
    AggregateSnapshot left = parts.get(0);
    AggregateSnapshot right = parts.get(parts.size() - 1);
    for (int k = 1; k < parts.size(); k++) {
      left = left.merge(parts.get(k));
      right = parts.get(parts.size() - 1 - k).merge(right);
    }
    assertThat(left).isEqualTo(expected);
    assertThat(right).isEqualTo(expected);
    if (parts.size() >= 2) {
      assertThat(parts.get(0).merge(parts.get(1))).isEqualTo(parts.get(1).merge(parts.get(0)));
    }
    if (parts.size() == 3) {
      assertThat(parts.get(0).merge(parts.get(1)).merge(parts.get(2)))
          .isEqualTo(parts.get(0).merge(parts.get(1).merge(parts.get(2))));
    }
    // Suppressed parts of one region do not add up: merge their counts before publishing.
    AggregateSnapshot any = parts.get(0);
    assertThatThrownBy(() -> any.merge(any)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Both snapshots hold region '" + any.regions().get(0).regionId() + "'")
        .hasMessageContaining("Merge the AggregateCounts of its parts");
    PrivacyPolicy other = policy.toBuilder().suppressionThreshold(policy.suppressionThreshold() + 1).build();
    assertThatThrownBy(() -> any.merge(AggregateCounts.empty().publish(other, Instant.EPOCH)))
        .hasMessageContaining("different policies");
  }

  private static String regionOf(SourceRecord r) {
    if (r instanceof Client c) {
      return c.regionId();
    }
    if (r instanceof Caregiver g) {
      return g.regionId();
    }
    return ((Visit) r).regionId();
  }

  private static AggregateCounts randomCounts(SplittableRandom rnd) {
    Aggregator agg = Aggregator.create();
    RandomSchedule s = new RandomSchedule(rnd.nextLong());
    s.changes(rnd.nextInt(150)).forEach(ch -> {
      // Apply only some changes: the partial counts include negative cells, as shards' do.
      if (rnd.nextDouble() < 0.8) {
        agg.apply(ch);
      }
    });
    return agg.counts();
  }
}
