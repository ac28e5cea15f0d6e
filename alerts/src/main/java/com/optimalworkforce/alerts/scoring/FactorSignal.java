package com.optimalworkforce.alerts.scoring;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link MatchFactor} found for one candidate: a signal (conventionally in {@code [-1, 1]};
 * 0 is neutral) that the configured weight turns into log-odds, and an explanation for people.
 * The explanation is built only when someone reads it, so ranking thousands of candidates does
 * not format thousands of strings.
 *
 * <pre>{@code
 * int n = context.history().visitsWithClient(context.shift().clientId());
 * return n == 0
 *     ? FactorSignal.neutral("no visits with this client yet")
 *     : FactorSignal.of(n / (n + 3.0), () -> n + " visits with this client");
 * }</pre>
 */
public final class FactorSignal {
  private static final FactorSignal NEUTRAL = new FactorSignal(0, "", null, false);

  private final double signal;
  private final Supplier<String> explainer;
  private final boolean evidence;
  private String explanation;

  private FactorSignal(double signal, String explanation, Supplier<String> explainer, boolean evidence) {
    if (!Double.isFinite(signal)) {
      throw new IllegalArgumentException("FactorSignal: signal must be finite but was " + signal);
    }
    this.signal = signal;
    this.explanation = explanation;
    this.explainer = explainer;
    this.evidence = evidence;
  }

  /** A signal with its explanation, which may appear in the candidate's reason. */
  public static FactorSignal of(double signal, String explanation) {
    return new FactorSignal(signal, Objects.requireNonNull(explanation, "explanation"), null, true);
  }

  /** A signal whose explanation is computed on demand (must be cheap and side-effect free). */
  public static FactorSignal of(double signal, Supplier<String> explanation) {
    return new FactorSignal(signal, null, Objects.requireNonNull(explanation, "explanation"), true);
  }

  /** No effect, with a note (shown among the factors, never as the reason). */
  public static FactorSignal neutral(String note) {
    return new FactorSignal(0, Objects.requireNonNull(note, "note"), null, false);
  }

  /** No effect, nothing to say. */
  public static FactorSignal neutral() {
    return NEUTRAL;
  }

  public double signal() {
    return signal;
  }

  /** True when this signal carries evidence worth citing in a reason. */
  public boolean isEvidence() {
    return evidence;
  }

  /** The explanation ("accepted 6/7 similar shifts"); empty when there is nothing to say. */
  public String explanation() {
    String e = explanation;
    if (e == null) {
      // Racy but safe: the supplier is pure and String is immutable.
      e = Objects.requireNonNull(explainer.get(), "explanation supplier returned null");
      explanation = e;
    }
    return e;
  }

  @Override
  public String toString() {
    return "FactorSignal[" + signal + ", " + explanation() + "]";
  }
}
