package com.optimalworkforce.alerts.scoring;

/**
 * How many offers a caregiver received and accepted (raw counts, no smoothing, no decay): what a
 * reason shows ("accepted 6/7 similar shifts").
 *
 * <pre>{@code
 * OfferCounts similar = history.similarOffers(DayOfWeek.FRIDAY, TimeBand.AFTERNOON);
 * String text = "accepted " + similar.accepted() + "/" + similar.offered() + " similar shifts";
 * }</pre>
 *
 * @param accepted offers answered "accepted"
 * @param offered all offers (accepted, declined, no response)
 */
public record OfferCounts(int accepted, int offered) {
  /** No offers. */
  public static final OfferCounts NONE = new OfferCounts(0, 0);

  public OfferCounts {
    if (offered < 0 || accepted < 0 || accepted > offered) {
      throw new IllegalArgumentException("OfferCounts: need 0 <= accepted <= offered but got " + accepted + "/" + offered);
    }
  }

  /** The raw share accepted, or {@code NaN} with no offers. */
  public double rate() {
    return offered == 0 ? Double.NaN : (double) accepted / offered;
  }
}
