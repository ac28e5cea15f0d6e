package com.optimalworkforce.alerts.view;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * A read-only, indexed view of the agency's schedule that alert rules query cheaply: visits by
 * start time (all, per region, unfilled only), by caregiver and by client; scheduled hours per
 * caregiver and per region for each pay week; call-outs, unavailability and offers per caregiver
 * or shift. {@link ScheduleIndex} is the implementation, kept current from sync changes.
 *
 * <pre>{@code
 * Instant now = clock.instant();
 * for (Visit open : view.unfilledStarting(now, now.plus(Duration.ofHours(24)))) { ... }
 * double hours = view.hoursOf("E-42", view.payCalendar().weekOf(now, zone));
 * }</pre>
 *
 * <p>Ranges are half-open, {@code [from, to)}, on the start time (of a visit, of the shift a
 * call-out was for) or, for unavailability, on overlap. Lists come sorted by start time and are
 * the caller's to keep.
 */
public interface ScheduleView {

  /** How pay weeks are cut. */
  PayCalendar payCalendar();

  /** How many changes were applied since the view was created; moves on every change. */
  long version();

  Optional<Visit> visit(String visitId);

  Optional<Caregiver> caregiver(String caregiverId);

  Optional<Client> client(String clientId);

  /** Caregivers whose home branch is the region. */
  List<Caregiver> caregiversIn(String regionId);

  /** Every region the view knows of (from visits, caregivers and clients). */
  Set<String> regionIds();

  /** The region's time zone, learnt from its visits; empty if it has none yet. */
  Optional<ZoneId> zone(String regionId);

  /** Visits starting in {@code [from, to)}, every region. */
  List<Visit> visitsStarting(Instant from, Instant to);

  /** Visits of one region starting in {@code [from, to)}. */
  List<Visit> visitsStarting(String regionId, Instant from, Instant to);

  /** Live visits with nobody assigned, starting in {@code [from, to)}, every region. */
  List<Visit> unfilledStarting(Instant from, Instant to);

  /** The caregiver's visits starting in {@code [from, to)}, whatever their status. */
  List<Visit> visitsOf(String caregiverId, Instant from, Instant to);

  /** The client's visits starting in {@code [from, to)}, whatever their status. */
  List<Visit> visitsFor(String clientId, Instant from, Instant to);

  /**
   * Hours the caregiver is booked in the pay week: assigned visits that are scheduled, in progress
   * or completed, split at pay-week boundaries.
   */
  double hoursOf(String caregiverId, LocalDate payWeek);

  /** Booked hours (as {@link #hoursOf}) of every caregiver with any in the pay week. */
  Map<String, Double> hoursByCaregiver(LocalDate payWeek);

  /**
   * Scheduled service hours of the region per pay week (every visit that is not cancelled, filled
   * or not, counted in the week it starts in), oldest week first.
   */
  SortedMap<LocalDate, Double> weeklyHours(String regionId);

  /** The caregiver's call-outs for shifts starting in {@code [from, to)}. */
  List<CallOut> callOutsOf(String caregiverId, Instant from, Instant to);

  /** Caregivers with at least one call-out on record. */
  Set<String> caregiversWithCallOuts();

  /** The caregiver's unavailability overlapping {@code [from, to)}. */
  List<Unavailability> unavailabilityOf(String caregiverId, Instant from, Instant to);

  /** Caregivers with at least one unavailability on record. */
  Set<String> caregiversWithUnavailability();

  /** Offers made for the shift, oldest first. */
  List<ShiftOffer> offersFor(String visitId);

  /** How the shift became open, when the view saw it happen (a call-out or a change). */
  Optional<Vacancy> vacancy(String visitId);

  /** Every open shift whose vacancy the view knows, most recently opened first. */
  List<Vacancy> vacancies();
}
