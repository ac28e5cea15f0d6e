package com.optimalworkforce.alerts.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.ScheduleQuery;
import com.optimalworkforce.core.store.StoredRecord;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.InMemoryConnector;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The history as a sync {@link com.optimalworkforce.core.sync.ChangeListener}: a real
 * {@link SyncEngine} reads the synthetic agency through the in-memory connector and folds every
 * change into the history as it arrives. After the initial sync and after an incremental one,
 * the rankings equal those of a history rebuilt from the schedule store, and they show the
 * changes made at the source.
 */
class MatchHistorySyncTest {
  final SyntheticAgency agency = SyntheticAgency.small();
  final BehaviourProfiles p = agency.profiles().orElseThrow();
  final MutableClock clock = MutableClock.at(agency.now());
  final InMemoryScheduleStore store = InMemoryScheduleStore.create();
  final MatchHistory synced = MatchHistory.create();
  final SyncEngine engine = SyncEngine.builder("agency", InMemoryConnector.builder(agency).apiKey(agency.apiKey())
      .build()).scheduleStore(store).integrationStore(InMemoryIntegrationStore.create()).clock(clock)
      .pageSize(200).listener(synced).build();
  final Set<String> regions = agency.regions().stream().map(r -> r.id()).collect(Collectors.toSet());

  /** A history bulk-loaded from what the store holds now. */
  MatchHistory rebuilt() {
    MatchHistory h = MatchHistory.create();
    for (EntityType type : EntityType.values()) {
      try (Stream<StoredRecord> s = store.query(ScheduleQuery.of(type))) {
        h.loadAll(s.map(StoredRecord::record));
      }
    }
    return h;
  }

  static void assertSameRanking(MatchRanking actual, MatchRanking expected) {
    assertThat(actual.excluded()).extracting(x -> x.caregiverId() + " " + x.reason() + " " + x.detail())
        .containsExactlyElementsOf(expected.excluded().stream()
            .map(x -> x.caregiverId() + " " + x.reason() + " " + x.detail()).toList());
    assertThat(actual.scores()).extracting(MatchScore::caregiverId)
        .containsExactlyInAnyOrderElementsOf(expected.scores().stream().map(MatchScore::caregiverId).toList());
    for (MatchScore e : expected.scores()) {
      MatchScore a = actual.score(e.caregiverId()).orElseThrow();
      // The same records in another order: sums may differ in the last bits, nothing more.
      assertThat(a.probability()).as(e.caregiverId()).isCloseTo(e.probability(), within(1e-6));
      assertThat(a.reason()).as(e.caregiverId()).isEqualTo(e.reason());
      assertThat(a.contributions()).extracting(FactorContribution::explanation)
          .containsExactlyElementsOf(e.contributions().stream().map(FactorContribution::explanation).toList());
    }
  }

  @Test
  void syncsFeedTheHistoryIncrementallyAndRankingsFollowTheSource() {
    SyncReport first = engine.sync(regions);
    assertThat(first.completed()).isTrue();
    assertThat(synced.sizes().get(EntityType.SHIFT_OFFER)).isPositive();
    assertThat(synced.sizes().get(EntityType.VISIT)).isPositive();

    Visit shift = agency.visit(p.openFridayAfternoonVisit()).orElseThrow();
    List<Caregiver> candidates = agency.caregivers();
    MatchScorer scorer = MatchScorer.create(synced, clock);
    MatchRanking before = scorer.rank(shift, candidates);
    assertSameRanking(before, MatchScorer.create(rebuilt(), clock).rank(shift, candidates));

    // Changes at the source. A (scored) is booked across the shift; B (scored, no call-outs)
    // calls out at the last minute; C's answers to the shifts in the window flip, one is deleted.
    List<MatchScore> scored = before.scores();
    String a = scored.get(0).caregiverId();
    String b = scored.stream().map(MatchScore::caregiverId).filter(id -> !id.equals(a))
        .filter(id -> synced.candidate(id).callOuts(agency.now().minus(Duration.ofDays(90)), agency.now()).total() == 0)
        .findFirst().orElseThrow();
    String c = p.fridayAfternoonAccepter();
    agency.put(shift.toBuilder().id("V-NEW").caregiverId(a).status(VisitStatus.SCHEDULED)
        .start(shift.start().minus(Duration.ofHours(1))).end(shift.start().plus(Duration.ofHours(1))).build());
    Visit calledOut = agency.visits().filter(v -> b.equals(v.caregiverId()))
        .filter(v -> v.start().isBefore(agency.now()) && v.start().isAfter(agency.now().minus(Duration.ofDays(14))))
        .findFirst().orElseThrow();
    agency.put(new CallOut("CO-NEW", b, calledOut.id(), calledOut.zone(), calledOut.start(),
        calledOut.start().minus(Duration.ofMinutes(30)), "Car broke down"));
    List<ShiftOffer> cOffers = new ArrayList<>();
    try (Stream<StoredRecord> s = store.query(ScheduleQuery.of(EntityType.SHIFT_OFFER))) {
      s.map(StoredRecord::record).map(ShiftOffer.class::cast).filter(o -> o.caregiverId().equals(c))
          .forEach(cOffers::add);
    }
    assertThat(cOffers).hasSizeGreaterThan(1);
    for (ShiftOffer o : cOffers.subList(1, cOffers.size())) {
      agency.put(flipped(o));
    }
    agency.delete(cOffers.get(0).key());
    OfferCounts cBefore = synced.candidate(c).offers();

    clock.advance(Duration.ofHours(1));
    SyncReport second = engine.sync(regions);
    assertThat(second.completed()).isTrue();

    MatchRanking after = scorer.rank(shift, candidates);
    assertThat(after.exclusion(a).orElseThrow().reason()).isEqualTo(ExclusionReason.DOUBLE_BOOKED);
    assertThat(after.score(b).orElseThrow().contribution(MatchFactors.RELIABILITY).orElseThrow().explanation())
        .isEqualTo("1 call-out in 90 days (1 last-minute)");
    OfferCounts cAfter = synced.candidate(c).offers();
    assertThat(cAfter.offered()).isEqualTo(cBefore.offered() - 1);
    int flippedAccepted = (int) cOffers.subList(1, cOffers.size()).stream()
        .filter(o -> o.outcome() != OfferOutcome.ACCEPTED).count();
    assertThat(cAfter.accepted()).isEqualTo(cBefore.accepted() - (int) cOffers.stream()
        .filter(o -> o.outcome() == OfferOutcome.ACCEPTED).count() + flippedAccepted);
    assertSameRanking(after, MatchScorer.create(rebuilt(), clock).rank(shift, candidates));
  }

  static SourceRecord flipped(ShiftOffer o) {
    return ShiftOffer.builder().id(o.id()).visitId(o.visitId()).caregiverId(o.caregiverId()).zone(o.zone())
        .shiftStart(o.shiftStart()).shiftEnd(o.shiftEnd()).serviceCode(o.serviceCode()).offeredAt(o.offeredAt())
        .outcome(o.outcome() == OfferOutcome.ACCEPTED ? OfferOutcome.DECLINED : OfferOutcome.ACCEPTED).build();
  }
}
