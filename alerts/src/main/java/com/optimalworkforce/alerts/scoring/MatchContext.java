package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.Visit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a {@link MatchFactor} sees for one candidate: the shift, the candidate, their history and
 * values the scorer already computed once (local time, pay week hours, distance, acceptance).
 * Valid only during {@link MatchFactor#evaluate}; do not keep it.
 *
 * <pre>{@code
 * FactorSignal evaluate(MatchContext ctx) {
 *   double hours = ctx.hoursInPayWeek() + ctx.shift().hours();
 *   return hours > 40 ? FactorSignal.of(-1, "over 40 h this week") : FactorSignal.neutral();
 * }
 * }</pre>
 */
public interface MatchContext {

  /** The shift being filled. */
  Visit shift();

  /** Its start in the region's time zone. */
  ZonedDateTime localStart();

  /** Its band of the day. */
  TimeBand band();

  /** The candidate. */
  Caregiver caregiver();

  /** The shift's client, when the history knows it. */
  Optional<Client> client();

  /** "Now", from the scorer's clock. */
  Instant now();

  /** Today's date in the shift's zone. */
  LocalDate today();

  /** The scorer's configuration. */
  MatchConfig config();

  /** The candidate's history. */
  CandidateHistory history();

  /** The smoothed acceptance of similar shifts (computed on first use). */
  AcceptanceEstimate acceptance();

  /** Hours the candidate is already booked in the shift's pay week, this shift left out. */
  double hoursInPayWeek();

  /** Kilometres from the candidate's home to the place of care, when both are known. */
  OptionalDouble distanceKm();
}
