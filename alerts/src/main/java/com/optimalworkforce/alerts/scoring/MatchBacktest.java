package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.alerts.scoring.internal.RankingEngine;
import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.OfferOutcome;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.ShiftOffer;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Replays history to measure calibration: everything known before a date trains a
 * {@link MatchHistory}; each offer made after it is scored as it would have been on that date
 * and compared with what the caregiver answered. Two baselines run on the same data: the
 * caregiver's raw acceptance rate, and Laplace's rule on similar shifts; with calibration on, the
 * scorer with its configured weights too, so the report shows what calibration adds.
 *
 * <pre>{@code
 * BacktestReport report = MatchBacktest.builder()
 *     .trainUntil(Instant.parse("2026-08-01T00:00:00Z"))
 *     .build()
 *     .run(allRecords);
 * System.out.println(report.toMarkdown());
 * }</pre>
 *
 * <p>Held-out offers are scored without hard constraints (they were made, so the question is
 * only whether the answer was foreseen). Records are read once; held-out visits are kept so the
 * scorer sees the offered shift's client and place.
 */
public final class MatchBacktest {
  /** Name of the scorer's model in the report. */
  public static final String SCORER = "match scorer";
  /** Name of the scorer with calibration off (the configured weights as given), when calibration is on. */
  public static final String UNCALIBRATED = "match scorer, configured weights";
  /** Name of the raw-acceptance-rate baseline: accepted / offered over all the caregiver's offers. */
  public static final String RAW_RATE = "raw acceptance rate";
  /** Name of the Laplace baseline: (accepted + 1) / (offered + 2) over similar shifts. */
  public static final String LAPLACE = "Laplace, similar shifts";

  private final Instant trainUntil;
  private final Instant testUntil;
  private final MatchConfig config;
  private final Duration recencyHalfLife;
  private final int bins;

