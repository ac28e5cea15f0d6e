package com.optimalworkforce.examples;

import com.optimalworkforce.alerts.scoring.FactorContribution;
import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchConfig;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.MatchExclusion;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchHistory;
import com.optimalworkforce.alerts.scoring.MatchRanking;
import com.optimalworkforce.alerts.scoring.MatchScore;
import com.optimalworkforce.alerts.scoring.MatchScorer;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Call the match-score API: "who should fill this open shift?" The history is a synthetic
 * agency's records (in a host: the records a sync delivers); the scorer ranks the caregivers of
 * the shift's region with a percentage, each factor's part in it and a reason, and lists those
 * who cannot take the shift and why. A host policy joins the built-in factors as a
 * {@link MatchFactor} with its own weight.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -pl examples -am package
 * examples/run MatchScoreApi
 * }</pre>
 */
public final class MatchScoreApi {
  private MatchScoreApi() {}

  // tag::factor[]
  /**
   * A host policy: give hours to part-timers who are short of them this pay week. A policy, not
   * evidence of who accepts, so calibration leaves its weight as configured.
   */
  static final class ShortOfHours implements MatchFactor {
    static final String ID = "short-of-hours";

    @Override
    public String id() {
      return ID;
    }

    @Override
    public String label() {
      return "Booked under 20 h this pay week";
    }

    @Override
    public boolean calibrated() {
      return false;
    }

    @Override
    public FactorSignal evaluate(MatchContext ctx) {
      double booked = ctx.hoursInPayWeek();
      return booked < 20
          ? FactorSignal.of((20 - booked) / 20, () -> "only " + Math.round(booked) + " h booked this pay week")
          : FactorSignal.neutral();
    }
  }
  // end::factor[]

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}; returns the ranking. */
  public static MatchRanking run(PrintStream out) {
    SyntheticAgency agency = SyntheticAgency.builder().seed(1).regions(2).clients(400).caregivers(80)
        .weeksOfHistory(8).weeksAhead(2).build();
    BehaviourProfiles profiles = agency.profiles().orElseThrow();
    Visit shift = agency.visit(profiles.openFridayAfternoonVisit()).orElseThrow();
    List<Caregiver> candidates = agency.caregivers().stream()
        .filter(c -> c.regionId().equals(shift.regionId())).toList();

    out.printf("Open shift: %s in %s, %d candidates%n%n",
        shift.localStart().format(DateTimeFormatter.ofPattern("EEEE d MMM h:mm a", Locale.ENGLISH)), shift.regionId(),
        candidates.size());

    // tag::rank[]
    MatchHistory history = MatchHistory.create();
    for (EntityType type : EntityType.values()) {
      history.loadAll(agency.records(type));          // in a host: register `history` as a sync ChangeListener
    }
    MatchConfig config = MatchConfig.builder()
        .overtimeCapHours(45)                          // a hard limit: more is excluded
        .addFactor(new ShortOfHours())
        .weight(ShortOfHours.ID, 0.8)                  // log-odds at full signal
        .build();
    MatchScorer scorer = MatchScorer.create(history, config, agency.clock());
    MatchRanking ranking = scorer.rank(shift, candidates);

    for (MatchScore s : ranking.top(5)) {
      out.printf("%-8s %3d%%  %s%n", s.caregiver().name().given(), s.percent(), s.reason());
      for (FactorContribution c : s.contributions()) {
        if (!c.isNeutral()) {
          out.printf("           %+6.1f points  %-20s %s%n", s.points(c.factorId()), c.factorId(), c.explanation());
        }
      }
    }
    for (MatchExclusion x : ranking.excluded()) {
      out.printf("%-8s excluded (%s): %s%n", x.caregiver().name().given(), x.reason().description(), x.detail());
    }
    // end::rank[]
    out.printf("%n%d ranked, %d excluded; every candidate starts from the agency's acceptance rate, %.0f%%%n",
        ranking.scores().size(), ranking.excluded().size(), ranking.best().map(MatchScore::basePercent).orElse(0.0));
    return ranking;
  }
}
