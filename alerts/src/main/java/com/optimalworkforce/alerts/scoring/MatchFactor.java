package com.optimalworkforce.alerts.scoring;

/**
 * One soft factor of a match score (SPI). The scorer calls {@link #evaluate} once per candidate
 * that passed the hard constraints; the signal times the factor's weight is added to the
 * candidate's log-odds of accepting. Built-in factors: {@link MatchFactors}.
 *
 * <pre>{@code
 * MatchFactor languages = MatchFactor.of("language", "Speaks the client's language", 0.7, ctx ->
 *     speaksClientLanguage(ctx.caregiver(), ctx.client().orElse(null))
 *         ? FactorSignal.of(1, "speaks the client's language")
 *         : FactorSignal.neutral());
 * MatchConfig config = MatchConfig.builder().addFactor(languages).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe (ranking runs concurrently) and fast: ranking 2,000
 * candidates calls every factor 2,000 times. Read history through {@link MatchContext#history()}.
 */
public interface MatchFactor {

  /** A stable id, unique among the configured factors ({@code "client-continuity"}); keys weights. */
  String id();

  /** A short name for people ("Continuity with the client"). */
  default String label() {
    return id();
  }

  /** Log-odds added at signal 1.0 unless the configuration sets another weight. */
  default double defaultWeight() {
    return 1.0;
  }

  /**
   * Whether calibration fits this factor's weight to the agency's offers (default true). False
   * for a cost the agency imposes as policy, such as overtime: fitted to acceptance it would pick
   * up whatever correlates with it (caregivers who accept more also book more hours). Such a
   * factor is left out of the fit and keeps its configured weight: it moves the match away from
   * the calibrated chance of acceptance on purpose, and the breakdown shows by how much.
   */
  default boolean calibrated() {
    return true;
  }

  /** Evaluates one candidate. */
  FactorSignal evaluate(MatchContext context);

  /** A factor from a function. */
  static MatchFactor of(String id, String label, double defaultWeight,
      java.util.function.Function<MatchContext, FactorSignal> evaluate) {
    java.util.Objects.requireNonNull(id, "id");
    java.util.Objects.requireNonNull(label, "label");
    java.util.Objects.requireNonNull(evaluate, "evaluate");
    if (id.isBlank()) {
      throw new IllegalArgumentException("MatchFactor id must not be blank");
    }
    if (!Double.isFinite(defaultWeight)) {
      throw new IllegalArgumentException("MatchFactor '" + id + "': defaultWeight must be finite but was "
          + defaultWeight);
    }
    return new MatchFactor() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String label() {
        return label;
      }

      @Override
      public double defaultWeight() {
        return defaultWeight;
      }

      @Override
      public FactorSignal evaluate(MatchContext context) {
        return evaluate.apply(context);
      }

      @Override
      public String toString() {
        return "MatchFactor[" + id + "]";
      }
    };
  }
}
