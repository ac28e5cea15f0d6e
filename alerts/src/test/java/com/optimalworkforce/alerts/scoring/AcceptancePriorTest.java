package com.optimalworkforce.alerts.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.optimalworkforce.core.model.OfferOutcome;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The Beta prior is fitted from the agency's own offers (method of moments): its mean is the
 * agency's rate and its strength reflects how much acceptance really varies between caregivers,
 * and within a caregiver between slots. Populations drawn from known rates: for rates with mean
 * m and variance v the strength to recover is {@code m(1-m)/v - 1}.
 */
class AcceptancePriorTest {
  static final int CAREGIVERS = 300;
  static final int[] HOURS = {3, 9, 14, 19}; // one per band

  /**
   * An agency whose caregiver {@code i} accepts an offer starting at local {@code start} with
   * probability {@code p.apply(i, start)}; offers spread over six weeks before the fixture's now.
   */
  static AcceptancePrior fit(long seed, int caregivers, int offersEach, BiFunction<Integer, String, Double> p) {
    SplittableRandom random = new SplittableRandom(seed);
    MatchHistory history = MatchHistory.create();
    for (int i = 0; i < caregivers; i++) {
      for (int k = 0; k < offersEach; k++) {
        String start = LocalDate.parse("2026-10-05").plusDays(random.nextInt(42)) + "T"
            + String.format("%02d", HOURS[random.nextInt(HOURS.length)]) + ":00";
        boolean accepted = random.nextDouble() < p.apply(i, start);
        history.load(Fixture.offer("E" + i, start, accepted ? OfferOutcome.ACCEPTED : OfferOutcome.DECLINED));
      }
    }
    return MatchScorer.create(history, MatchConfig.builder().calibrate(false).build(), Fixture.CLOCK)
        .acceptancePrior();
  }

  @Test
  void caregiversWhoDifferRecoverTheStrengthOfTheirSpread() {
    // Rates evenly spread over [0.1, 0.7]: mean 0.4, variance 0.03, strength 0.24 / 0.03 - 1 = 7.
    double[] rate = new double[CAREGIVERS];
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < CAREGIVERS; i++) {
      rate[i] = 0.1 + 0.6 * r.nextDouble();
    }
    AcceptancePrior prior = fit(1, CAREGIVERS, 40, (i, start) -> rate[i]);
    assertThat(prior.mean()).isCloseTo(0.4, within(0.02));
    assertThat(prior.strength()).isBetween(4.5, 10.5);
    assertThat(prior.caregivers()).isEqualTo(CAREGIVERS);
    assertThat(prior.offers()).isEqualTo(CAREGIVERS * 40L);
    // Within a caregiver nothing varies: the slot level is held at the strongest prior.
    assertThat(prior.slotStrength()).isGreaterThan(100);
  }

  @Test
  void caregiversWhoAllAcceptAlikeGetAStrongPrior() {
    AcceptancePrior prior = fit(2, CAREGIVERS, 40, (i, start) -> 0.4);
    assertThat(prior.mean()).isCloseTo(0.4, within(0.02));
    assertThat(prior.strength()).isGreaterThan(100);
  }

  @Test
  void aFavouriteSlotShowsAsAWeakSlotPriorOnceThereAreEnoughOffers() {
    // Everyone accepts Friday afternoons (2 PM) with 0.9 and the rest with 0.3. Among a
    // caregiver's weekday slots (1 in 20 at 0.9) the rates vary with strength about 12. With
    // about 7 offers a slot that shows; with under 2 a slot it cannot be told from noise, and
    // the slot prior stays strong (the caregiver's overall rate then decides).
    BiFunction<Integer, String, Double> friday = (i, start) ->
        LocalDate.parse(start.substring(0, 10)).getDayOfWeek().getValue() == 5 && start.endsWith("T14:00") ? 0.9 : 0.3;
    AcceptancePrior dense = fit(3, 100, 200, friday);
    assertThat(dense.slotStrength()).as(dense.toString()).isBetween(6.0, 35.0);
    assertThat(dense.strength()).as(dense.toString()).isGreaterThan(100);
    AcceptancePrior sparse = fit(3, CAREGIVERS, 40, friday);
    assertThat(sparse.slotStrength()).as(sparse.toString()).isGreaterThan(dense.slotStrength());
  }
}
