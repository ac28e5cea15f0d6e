package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.AcceptanceEstimate;
import com.optimalworkforce.alerts.scoring.CandidateHistory;
import com.optimalworkforce.alerts.scoring.MatchConfig;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.OfferCounts;
import com.optimalworkforce.alerts.scoring.TimeBand;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.Visit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalDouble;

/** The {@link MatchContext} of one candidate for one shift. */
final class Candidate implements MatchContext {
  private final ShiftFrame frame;
  private final Caregiver caregiver;
  private final CaregiverSnapshot history;
  private final double hoursInPayWeek;
  private AcceptanceEstimate acceptance;

  Candidate(ShiftFrame frame, Caregiver caregiver, CaregiverSnapshot history, double hoursInPayWeek) {
    this.frame = frame;
    this.caregiver = caregiver;
    this.history = history;
    this.hoursInPayWeek = hoursInPayWeek;
  }

  @Override
  public Visit shift() {
    return frame.shift;
  }

  @Override
  public ZonedDateTime localStart() {
    return frame.localStart;
  }

  @Override
  public TimeBand band() {
    return frame.band;
  }

  @Override
  public Caregiver caregiver() {
    return caregiver;
  }

  @Override
  public Optional<Client> client() {
    return Optional.ofNullable(frame.client);
  }

  @Override
  public Instant now() {
    return frame.now;
  }

  @Override
  public LocalDate today() {
    return frame.today;
  }

  @Override
  public MatchConfig config() {
    return frame.config;
  }

  @Override
  public CandidateHistory history() {
    return history;
  }

  @Override
  public AcceptanceEstimate acceptance() {
    AcceptanceEstimate a = acceptance;
    if (a == null) {
      a = estimate(frame, history);
      acceptance = a;
    }
    return a;
  }

  /**
   * Empirical Bayes down three levels, each level's estimate the prior of the next: the
   * caregiver's offers around the agency, {@code caregiver = (A + mean * strength) / (N + strength)};
   * the offers of the same kind of day (weekday or weekend), {@code kind = (A_k + caregiver *
   * dayKindStrength) / (N_k + dayKindStrength)}; the similar shifts, {@code rate = (a + kind *
   * slotStrength) / (n + slotStrength)}. Counts are recency-weighted. A caregiver offered only
   * similar shifts thus also moves her caregiver-level rate, as she should.
   */
  static AcceptanceEstimate estimate(ShiftFrame frame, CaregiverSnapshot history) {
    OfferCells all = history.offerCells();
    OfferCells similarCells = all;
    if (frame.config.sameService()) {
      similarCells = frame.serviceIdx < 0 ? null : history.serviceCells(frame.serviceIdx);
    }
    int k = frame.cell;
    double d = frame.decay;
    double a = similarCells == null ? 0 : similarCells.accepted[k] * d;
    double n = similarCells == null ? 0 : similarCells.offered[k] * d;
    int rawA = similarCells == null ? 0 : similarCells.rawAccepted[k];
    int rawN = similarCells == null ? 0 : similarCells.rawOffered[k];
    boolean weekend = OfferCells.isWeekend(k);
    double kindA = all.kindAccepted(weekend) * d;
    double kindN = all.kindOffered(weekend) * d;
    double totalA = all.totalAccepted() * d;
    double totalN = all.totalOffered() * d;
    var prior = frame.prior;
    double caregiver = (totalA + prior.mean() * prior.strength()) / (totalN + prior.strength());
    double kind = (kindA + caregiver * prior.dayKindStrength()) / (kindN + prior.dayKindStrength());
    double rate = (a + kind * prior.slotStrength()) / (n + prior.slotStrength());
    rate = Math.max(1e-4, Math.min(1 - 1e-4, rate));
    int totalRawA = all.totalRawAccepted();
    int totalRawN = all.totalRawOffered();
    OfferCounts similar = rawN == 0 ? OfferCounts.NONE : new OfferCounts(rawA, rawN);
    OfferCounts other = new OfferCounts(Math.max(0, totalRawA - rawA), Math.max(0, totalRawN - rawN));
    return new AcceptanceEstimate(similar, other, rate, kind, prior.mean());
  }

  @Override
  public double hoursInPayWeek() {
    return hoursInPayWeek;
  }

  @Override
  public OptionalDouble distanceKm() {
    if (frame.place == null || caregiver.home() == null) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(caregiver.home().distanceKm(frame.place));
  }
}
