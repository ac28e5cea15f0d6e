package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.CallOutSummary;
import com.optimalworkforce.alerts.scoring.CandidateHistory;
import com.optimalworkforce.alerts.scoring.OfferCounts;
import com.optimalworkforce.alerts.scoring.TimeBand;
import com.optimalworkforce.alerts.scoring.WeekdayAttendance;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** An immutable view of one caregiver's history; what factors read. */
public final class CaregiverSnapshot implements CandidateHistory {
  private final String caregiverId;
  private final int index;
  private final int version;
  private final HistoryIndex history;
  private final VisitTable visits;
  private final OfferCells offers;
  private final Map<Integer, OfferCells> offersByService;
  private final CallOutTable callOuts;
  private final UnavailabilityTable unavailability;
  /** The unavailability's latest end, kept here so most rankings need not open the table. */
  private final long unavailableUntil;

  CaregiverSnapshot(String caregiverId, int index, int version, HistoryIndex history, VisitTable visits,
      OfferCells offers, Map<Integer, OfferCells> offersByService, CallOutTable callOuts,
      UnavailabilityTable unavailability) {
    this.caregiverId = caregiverId;
    this.index = index;
    this.version = version;
    this.history = history;
    this.visits = visits;
    this.offers = offers;
    this.offersByService = offersByService;
    this.callOuts = callOuts;
    this.unavailability = unavailability;
    this.unavailableUntil = unavailability.lastEnd();
  }

  /** An empty history for a caregiver the index has never seen (index -1) or not yet snapshotted. */
  static CaregiverSnapshot empty(String caregiverId, int index, HistoryIndex history) {
    return new CaregiverSnapshot(caregiverId, index, 0, history, VisitTable.EMPTY, OfferCells.EMPTY, Map.of(),
        CallOutTable.EMPTY, UnavailabilityTable.EMPTY);
  }

  /** The caregiver's index in the history, or -1 when the history does not know them. */
  int index() {
    return index;
  }

  int version() {
    return version;
  }

  VisitTable visitTable() {
    return visits;
  }

  OfferCells offerCells() {
    return offers;
  }

  Map<Integer, OfferCells> serviceCells() {
    return offersByService;
  }

  /** The service's cells, or null. */
  OfferCells serviceCells(int serviceIdx) {
    return offersByService.get(serviceIdx);
  }

  CallOutTable callOutTable() {
    return callOuts;
  }

  /** True when some unavailability ends after {@code second} (only then can it overlap a later span). */
  boolean unavailableAfter(long second) {
    return unavailableUntil > second;
  }

  UnavailabilityTable unavailabilityTable() {
    return unavailability;
  }

  @Override
  public String caregiverId() {
    return caregiverId;
  }

  @Override
  public OfferCounts offers() {
    return new OfferCounts(offers.totalRawAccepted(), offers.totalRawOffered());
  }

  @Override
  public OfferCounts similarOffers(DayOfWeek day, TimeBand band) {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(band, "band");
    int cell = OfferCells.cell(day.getValue(), band.ordinal());
    return new OfferCounts(offers.rawAccepted[cell], offers.rawOffered[cell]);
  }

  @Override
  public OfferCounts similarOffers(DayOfWeek day, TimeBand band, String serviceCode) {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(serviceCode, "serviceCode");
    OfferCells cells = offersByService.get(history.serviceIndex(serviceCode));
    if (cells == null) {
      return OfferCounts.NONE;
    }
    int cell = OfferCells.cell(day.getValue(), band.ordinal());
    return new OfferCounts(cells.rawAccepted[cell], cells.rawOffered[cell]);
  }

  @Override
  public int visitsWithClient(String clientId) {
    Objects.requireNonNull(clientId, "clientId");
    int idx = history.clientIndexIfKnown(clientId);
    return idx < 0 ? 0 : visits.workedWith(idx);
  }

  @Override
  public WeekdayAttendance weekdayAttendance(LocalDate shiftDate, LocalDate today, int weeks) {
    Objects.requireNonNull(shiftDate, "shiftDate");
    Objects.requireNonNull(today, "today");
    if (weeks < 0) {
      throw new IllegalArgumentException("weeks must not be negative but was " + weeks);
    }
    int shiftDay = (int) shiftDate.toEpochDay();
    int todayDay = (int) today.toEpochDay();
    int first = visits.firstWorkedDay();
    int worked = 0;
    int looked = 0;
    for (int k = 1, d = shiftDay - 7; looked < weeks && d >= first && k <= weeks + 520; k++, d -= 7) {
      if (d >= todayDay) {
        continue; // that day has not happened yet
      }
      looked++;
      if (visits.workedOn(d)) {
        worked++;
      }
    }
    return new WeekdayAttendance(shiftDate.getDayOfWeek(), worked, looked);
  }

  @Override
  public CallOutSummary callOuts(Instant from, Instant to) {
    return callOuts.between(from.getEpochSecond(), to.getEpochSecond());
  }

  @Override
  public int visitsStarting(Instant from, Instant to) {
    return visits.countStarting(from.getEpochSecond(), to.getEpochSecond());
  }

  @Override
  public double bookedHours(Instant from, Instant to) {
    return visits.bookedSeconds(from.getEpochSecond(), to.getEpochSecond(), 0) / 3600.0;
  }

  @Override
  public boolean isBooked(Instant from, Instant to, String exceptVisitId) {
    long except = exceptVisitId == null ? 0 : IdHash.of(exceptVisitId);
    return visits.bookedOverlap(from.getEpochSecond(), to.getEpochSecond(), except) >= 0;
  }

  @Override
  public boolean isUnavailable(Instant from, Instant to) {
    return unavailability.overlapping(from.getEpochSecond(), to.getEpochSecond()) >= 0;
  }

  @Override
  public String toString() {
    return "CandidateHistory[" + caregiverId + ", visits=" + visits.size + ", offers=" + offers.totalRawOffered() + "]";
  }
}
