package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.AcceptancePrior;
import com.optimalworkforce.alerts.scoring.ExclusionReason;
import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchCalibration;
import com.optimalworkforce.alerts.scoring.MatchConfig;
import com.optimalworkforce.alerts.scoring.MatchExclusion;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchRanking;
import com.optimalworkforce.alerts.scoring.MatchScore;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Visit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ranks candidates for a shift: hard constraints, then soft factors. Thread-safe. */
public final class RankingEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RankingEngine.class);
  /** Refit the prior after this share of the offers changed, or after a day. */
  private static final double REFIT_SHARE = 0.005;
  private static final long REFIT_SECONDS = 86_400;

  private final HistoryIndex index;
  private final MatchConfig config;
  private final Clock clock;
  private final MatchFactor[] factors;
  private final String[] ids;
  private final String[] labels;
  private final double[] weights;
  private final ReentrantLock fitting = new ReentrantLock();
  private volatile Model model;

  /** What is fitted from the history: the prior and, when on, the calibration. */
  private record Model(AcceptancePrior prior, MatchCalibration calibration, double offset, double[] weights,
      long offerChanges, long offerCount, Instant at) {}

  public RankingEngine(HistoryIndex index, MatchConfig config, Clock clock) {
    this.index = index;
    this.config = config;
    this.clock = clock;
    List<MatchFactor> list = config.factors();
    factors = list.toArray(new MatchFactor[0]);
    ids = new String[factors.length];
    labels = new String[factors.length];
    weights = new double[factors.length];
    for (int i = 0; i < factors.length; i++) {
      ids[i] = factors[i].id();
      labels[i] = Objects.requireNonNull(factors[i].label(), () -> "factor " + ids[0] + " has a null label");
      weights[i] = config.weight(ids[i]);
    }
  }

  /** The prior in use now, refitted when enough offers changed since the last fit. */
  public AcceptancePrior prior() {
    return model(clock.instant()).prior;
  }

  /** The calibration in use now, or null (off, or too few offers). */
  public MatchCalibration calibration() {
    return model(clock.instant()).calibration;
  }

  /**
   * The fitted model, refitted when enough offers changed (or a day passed) since the last fit.
   * One thread refits at a time; others keep using the previous model meanwhile.
   */
  private Model model(Instant now) {
    Model m = model;
    if (m != null && !stale(m, now)) {
      return m;
    }
    if (m != null && !fitting.tryLock()) {
      return m;
    }
    if (m == null) {
      fitting.lock();
    }
    try {
      m = model;
      if (m == null || stale(m, now)) {
        m = fit(now);
        model = m;
      }
      return m;
    } finally {
      fitting.unlock();
    }
  }

  private boolean stale(Model m, Instant now) {
    return Math.abs(index.offerChanges() - m.offerChanges) > REFIT_SHARE * m.offerCount
        || Math.abs(now.getEpochSecond() - m.at.getEpochSecond()) > REFIT_SECONDS;
  }

  private Model fit(Instant now) {
    long started = System.nanoTime();
    long changes = index.offerChanges();
    AcceptancePrior p = PriorFitter.fit(index.snapshots(), index.decayAt(now), config.sameService());
    MatchCalibration calibration = config.calibrate()
        ? Calibrator.fit(index, config, factors, ids, weights, p, now) : null;
    double[] w = weights;
    double offset = 0;
    if (calibration != null) {
      w = new double[ids.length];
      for (int i = 0; i < ids.length; i++) {
        w[i] = calibration.weight(ids[i]);
        if (!Double.isFinite(w[i])) { // scores keep these weights; FactorContribution would refuse them
          throw new IllegalArgumentException("FactorContribution '" + ids[i] + "': weight must be finite but was "
              + w[i]);
        }
      }
      offset = calibration.offset();
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("Fitted the match model in {} ms: {}, {}", (System.nanoTime() - started) / 1_000_000, p, calibration);
    }
    return new Model(p, calibration, offset, w, changes, Math.max(index.offerCount(), 1), now);
  }

  public MatchRanking rank(Visit shift, Collection<Caregiver> candidates) {
    Objects.requireNonNull(shift, "shift");
    Objects.requireNonNull(candidates, "candidates");
    Instant now = clock.instant();
    Model m = model(now);
    ShiftFrame frame = new ShiftFrame(shift, config, now, index, m.prior);
    List<MatchScore> scores = new ArrayList<>(candidates.size());
    List<MatchExclusion> excluded = new ArrayList<>(candidates.size());
    // Duplicates by id: a bit per caregiver the history knows; ids it does not know (and, once one
    // was met, every id, in case a caregiver appears while ranking) go to a set of strings.
    long[] seen = new long[(index.caregiverSlots() + 63) >>> 6];
    IdSet seenIds = null;
    long[] seconds = new long[1];
    // The caregiver holding the shift as indexed, or -1: that caregiver's pay week is checked for it
    // exactly; elsewhere the shift's row is left out where it overlaps the shift (which also covers
    // a sync moving it to another caregiver while this ranking runs, unless it moved in time too).
    int shiftOwner = index.visitOwner(frame.idHash);
    for (Caregiver c : candidates) {
      Objects.requireNonNull(c, "candidates contains null");
      CaregiverSnapshot history = index.snapshot(c.id());
      int k = history.index();
      if (k >= 0) {
        if ((k >>> 6) >= seen.length) {
          seen = Arrays.copyOf(seen, Math.max((k >>> 6) + 1, seen.length * 2));
        }
        long bit = 1L << (k & 63);
        boolean again = (seen[k >>> 6] & bit) != 0;
        seen[k >>> 6] |= bit;
        if (again | (seenIds != null && !seenIds.add(c.id()))) {
          continue;
        }
      } else {
        if (seenIds == null) {
          seenIds = new IdSet(candidates.size());
        }
        if (!seenIds.add(c.id())) {
          continue;
        }
      }
      MatchExclusion x = check(frame, c, history, shiftOwner >= 0 && history.index() == shiftOwner, seconds);
      if (x != null) {
        excluded.add(x);
      } else {
        scores.add(score(frame, m, c, history, seconds[0] / 3600.0));
      }
    }
    return new MatchRanking(shift, ScoreOrder.bestFirst(scores), excluded);
  }

  /** The probability for one caregiver, hard constraints not checked (for backtests). */
  public double probability(Visit shift, Caregiver caregiver, Instant now) {
    Model m = model(now);
    ShiftFrame frame = new ShiftFrame(shift, config, now, index, m.prior);
    CaregiverSnapshot history = index.snapshot(caregiver.id());
    double hours = history.visitTable().bookedSeconds(frame.payWeekStart[0], frame.payWeekEnd[0], frame.idHash) / 3600.0;
    return score(frame, m, caregiver, history, hours).probability();
  }

  private MatchScore score(ShiftFrame frame, Model m, Caregiver c, CaregiverSnapshot history, double hoursInPayWeek) {
    Candidate ctx = new Candidate(frame, c, history, hoursInPayWeek);
    FactorSignal[] signals = new FactorSignal[factors.length];
    for (int i = 0; i < factors.length; i++) {
      FactorSignal s;
      try {
        s = factors[i].evaluate(ctx);
      } catch (RuntimeException e) {
        throw new IllegalStateException("Match factor '" + ids[i] + "' failed for caregiver " + c.id() + " and shift "
            + frame.shift.id() + ": " + e.getMessage() + ". Fix or remove the factor.", e);
      }
      if (s == null) {
        throw new IllegalStateException("Match factor '" + ids[i] + "' returned null for caregiver " + c.id()
            + "; return FactorSignal.neutral() when it has nothing to say");
      }
      signals[i] = s;
    }
    return MatchScore.of(c, frame.baseLogOdds + m.offset, new Contributions(ids, labels, m.weights, signals));
  }

  /**
   * The hard constraints, cheapest first. Returns the exclusion, or null with the seconds booked
   * in the shift's first pay week left in {@code seconds[0]} (the overtime factor reads them too).
   * {@code holdsShift}: the history has the shift itself among this caregiver's visits.
   */
  private MatchExclusion check(ShiftFrame f, Caregiver c, CaregiverSnapshot h, boolean holdsShift, long[] seconds) {
    if (!c.active()) {
      return MatchExclusion.of(c, ExclusionReason.INACTIVE, "not active in the scheduling system");
    }
    if (!f.blocked.isEmpty() && f.blocked.contains(c.id())) {
      return MatchExclusion.of(c, ExclusionReason.BLOCKED_BY_CLIENT, "the client asked not to be sent this caregiver");
    }
    if (!f.requiredSkills.isEmpty() && !c.skills().containsAll(f.requiredSkills)) {
      return MatchExclusion.of(c, ExclusionReason.MISSING_SKILL, () -> {
        Set<String> missing = new TreeSet<>(f.requiredSkills);
        missing.removeAll(c.skills());
        return "missing " + String.join(", ", missing);
      });
    }
    UnavailabilityTable unavailability = h.unavailabilityTable();
    int off = h.unavailableAfter(f.startSec) ? unavailability.overlapping(f.startSec, f.endSec) : -1;
    if (off >= 0) {
      String reason = unavailability.reason(off);
      long from = unavailability.start(off);
      long to = unavailability.end(off);
      return MatchExclusion.of(c, ExclusionReason.UNAVAILABLE,
          () -> (reason == null ? "unavailable" : reason) + " " + Times.span(from, to, f.shift.zone()));
    }
    // The rows around the shift give a clash; the running totals the hours booked in the pay week.
    VisitTable visits = h.visitTable();
    int clash = visits.clashOrBooked(f.payWeekStart[0], f.payWeekEnd[0], f.startSec, f.endSec, f.idHash, holdsShift,
        seconds);
    if (clash >= 0) {
      long from = visits.start(clash);
      long to = visits.end(clash);
      return MatchExclusion.of(c, ExclusionReason.DOUBLE_BOOKED,
          () -> "already booked " + Times.span(from, to, f.shift.zone()));
    }
    double cap = config.overtimeCapHours();
    for (int w = 0; w < f.payWeekStart.length; w++) {
      long ws = f.payWeekStart[w];
      long we = f.payWeekEnd[w];
      double booked = (w == 0 ? seconds[0] : visits.bookedSeconds(ws, we, f.idHash)) / 3600.0;
      double add = (Math.min(f.endSec, we) - Math.max(f.startSec, ws)) / 3600.0;
      if (booked + add > cap + 1e-9) {
        return MatchExclusion.of(c, ExclusionReason.OVERTIME_CAP, () -> String.format(Locale.ROOT,
            "%s h booked in the pay week from %s + %s h = %s h, over the %s h cap", OvertimeCostFactor.hours(booked),
            Times.date(ws, f.shift.zone()), OvertimeCostFactor.hours(add), OvertimeCostFactor.hours(booked + add),
            OvertimeCostFactor.hours(cap)));
      }
    }
    return null;
  }
}
