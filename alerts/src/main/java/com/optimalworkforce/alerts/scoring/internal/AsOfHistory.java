package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.CallOutSummary;
import com.optimalworkforce.alerts.scoring.CandidateHistory;
import com.optimalworkforce.alerts.scoring.OfferCounts;
import com.optimalworkforce.alerts.scoring.TimeBand;
import com.optimalworkforce.alerts.scoring.WeekdayAttendance;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A caregiver's history as it stood when a past offer was made, for calibration: the offer
 * itself is left out of the offer counts, visits with the client count only before the offer
 * (and never the offered visit), and call-outs and visits are read up to the offer. Without this,
 * an accepted offer would count as its own evidence.
 */
final class AsOfHistory implements CandidateHistory {
  private final CaregiverSnapshot snapshot;
  private final HistoryIndex index;
  private final HistoryIndex.PastOffer offer;
  private final Instant asOf;

  AsOfHistory(CaregiverSnapshot snapshot, HistoryIndex index, HistoryIndex.PastOffer offer) {
    this.snapshot = snapshot;
    this.index = index;
    this.offer = offer;
    this.asOf = Instant.ofEpochSecond(offer.offeredAt());
  }

  @Override
  public String caregiverId() {
    return snapshot.caregiverId();
  }

  private OfferCounts without(OfferCounts c, boolean matches) {
    if (!matches || c.offered() == 0) {
      return c;
    }
    return new OfferCounts(c.accepted() - (offer.accepted() ? 1 : 0), c.offered() - 1);
  }

  @Override
  public OfferCounts offers() {
    return without(snapshot.offers(), true);
  }

  @Override
  public OfferCounts similarOffers(DayOfWeek day, TimeBand band) {
    return without(snapshot.similarOffers(day, band), OfferCells.cell(day.getValue(), band.ordinal()) == offer.cell());
  }

  @Override
  public OfferCounts similarOffers(DayOfWeek day, TimeBand band, String serviceCode) {
    boolean same = OfferCells.cell(day.getValue(), band.ordinal()) == offer.cell()
        && index.serviceIndex(serviceCode) == offer.service();
    return without(snapshot.similarOffers(day, band, serviceCode), same);
  }

  @Override
  public int visitsWithClient(String clientId) {
    int idx = index.clientIndexIfKnown(clientId);
    return idx < 0 ? 0 : snapshot.visitTable().workedWith(idx, offer.offeredAt(), offer.visitHash());
  }

  @Override
  public WeekdayAttendance weekdayAttendance(LocalDate shiftDate, LocalDate today, int weeks) {
    return snapshot.weekdayAttendance(shiftDate, today, weeks);
  }

  @Override
  public CallOutSummary callOuts(Instant from, Instant to) {
    return to.isAfter(asOf) ? snapshot.callOuts(from, asOf) : snapshot.callOuts(from, to);
  }

  @Override
  public int visitsStarting(Instant from, Instant to) {
    return snapshot.visitsStarting(from, to.isAfter(asOf) ? asOf : to);
  }

  @Override
  public double bookedHours(Instant from, Instant to) {
    return snapshot.bookedHours(from, to);
  }

  @Override
  public boolean isBooked(Instant from, Instant to, String exceptVisitId) {
    return snapshot.isBooked(from, to, exceptVisitId);
  }

  @Override
  public boolean isUnavailable(Instant from, Instant to) {
    return snapshot.isUnavailable(from, to);
  }
}
