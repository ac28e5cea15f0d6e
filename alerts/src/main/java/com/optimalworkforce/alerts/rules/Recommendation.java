package com.optimalworkforce.alerts.rules;

import java.util.Objects;

/**
 * A caregiver suggested for a shift, with a whole-number match percentage and a one-line reason
 * from the match scorer.
 *
 * <pre>{@code
 * Recommendation r = new Recommendation("E-42", "Sarah", 85, "accepted 6/7 similar shifts");
 * r.label(); // "Sarah (85%)"
 * }</pre>
 *
 * @param caregiverId the caregiver
 * @param name how schedulers call them (the given name)
 * @param percent the match, 0 to 100
 * @param reason why, in a few words; may be empty
 */
public record Recommendation(String caregiverId, String name, int percent, String reason) {

  public Recommendation {
    Objects.requireNonNull(caregiverId, "caregiverId");
    Objects.requireNonNull(name, "name");
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("Recommendation: percent must be within [0, 100] but was " + percent);
    }
    reason = reason == null ? "" : reason.strip();
  }

  /** "Sarah (85%)". */
  public String label() {
    return name + " (" + percent + "%)";
  }

  /** Leaves out the name: personal data. */
  @Override
  public String toString() {
    return "Recommendation[" + caregiverId + ", " + percent + "%]";
  }
}
