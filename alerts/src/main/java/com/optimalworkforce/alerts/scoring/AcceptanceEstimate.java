package com.optimalworkforce.alerts.scoring;

import java.util.Objects;

/**
 * The smoothed chance that a caregiver accepts a shift like this one, with the raw counts behind
 * it. Offers of similar shifts (same weekday and time band) are shrunk towards the caregiver's
 * other shifts of the same kind of day (weekday or weekend), which are shrunk towards all the
 * caregiver's other shifts, which are shrunk towards the agency ({@link AcceptancePrior});
 * recent offers weigh more.
 *
 * <pre>{@code
 * AcceptanceEstimate a = context.acceptance();
 * String text = "accepted " + a.similar().accepted() + "/" + a.similar().offered() + " similar shifts";
 * double p = a.rate();    // used in the score
 * }</pre>
 *
 * @param similar raw counts of similar shifts (same weekday and time band, and service if configured)
 * @param other raw counts of the caregiver's other offers
 * @param rate the smoothed, recency-weighted acceptance of similar shifts, in (0, 1)
 * @param priorRate what the similar-shift counts were shrunk towards: the caregiver's other shifts
 *     of the same kind of day, smoothed in turn
 * @param agencyRate the agency's rate
 */
public record AcceptanceEstimate(OfferCounts similar, OfferCounts other, double rate, double priorRate,
    double agencyRate) {

  public AcceptanceEstimate {
    Objects.requireNonNull(similar, "similar");
    Objects.requireNonNull(other, "other");
    if (!(rate > 0 && rate < 1)) {
      throw new IllegalArgumentException("AcceptanceEstimate: rate must be within (0, 1) but was " + rate);
    }
  }
}
