package com.optimalworkforce.alerts.scoring;

import static com.optimalworkforce.alerts.scoring.Fixture.booked;
import static com.optimalworkforce.alerts.scoring.Fixture.caregiver;
import static com.optimalworkforce.alerts.scoring.Fixture.local;
import static com.optimalworkforce.alerts.scoring.Fixture.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchHistoryTest {
  final MatchHistory history = MatchHistory.create();

  OfferCounts fridayAfternoons(String caregiverId) {
    return history.candidate(caregiverId).similarOffers(DayOfWeek.FRIDAY, TimeBand.AFTERNOON);
  }

  @Test
  void anUpdatedOfferReplacesItsPreviousVersionEvenWithoutIt() {
    ShiftOffer declined = offer("E1", "2026-11-13T14:00", OfferOutcome.DECLINED);
    ShiftOffer accepted = ShiftOffer.builder().id(declined.id()).visitId(declined.visitId()).caregiverId("E1")
        .zone(declined.zone()).shiftStart(declined.shiftStart()).shiftEnd(declined.shiftEnd())
        .offeredAt(declined.offeredAt()).outcome(OfferOutcome.ACCEPTED).build();
    history.apply(Change.created(declined));
    assertThat(fridayAfternoons("E1")).isEqualTo(new OfferCounts(0, 1));
    history.apply(Change.updated(declined, accepted));
    assertThat(fridayAfternoons("E1")).isEqualTo(new OfferCounts(1, 1));
    history.load(accepted); // again, as a bulk re-load would
    history.apply(Change.created(accepted));
    assertThat(fridayAfternoons("E1")).isEqualTo(new OfferCounts(1, 1));
    history.apply(Change.deleted(accepted));
    assertThat(fridayAfternoons("E1")).isEqualTo(OfferCounts.NONE);
    assertThat(history.sizes()).containsEntry(EntityType.SHIFT_OFFER, 0L);
  }

  @Test
  void anOfferMovedToAnotherCaregiverLeavesTheFirst() {
    ShiftOffer toE1 = offer("E1", "2026-11-13T14:00", OfferOutcome.ACCEPTED);
    history.load(toE1);
    history.load(ShiftOffer.builder().id(toE1.id()).visitId(toE1.visitId()).caregiverId("E2").zone(toE1.zone())
        .shiftStart(toE1.shiftStart()).shiftEnd(toE1.shiftEnd()).offeredAt(toE1.offeredAt())
        .outcome(OfferOutcome.ACCEPTED).build());
    assertThat(fridayAfternoons("E1")).isEqualTo(OfferCounts.NONE);
    assertThat(fridayAfternoons("E2")).isEqualTo(new OfferCounts(1, 1));
  }

  @Test
  void aReassignedVisitMovesBetweenCaregiversAndAnUnassignedOneLeavesTheIndex() {
    Visit v = booked("V1", "E1", "C1", "2026-11-23T09:00", 3, VisitStatus.SCHEDULED);
    history.onChanges(List.of(Change.created(v)));
    assertThat(history.candidate("E1").isBooked(local("2026-11-23T10:00"), local("2026-11-23T11:00"), null)).isTrue();

    Visit moved = v.toBuilder().caregiverId("E2").build();
    history.onChanges(List.of(Change.updated(v, moved)));
    assertThat(history.candidate("E1").isBooked(local("2026-11-23T10:00"), local("2026-11-23T11:00"), null)).isFalse();
    assertThat(history.candidate("E2").bookedHours(local("2026-11-23T00:00"), local("2026-11-24T00:00")))
        .isEqualTo(3.0);

    Visit open = moved.toBuilder().caregiverId(null).status(VisitStatus.OPEN).build();
    history.apply(Change.updated(moved, open));
    assertThat(history.candidate("E2").visitsStarting(local("2026-11-23T00:00"), local("2026-11-24T00:00"))).isZero();
    assertThat(history.sizes()).containsEntry(EntityType.VISIT, 0L);
  }

  @Test
  void loadingTheSameVisitsTwiceCountsThemOnce() {
    List<Visit> visits = List.of(
        booked("V1", "E1", "C1", "2026-11-13T09:00", 2, VisitStatus.COMPLETED),
        booked("V2", "E1", "C1", "2026-11-06T09:00", 2, VisitStatus.COMPLETED));
    assertThat(history.loadAll(visits)).isEqualTo(2);
    assertThat(history.loadAll(visits.stream())).isEqualTo(2);
    assertThat(history.candidate("E1").visitsWithClient("C1")).isEqualTo(2);
    assertThat(history.sizes()).containsEntry(EntityType.VISIT, 2L);
  }

  @Test
  void callOutsUnavailabilityAndCaregiversFollowTheirChanges() {
    var start = local("2026-11-16T09:00");
    CallOut c = new CallOut("CO1", "E1", "V1", Fixture.TORONTO, start, start.minus(Duration.ofHours(1)), null);
    history.load(c);
    assertThat(history.candidate("E1").callOuts(start.minus(Duration.ofDays(1)), start)).isEqualTo(
        new CallOutSummary(1, 1, 1));
    history.apply(Change.deleted(c));
    assertThat(history.candidate("E1").callOuts(start.minus(Duration.ofDays(1)), start)).isEqualTo(CallOutSummary.NONE);

    Unavailability u = new Unavailability("U1", "E1", Fixture.TORONTO, start, start.plus(Duration.ofHours(8)), null);
    history.load(u);
    assertThat(history.candidate("E1").isUnavailable(start, start.plusSeconds(60))).isTrue();
    history.apply(Change.deleted(u));
    assertThat(history.candidate("E1").isUnavailable(start, start.plusSeconds(60))).isFalse();

    history.load(caregiver("E1"));
    assertThat(history.caregivers(Fixture.REGION)).extracting(c2 -> c2.id()).containsExactly("E1");
    history.apply(Change.deleted(caregiver("E1")));
    assertThat(history.caregiver("E1")).isEmpty();
  }

  @Test
  void rankingSeesChangesMadeAfterAnEarlierRanking() {
    MatchScorer scorer = MatchScorer.create(history, Fixture.CLOCK);
    Visit friday = Fixture.shift("V-OPEN", "2026-11-20T14:00", 4);
    assertThat(scorer.rank(friday, List.of(caregiver("E1"))).scores()).hasSize(1);
    history.load(booked("V1", "E1", "C1", "2026-11-20T13:00", 2, VisitStatus.SCHEDULED));
    assertThat(scorer.rank(friday, List.of(caregiver("E1"))).exclusion("E1").orElseThrow().reason())
        .isEqualTo(ExclusionReason.DOUBLE_BOOKED);
  }

  @Test
  void aRecencyHalfLifeOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> MatchHistory.builder().recencyHalfLife(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT2H");
    // Weights are 2^(age in half-lives): shorter half-lives would overflow within a few years.
    assertThatThrownBy(() -> MatchHistory.builder().recencyHalfLife(Duration.ofDays(29)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT696H");
    assertThatThrownBy(() -> MatchHistory.builder().recencyHalfLife(Duration.ofDays(3651)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[30, 3650] days");
  }

  @Test
  void theShortestHalfLifeStillWeighsRecentOffersMoreEightyYearsOn() {
    // Recency weights are stored relative to 2025; with a 30-day half-life an offer in 2100 is
    // 2^913 times heavier, still a finite double.
    MatchHistory shortMemory = MatchHistory.builder().recencyHalfLife(Duration.ofDays(30)).build();
    java.time.Instant now = java.time.Instant.parse("2100-06-04T15:00:00Z"); // a Friday, 11:00 in Toronto
    Visit friday = Fixture.shift("V-OPEN", "2100-06-04T14:00", 3);
    for (int w = 1; w <= 4; w++) {
      java.time.Instant old = friday.start().minus(Duration.ofDays(7L * (w + 20)));
      java.time.Instant recent = friday.start().minus(Duration.ofDays(7L * w));
      shortMemory.load(offerAt("E1", old, OfferOutcome.ACCEPTED));
      shortMemory.load(offerAt("E1", recent, OfferOutcome.DECLINED));
      shortMemory.load(offerAt("E2", old, OfferOutcome.DECLINED));
      shortMemory.load(offerAt("E2", recent, OfferOutcome.ACCEPTED));
    }
    MatchScorer scorer = MatchScorer.create(shortMemory, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    MatchRanking r = scorer.rank(friday, List.of(caregiver("E1"), caregiver("E2")));
    assertThat(r.score("E1").orElseThrow().reason()).startsWith("accepted 4/8 similar shifts");
    assertThat(r.positionOf("E2")).isEqualTo(1);
    assertThat(r.score("E2").orElseThrow().probability()).isGreaterThan(r.score("E1").orElseThrow().probability() + 0.2);
  }

  @Test
  void anOfferWithAnAbsurdDateIsCountedButNotWeighedAndBreaksNoRanking() {
    // A source record dated in the year 9999: at any half-life its recency weight would be
    // infinite, and the agency prior with it.
    for (int w = 0; w < 6; w++) {
      history.load(offer("E1", Fixture.at("2026-10-02", 7 * w, "14:00"), w < 5 ? OfferOutcome.ACCEPTED
          : OfferOutcome.DECLINED));
      history.load(offer("E2", Fixture.at("2026-10-02", 7 * w, "14:00"), OfferOutcome.DECLINED));
    }
    history.load(offerAt("E3", java.time.Instant.parse("9999-06-04T18:00:00Z"), OfferOutcome.ACCEPTED));
    MatchScorer scorer = MatchScorer.create(history, MatchConfig.builder().calibrate(false).build(), Fixture.CLOCK);
    assertThat(scorer.acceptancePrior().mean()).isCloseTo(5 / 12.0, org.assertj.core.api.Assertions.within(0.02));
    MatchRanking r = scorer.rank(Fixture.shift("V-OPEN", "2026-11-20T14:00", 4),
        List.of(caregiver("E1"), caregiver("E2"), caregiver("E3")));
    assertThat(r.scores()).extracting(MatchScore::caregiverId).containsExactly("E1", "E3", "E2");
    assertThat(history.candidate("E3").offers()).isEqualTo(new OfferCounts(1, 1));
  }

  static ShiftOffer offerAt(String caregiverId, java.time.Instant start, OfferOutcome outcome) {
    ShiftOffer o = offer(caregiverId, "2026-11-13T14:00", outcome);
    return ShiftOffer.builder().id(o.id()).visitId(o.visitId()).caregiverId(caregiverId).zone(o.zone())
        .shiftStart(start).shiftEnd(start.plus(Duration.ofHours(3))).serviceCode(o.serviceCode())
        .offeredAt(start.minus(Duration.ofDays(1))).outcome(outcome).build();
  }
}
