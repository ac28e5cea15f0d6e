package com.optimalworkforce.core.aggregate;

import static com.optimalworkforce.core.aggregate.Records.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseTest {
  static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
  static final Instant T1 = T0.plus(Duration.ofDays(1));

  static AggregateCounts clients(String region, int... perArea) {
    Aggregator a = Aggregator.create();
    String[] areas = {"M4A", "M4B", "M4C", "M4E"};
    for (int i = 0; i < perArea.length; i++) {
      for (int k = 0; k < perArea[i]; k++) {
        a.add(client(region + i + "-" + k, region, areas[i] + " 1A1", true));
      }
    }
    return a.counts();
  }

  @Test
  void theFirstReleaseIsThePlainSnapshotAndTheNextFollowsIt() {
    Aggregator a = Aggregator.create();
    a.addAll(new RandomSchedule(7).records(800));
    AggregateCounts counts = a.counts();
    Release first = counts.release(PrivacyPolicy.ofDefaults(), T0);
    assertThat(first.snapshot()).isEqualTo(counts.publish(PrivacyPolicy.ofDefaults(), T0));
    assertThat(first.asOf()).isEqualTo(T0);
    // Nothing changed: the next release hides exactly the same cells, with the same figures.
    Release same = counts.release(PrivacyPolicy.ofDefaults(), T1, first);
    assertThat(same.snapshot().regions()).isEqualTo(first.snapshot().regions());
    assertThat(same.gaps()).isZero();
  }

  @Test
  void aHostPublishingByHandPassesEachReleaseToTheNext() {
    Aggregator aggregator = Aggregator.create();
    String[] areas = {"M4A", "M4B", "M4C", "M4E"};
    int[] clients = {50, 3, 19, 20};
    for (int i = 0; i < areas.length; i++) {
      for (int k = 0; k < clients[i]; k++) {
        aggregator.add(client(areas[i] + "-" + k, "east", areas[i] + " 1A1", true));
      }
    }
    List<Change> changes = List.of(Change.created(client("c-new-1", "east", "M4C 2B2", true)),
        Change.created(client("c-new-2", "east", "M4C 2B2", true)));
    List<AggregateSnapshot> sent = new ArrayList<>();
    AggregateSink sink = sent::add;
    PrivacyPolicy policy = PrivacyPolicy.ofDefaults();
    // tag::series[]
    Release first = aggregator.release(policy);              // the first snapshot of a series
    sink.publish(first.snapshot());
    String kept = first.toJson();                             // agency zone only: it holds exact counts
    // ... the next sync's changes reach the aggregator (after a restart, too) ...
    aggregator.applyAll(changes);
    Release next = aggregator.release(policy, Release.fromJson(kept));
    sink.publish(next.snapshot());
    // end::series[]
    assertThat(sent).hasSize(2);
    RegionSnapshot east = sent.get(1).region("east").orElseThrow();
    assertThat(east.area(GeoArea.of("M4B")).activeClients()).isEmpty();
    assertThat(east.area(GeoArea.of("M4C")).activeClients()).as("last time's complement").isEmpty();
    assertThat(east.area(GeoArea.of("M4E")).activeClients()).hasValue(20);
  }

  @Test
  void aReleaseReadBackFromJsonContinuesTheSeriesExactlyAsTheOriginal() {
    RandomSchedule schedule = new RandomSchedule(11);
    Aggregator a = Aggregator.create();
    a.applyAll(schedule.changes(600));
    Release first = a.counts().release(PrivacyPolicy.ofDefaults(), T0);
    String json = first.toJson();
    Release back = Release.fromJson(json);
    assertThat(back).isEqualTo(first);
    assertThat(back.toJson()).isEqualTo(json);

    a.applyAll(schedule.changes(10));
    Release fromOriginal = a.counts().release(PrivacyPolicy.ofDefaults(), T1, first);
    Release fromStored = a.counts().release(PrivacyPolicy.ofDefaults(), T1, back);
    assertThat(fromStored).isEqualTo(fromOriginal);
  }

  @Test
  void theReleaseJsonIsAgencyZoneDataAndTheSnapshotCarriesNoneOfIt() {
    Release r = clients("east", 50, 3, 19, 20).release(PrivacyPolicy.ofDefaults(), T0);
    assertThat(r.toJson()).contains("agency zone only, never publish").contains("\"value\":3");
    String published = r.snapshot().toJson();
    assertThat(published).doesNotContain("alternatives").doesNotContain("\"hidden\"").doesNotContain("agency zone");
    assertThat(AggregateSnapshot.fromJson(published)).isEqualTo(r.snapshot());
  }

  @Test
  void badInputFailsWithWhatToDo() {
    Release first = clients("east", 50, 3, 19, 20).release(PrivacyPolicy.ofDefaults(), T1);
    AggregateCounts later = clients("east", 50, 3, 21, 20);
    assertThatThrownBy(() -> later.release(PrivacyPolicy.ofDefaults(), T0, first))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is before the previous release's " + T1);
    assertThatThrownBy(() -> Release.fromJson("{\"schemaVersion\":2,\"snapshot\":{},\"regions\":{}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemaVersion 2");
    assertThatThrownBy(() -> Release.fromJson(first.snapshot().toJson()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not aggregate release JSON");
    assertThatThrownBy(() -> later.release(PrivacyPolicy.ofDefaults(), T1, null)).isInstanceOf(
        NullPointerException.class).hasMessageContaining("previous");
  }

  @Test
  void regionsComeAndGoAndThePolicyMayChangeWithinASeries() {
    Release first = clients("east", 50, 3, 19, 20).merge(clients("west", 40, 40))
        .release(PrivacyPolicy.ofDefaults(), T0);
    // West has no counts any more; north is new; the threshold rises.
    PrivacyPolicy stricter = PrivacyPolicy.builder().suppressionThreshold(20).build();
    Release second = clients("east", 50, 3, 21, 20).merge(clients("north", 30, 2))
        .release(stricter, T1, first);
    assertThat(second.snapshot().regions()).extracting(RegionSnapshot::regionId).containsExactly("east", "north");
    assertThat(second.snapshot().policy()).isEqualTo(stricter);
    RegionSnapshot east = second.snapshot().region("east").orElseThrow();
    assertThat(east.area(GeoArea.of("M4B")).activeClients()).isEmpty();
    assertThat(east.area(GeoArea.of("M4C")).activeClients()).as("hidden as complement before, 21 > 20 now")
        .isEmpty();
    Release third = clients("west", 40, 40).release(stricter, T1.plusSeconds(60), second);
    assertThat(third.snapshot().regions()).extracting(RegionSnapshot::regionId).containsExactly("west");
  }

  @Test
  void roundingNeedsAKeyOfItsOwnAndTheSameKeyRoundsTheSameWay() {
    AggregateCounts counts = clients("east", 52, 13, 19, 27);
    PrivacyPolicy keyless = PrivacyPolicy.builder().randomRounding(5).build();
    assertThat(keyless.roundingKey()).isEmpty();
    assertThatThrownBy(() -> counts.publish(keyless, T0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rounds figures to a multiple of 5 but has no rounding key")
        .hasMessageContaining("roundingKey(secret)");
    assertThatThrownBy(() -> counts.release(keyless, T0)).hasMessageContaining("no rounding key");
    assertThatThrownBy(() -> PrivacyPolicy.builder().roundingKey(Secret.of("short-key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 characters but had 9").hasMessageNotContaining("short-key");

    // Two policies built apart (as after a restart) with the stored key round identically.
    String stored = "9f2c4e1a7b3d5f60a1b2c3d4e5f60718";
    AggregateSnapshot before = counts.publish(keyless.toBuilder().roundingKey(Secret.of(stored)).build(), T0);
    AggregateSnapshot after = counts.publish(PrivacyPolicy.builder().randomRounding(5)
        .roundingKey(Secret.of(stored)).build(), T0);
    assertThat(after).isEqualTo(before);
    // A policy read back from a published snapshot describes the rounding but cannot publish.
    assertThat(AggregateSnapshot.fromJson(before.toJson()).policy().roundingKey()).isEmpty();
  }
}
