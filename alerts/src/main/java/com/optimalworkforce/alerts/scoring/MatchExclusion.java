package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.core.model.Caregiver;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A candidate who cannot take the shift, the hard constraint that rules them out and a detail a
 * scheduler understands ("already booked Fri 20 Nov 08:00-16:00", "42 h booked in the pay week
 * from Mon 16 Nov + 4 h = 46 h, over the 45 h cap"). The detail is formatted when first read.
 *
 * <pre>{@code
 * for (MatchExclusion x : ranking.excluded()) {
 *   feed.note(x.caregiverId() + ": " + x.reason().description() + " (" + x.detail() + ")");
 * }
 * }</pre>
 */
public final class MatchExclusion {
  private final Caregiver caregiver;
  private final ExclusionReason reason;
  private final Supplier<String> detailSupplier;
  private String detail;

  private MatchExclusion(Caregiver caregiver, ExclusionReason reason, String detail, Supplier<String> supplier) {
    this.caregiver = Objects.requireNonNull(caregiver, "caregiver");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = detail;
    this.detailSupplier = supplier;
  }

  public static MatchExclusion of(Caregiver caregiver, ExclusionReason reason, String detail) {
    return new MatchExclusion(caregiver, reason, Objects.requireNonNull(detail, "detail"), null);
  }

  /** An exclusion whose detail is formatted on first use (the supplier must be pure). */
  public static MatchExclusion of(Caregiver caregiver, ExclusionReason reason, Supplier<String> detail) {
    return new MatchExclusion(caregiver, reason, null, Objects.requireNonNull(detail, "detail"));
  }

  public Caregiver caregiver() {
    return caregiver;
  }

  public String caregiverId() {
    return caregiver.id();
  }

  /** The first hard constraint the candidate fails. */
  public ExclusionReason reason() {
    return reason;
  }

  /** The specifics, for people. */
  public String detail() {
    String d = detail;
    if (d == null) {
      // Racy but safe: the supplier is pure and String is immutable.
      d = Objects.requireNonNull(detailSupplier.get(), "detail supplier returned null");
      detail = d;
    }
    return d;
  }

  @Override
  public String toString() {
    return "MatchExclusion[" + caregiver.id() + ", " + reason + ": " + detail() + "]";
  }
}
