package com.optimalworkforce.alerts.scoring;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the {@link MatchHistory} knows about one caregiver, read-only and consistent (a snapshot):
 * the view a {@link MatchFactor} reads through {@link MatchContext#history()}. A caregiver with
 * no history gives an empty view (zero counts).
 *
 * <pre>{@code
 * CandidateHistory h = context.history();
 * OfferCounts similar = h.similarOffers(DayOfWeek.FRIDAY, TimeBand.AFTERNOON);
 * int withClient = h.visitsWithClient(context.shift().clientId());
 * }</pre>
 *
 * <p>Worked visits are those completed or in progress; booked visits are scheduled, in progress
 * or completed (cancelled, missed and on-hold visits book no time).
 */
public interface CandidateHistory {

  /** The caregiver's id. */
  String caregiverId();

  /** Every offer the caregiver received. */
  OfferCounts offers();

  /** Offers of shifts starting on that weekday in that band (local time of each offer's zone). */
  OfferCounts similarOffers(DayOfWeek day, TimeBand band);

  /** As {@link #similarOffers(DayOfWeek, TimeBand)}, restricted to one service code. */
  OfferCounts similarOffers(DayOfWeek day, TimeBand band, String serviceCode);

  /** Worked visits with the client. */
  int visitsWithClient(String clientId);

  /**
   * Of the {@code weeks} same weekdays before {@code shiftDate} that are before {@code today},
   * how many the caregiver worked; weeks before the caregiver's first worked visit are left out.
   */
  WeekdayAttendance weekdayAttendance(LocalDate shiftDate, LocalDate today, int weeks);

  /** Call-outs reported in {@code [from, to)}. */
  CallOutSummary callOuts(Instant from, Instant to);

  /** Visits assigned to the caregiver (any status) that start in {@code [from, to)}. */
  int visitsStarting(Instant from, Instant to);

  /** Booked hours inside {@code [from, to)} (visits are clipped to the span). */
  double bookedHours(Instant from, Instant to);

  /** True when a booked visit other than {@code exceptVisitId} overlaps {@code [from, to)}. */
  boolean isBooked(Instant from, Instant to, String exceptVisitId);

  /** True when an unavailability overlaps {@code [from, to)}. */
  boolean isUnavailable(Instant from, Instant to);
}
