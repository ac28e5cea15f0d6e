package com.optimalworkforce.alerts.scoring;

/**
 * The Beta priors the scorer fitted, by the method of moments, from the agency's own offer
 * history: how often caregivers accept in general, and how much acceptance varies between
 * caregivers, between a caregiver's weekday and weekend shifts, and between a caregiver's
 * weekday-and-time-band slots. A strength is the number of offers that weigh as much as the
 * level above: small when the level varies a lot (its own counts then speak loudly).
 *
 * <pre>{@code
 * AcceptancePrior prior = scorer.acceptancePrior();
 * // a caregiver never offered anything is predicted at prior.mean()
 * log.info("agency acceptance {} = Beta({}, {})", prior.mean(), prior.alpha(), prior.beta());
 * }</pre>
 *
 * @param mean the agency's (recency-weighted) acceptance rate
 * @param strength caregivers around the agency ({@code alpha + beta} of the caregiver-level prior)
 * @param dayKindStrength a caregiver's weekday (or weekend) shifts around the caregiver's others
 * @param slotStrength a caregiver's similar shifts around the rest of the same day kind
 * @param caregivers caregivers with at least one offer, used for the fit
 * @param offers offers used for the fit
 */
public record AcceptancePrior(double mean, double strength, double dayKindStrength, double slotStrength,
    int caregivers, long offers) {

  public AcceptancePrior {
    if (!(mean > 0 && mean < 1)) {
      throw new IllegalArgumentException("AcceptancePrior: mean must be within (0, 1) but was " + mean);
    }
    if (!(strength > 0) || !(dayKindStrength > 0) || !(slotStrength > 0)) {
      throw new IllegalArgumentException("AcceptancePrior: strengths must be positive but were " + strength + ", "
          + dayKindStrength + " and " + slotStrength);
    }
  }

  /** The caregiver-level prior's alpha: pseudo-acceptances. */
  public double alpha() {
    return mean * strength;
  }

  /** The caregiver-level prior's beta: pseudo-refusals. */
  public double beta() {
    return (1 - mean) * strength;
  }
}
