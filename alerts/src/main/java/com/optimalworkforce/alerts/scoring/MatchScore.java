package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.alerts.scoring.internal.Contributions;
import com.optimalworkforce.core.model.Caregiver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How well one caregiver matches a shift: a whole percentage, the part of every factor, and a
 * one-line reason a scheduler understands.
 *
 * <pre>{@code
 * MatchScore best = scorer.rank(shift, candidates).best().orElseThrow();
 * String line = best.caregiver().name().given() + " " + best.percent() + "% (" + best.reason() + ")";
 * // "Sarah 81% (accepted 7/8 similar shifts, 7 visits with this client)"
 * }</pre>
 *
 * <p>The percentage is {@code 100 * sigmoid(base + sum of factor log-odds)}, where {@code base}
 * is the log-odds of the agency's own acceptance rate: the estimated chance the caregiver accepts
 * the shift if offered, moved by the soft factors. It is rounded and kept within 1 to 99, since
 * no history makes a person certain. {@code docs/match-scoring.md} explains how to read it.
 */
public final class MatchScore {
  /**
   * Evidence for the candidate in a reason: strongest first; acceptance of similar shifts leads
   * whenever it speaks for the candidate, since the percentage is built on it.
   */
  private static final Comparator<FactorContribution> REASON_ORDER =
      Comparator.comparing((FactorContribution c) -> !c.factorId().equals(MatchFactors.ACCEPTANCE))
          .thenComparing(Comparator.comparingDouble(FactorContribution::logOdds).reversed());

  private final Caregiver caregiver;
  private final double baseLogOdds;
  private final List<FactorContribution> contributions;
  private final double logOdds;
  private final double probability;
  /** Filled on first read, then published whole (volatile: an array is not safe to share racily). */
  private volatile double[] points;
  private String reason;

  private MatchScore(Caregiver caregiver, double baseLogOdds, List<FactorContribution> contributions) {
    this.caregiver = Objects.requireNonNull(caregiver, "caregiver");
    if (!Double.isFinite(baseLogOdds)) {
      throw new IllegalArgumentException("MatchScore: baseLogOdds must be finite but was " + baseLogOdds);
    }
    this.baseLogOdds = baseLogOdds;
    double sum = baseLogOdds;
    if (contributions instanceof Contributions lazy) {
      // The ranking's own immutable list: contributions are made when read.
      this.contributions = lazy;
      for (int i = 0; i < lazy.size(); i++) {
        sum += lazy.logOdds(i);
      }
    } else {
      this.contributions = List.copyOf(contributions);
      for (FactorContribution c : this.contributions) {
        sum += c.logOdds();
      }
    }
    this.logOdds = sum;
    this.probability = sigmoid(sum);
  }

  /**
   * A score from its parts; the probability is {@code sigmoid(baseLogOdds + sum of logOdds)}.
   * Hosts rarely need this (the scorer builds scores); handy in tests of alert rules.
   */
  public static MatchScore of(Caregiver caregiver, double baseLogOdds, List<FactorContribution> contributions) {
    Objects.requireNonNull(contributions, "contributions");
    return new MatchScore(caregiver, baseLogOdds, contributions);
  }

  public Caregiver caregiver() {
    return caregiver;
  }

  public String caregiverId() {
    return caregiver.id();
  }

  /** The match as a whole percentage, 1 to 99. */
  public int percent() {
    return (int) Math.max(1, Math.min(99, Math.round(probability * 100)));
  }

  /** The unrounded estimate, in (0, 1). */
  public double probability() {
    return probability;
  }

  /** Total log-odds: base plus every factor. */
  public double logOdds() {
    return logOdds;
  }

  /** Log-odds of the agency's acceptance rate, where every candidate starts. */
  public double baseLogOdds() {
    return baseLogOdds;
  }

  /** The agency's acceptance rate in percent, where every candidate starts. */
  public double basePercent() {
    return 100 * sigmoid(baseLogOdds);
  }

  /** Every configured factor's part, in configuration order. */
  public List<FactorContribution> contributions() {
    return contributions;
  }

  /** One factor's part, if that factor is configured. */
  public Optional<FactorContribution> contribution(String factorId) {
    for (FactorContribution c : contributions) {
      if (c.factorId().equals(factorId)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * A factor's part in percentage points: factors are added in configuration order, starting
   * from the agency rate, and each is credited with the change it makes. The points of all
   * factors add up to {@code 100 * probability() - basePercent()}. Zero for an unknown factor.
   */
  public double points(String factorId) {
    double[] p = points;
    if (p == null) {
      p = new double[contributions.size()];
      double acc = baseLogOdds;
      double before = sigmoid(acc);
      for (int i = 0; i < p.length; i++) {
        acc += contributions.get(i).logOdds();
        double after = sigmoid(acc);
        p[i] = 100 * (after - before);
        before = after;
      }
      points = p;
    }
    for (int i = 0; i < p.length; i++) {
      if (contributions.get(i).factorId().equals(factorId)) {
        return p[i];
      }
    }
    return 0;
  }

  /**
   * One line for a scheduler: the evidence for (up to two items, acceptance of similar shifts
   * first, then the strongest) and the strongest against, e.g. "accepted 7/8 similar shifts,
   * worked 8/9 Fridays; 12 km away".
   */
  public String reason() {
    String r = reason;
    if (r == null) {
      r = buildReason();
      reason = r;
    }
    return r;
  }

  private String buildReason() {
    List<FactorContribution> pro = new ArrayList<>();
    FactorContribution con = null;
    for (FactorContribution c : contributions) {
      if (!c.signal().isEvidence() || c.explanation().isEmpty()) {
        continue;
      }
      if (c.logOdds() > 0) {
        pro.add(c);
      } else if (c.logOdds() < 0 && (con == null || c.logOdds() < con.logOdds())) {
        con = c;
      }
    }
    pro.sort(REASON_ORDER);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(2, pro.size()); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(pro.get(i).explanation());
    }
    if (con != null) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(con.explanation());
    }
    if (sb.length() == 0) {
      sb.append("no history with similar shifts: agency average");
    }
    return sb.toString();
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** No name: caregivers' names stay out of logs. */
  @Override
  public String toString() {
    return "MatchScore[" + caregiver.id() + ", " + percent() + "%, " + reason() + "]";
  }
}