  private MatchBacktest(Builder b) {
    this.trainUntil = b.trainUntil;
    this.testUntil = b.testUntil;
    this.config = b.config;
    this.recencyHalfLife = b.recencyHalfLife;
    this.bins = b.bins;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs the backtest over every record of the stream (any order, any type). */
  public BacktestReport run(Stream<? extends SourceRecord> records) {
    Objects.requireNonNull(records, "records");
    MatchHistory history = MatchHistory.builder().recencyHalfLife(recencyHalfLife).build();
    List<ShiftOffer> test = new ArrayList<>();
    Map<String, Visit> testVisits = new HashMap<>();
    records.forEach(r -> {
      Objects.requireNonNull(r, "records contains null");
      if (r instanceof ShiftOffer o) {
        if (o.offeredAt().isBefore(trainUntil)) {
          history.load(o);
        } else if (testUntil == null || o.offeredAt().isBefore(testUntil)) {
          test.add(o);
        }
      } else if (r instanceof Visit v) {
        if (v.start().isBefore(trainUntil)) {
          history.load(v);
        } else if (testUntil == null || v.start().isBefore(testUntil.plus(Duration.ofDays(60)))) {
          testVisits.put(v.id(), v);
        }
      } else if (r instanceof CallOut c) {
        if (c.reportedAt().isBefore(trainUntil)) {
          history.load(c);
        }
      } else if (r instanceof Unavailability u) {
        if (u.start().isBefore(trainUntil)) {
          history.load(u);
        }
      } else if (r instanceof Caregiver || r instanceof Client) {
        history.load(r);
      }
    });
    test.sort((a, b) -> a.id().compareTo(b.id()));
    return score(history, test, testVisits);
  }

  private BacktestReport score(MatchHistory history, List<ShiftOffer> test, Map<String, Visit> testVisits) {
    MatchScorer scorer = MatchScorer.create(history, config, Clock.fixed(trainUntil, ZoneOffset.UTC));
    RankingEngine engine = scorer.engine();
    RankingEngine uncalibrated = config.calibrate() ? MatchScorer.create(history, config.toBuilder().calibrate(false)
        .build(), Clock.fixed(trainUntil, ZoneOffset.UTC)).engine() : null;
    int n = test.size();
    double[] scored = new double[n];
    double[] configured = new double[n];
    double[] raw = new double[n];
    double[] laplace = new double[n];
    boolean[] accepted = new boolean[n];
    OfferCounts agency = agencyCounts(history);
    double agencyRate = agency.offered() == 0 ? 0.5 : agency.rate();
    int positives = 0;
    for (int i = 0; i < n; i++) {
      ShiftOffer o = test.get(i);
      accepted[i] = o.outcome() == OfferOutcome.ACCEPTED;
      positives += accepted[i] ? 1 : 0;
      Visit shift = shiftOf(o, testVisits.get(o.visitId()));
      Caregiver caregiver = history.caregiver(o.caregiverId()).orElseGet(() -> placeholder(o.caregiverId()));
      scored[i] = engine.probability(shift, caregiver, trainUntil);
      if (uncalibrated != null) {
        configured[i] = uncalibrated.probability(shift, caregiver, trainUntil);
      }
      CandidateHistory h = history.candidate(o.caregiverId());
      OfferCounts all = h.offers();
      raw[i] = all.offered() == 0 ? agencyRate : all.rate();
      TimeBand band = TimeBand.of(shift.localStart());
      OfferCounts similar = config.sameService() && shift.serviceCode() != null
          ? h.similarOffers(shift.localStart().getDayOfWeek(), band, shift.serviceCode())
          : h.similarOffers(shift.localStart().getDayOfWeek(), band);
      laplace[i] = (similar.accepted() + 1.0) / (similar.offered() + 2.0);
    }
    List<BacktestReport.Model> models = new ArrayList<>();
    models.add(BacktestReport.Model.of(SCORER, scored, accepted, bins));
    if (uncalibrated != null) {
      models.add(BacktestReport.Model.of(UNCALIBRATED, configured, accepted, bins));
    }
    models.add(BacktestReport.Model.of(RAW_RATE, raw, accepted, bins));
    models.add(BacktestReport.Model.of(LAPLACE, laplace, accepted, bins));
    long trainOffers = history.sizes().getOrDefault(com.optimalworkforce.core.model.EntityType.SHIFT_OFFER, 0L);
    return new BacktestReport(trainUntil, trainOffers, n, n == 0 ? Double.NaN : (double) positives / n, models);
  }

  private static OfferCounts agencyCounts(MatchHistory history) {
    int accepted = 0;
    int offered = 0;
    for (Caregiver c : history.caregivers()) {
      OfferCounts o = history.candidate(c.id()).offers();
      accepted += o.accepted();
      offered += o.offered();
    }
    return new OfferCounts(accepted, offered);
  }

  /** The offered shift as it stood when offered: open, at the offer's time and service. */
  private static Visit shiftOf(ShiftOffer o, Visit visit) {
    Visit.Builder b = visit != null ? visit.toBuilder()
        : Visit.builder().id(o.visitId()).clientId("unknown").regionId("unknown");
    return b.caregiverId(null).status(VisitStatus.OPEN).zone(o.zone()).start(o.shiftStart()).end(o.shiftEnd())
        .serviceCode(o.serviceCode()).cancelReason(null).build();
  }

  private static Caregiver placeholder(String id) {
    return Caregiver.builder().id(id).regionId("unknown").name(PersonName.of("Unknown", "Caregiver")).build();
  }

  /** Builds a {@link MatchBacktest}; {@link #trainUntil(Instant)} is required. */
  public static final class Builder {
    private Instant trainUntil;
    private Instant testUntil;
    private MatchConfig config = MatchConfig.ofDefaults();
    private Duration recencyHalfLife = Duration.ofDays(180);
    private int bins = 10;

    private Builder() {}

    /** Offers made before this instant train; later ones are scored. Required. */
    public Builder trainUntil(Instant trainUntil) {
      this.trainUntil = Objects.requireNonNull(trainUntil, "trainUntil");
      return this;
    }

    /** Offers made at or after this instant are ignored (default: none are). */
    public Builder testUntil(Instant testUntil) {
      this.testUntil = Objects.requireNonNull(testUntil, "testUntil");
      return this;
    }

    /** The scorer's configuration (default {@link MatchConfig#ofDefaults()}). */
    public Builder config(MatchConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The history's recency half-life (default 180 days). */
    public Builder recencyHalfLife(Duration halfLife) {
      MatchHistory.builder().recencyHalfLife(halfLife); // validates
      this.recencyHalfLife = halfLife;
      return this;
    }

    /** Bins of the reliability table, 1 to 100 (default 10). */
    public Builder bins(int bins) {
      if (bins < 1 || bins > 100) {
        throw new IllegalArgumentException("bins must be within [1, 100] but was " + bins);
      }
      this.bins = bins;
      return this;
    }

    public MatchBacktest build() {
      if (trainUntil == null) {
        throw new IllegalStateException("MatchBacktest needs trainUntil(Instant): the date that splits history from "
            + "the offers to score");
      }
      if (testUntil != null && !testUntil.isAfter(trainUntil)) {
        throw new IllegalStateException("testUntil (" + testUntil + ") must be after trainUntil (" + trainUntil + ")");
      }
      return new MatchBacktest(this);
    }
  }
}
