package com.optimalworkforce.core.model;

/**
 * What a caregiver answered when offered a shift.
 *
 * <pre>{@code
 * boolean accepted = offer.outcome() == OfferOutcome.ACCEPTED;
 * }</pre>
 */
public enum OfferOutcome {
  ACCEPTED,
  DECLINED,
  NO_RESPONSE
}
