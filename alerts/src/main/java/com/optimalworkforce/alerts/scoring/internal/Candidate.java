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
  private final CandidateHistory view;
  private final double hoursInPayWeek;
  private final HistoryIndex.PastOffer leftOut;
  private AcceptanceEstimate acceptance;

  Candidate(ShiftFrame frame, Caregiver caregiver, CaregiverSnapshot history, double hoursInPayWeek) {
    this(frame, caregiver, history, history, hoursInPayWeek, null);
  }

  /** A candidate as of a past offer, which is left out of the acceptance counts. */
  Candidate(ShiftFrame frame, Caregiver caregiver, CaregiverSnapshot history, CandidateHistory view,
      double hoursInPayWeek, HistoryIndex.PastOffer leftOut) {
    this.frame = frame;
    this.caregiver = caregiver;
    this.history = history;
    this.view = view;
    this.hoursInPayWeek = hoursInPayWeek;
    this.leftOut = leftOut;
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
    return view;
  }

  @Override
  public AcceptanceEstimate acceptance() {
    AcceptanceEstimate a = acceptance;
    if (a == null) {
      a = estimate(frame, history, leftOut);
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
  static AcceptanceEstimate estimate(ShiftFrame frame, CaregiverSnapshot history, HistoryIndex.PastOffer leftOut) {
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
    int totalRawA = all.totalRawAccepted();
    int totalRawN = all.totalRawOffered();
    if (leftOut != null) {
      // Leave the replayed offer out of its own evidence.
      double w = leftOut.weight() * d;
      double wa = leftOut.accepted() ? w : 0;
      boolean similar = leftOut.cell() == k && (!frame.config.sameService() || leftOut.service() == frame.serviceIdx);
      if (similar) {
        a = Math.max(0, a - wa);
        n = Math.max(0, n - w);
        rawA -= leftOut.accepted() ? 1 : 0;
        rawN -= 1;
      }
      totalRawA -= leftOut.accepted() ? 1 : 0;
      totalRawN -= 1;
      if (OfferCells.isWeekend(leftOut.cell()) == weekend) {
        kindA = Math.max(0, kindA - wa);
        kindN = Math.max(0, kindN - w);
      }
      totalA = Math.max(0, totalA - wa);
      totalN = Math.max(0, totalN - w);
    }
    double caregiver = (totalA + prior.mean() * prior.strength()) / (totalN + prior.strength());
    double kind = (kindA + caregiver * prior.dayKindStrength()) / (kindN + prior.dayKindStrength());
    double rate = (a + kind * prior.slotStrength()) / (n + prior.slotStrength());
    rate = Math.max(1e-4, Math.min(1 - 1e-4, rate));
    OfferCounts similar = rawN <= 0 ? OfferCounts.NONE : new OfferCounts(rawA, rawN);
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
