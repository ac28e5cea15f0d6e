package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.core.model.Caregiver;
import java.util.Objects;

/**
 * A candidate who cannot take the shift, the hard constraint that rules them out and a detail a
 * scheduler understands ("already booked Fri 08:00-16:00", "44.0 h this pay week + 4.0 h would
 * exceed the 45 h cap").
 *
 * <pre>{@code
 * for (MatchExclusion x : ranking.excluded()) {
 *   feed.note(x.caregiverId() + ": " + x.reason().description() + " (" + x.detail() + ")");
 * }
 * }</pre>
 *
 * @param caregiver the candidate
 * @param reason the first hard constraint the candidate fails
 * @param detail the specifics, for people
 */
public record MatchExclusion(Caregiver caregiver, ExclusionReason reason, String detail) {

  public MatchExclusion {
    Objects.requireNonNull(caregiver, "caregiver");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  public String caregiverId() {
    return caregiver.id();
  }

  @Override
  public String toString() {
    return "MatchExclusion[" + caregiver.id() + ", " + reason + ": " + detail + "]";
  }
}
