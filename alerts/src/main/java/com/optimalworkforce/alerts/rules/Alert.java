package com.optimalworkforce.alerts.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule found: which rule, how severe, about what, in which region, a message for
 * schedulers, and the caregivers it recommends. Messages name caregivers by given name and clients
 * by formal name ("Mrs. Anderson"): they are for schedulers in the agency zone, so
 * {@link #toString()} leaves the message and names out and they never reach logs.
 *
 * <pre>{@code
 * Alert alert = Alert.builder("unfilled-shift", Subject.shift(visit.id()))
 *     .title("Unfilled shift").severity(Severity.URGENT).region(visit.regionId()).shift(visit.id())
 *     .message("Friday 2 PM shift unfilled - Sarah has 85% match (accepted 6/7 similar shifts). Try Sarah first?")
 *     .recommended(List.of(sarah))
 *     .build();
 * }</pre>
 *
 * @param ruleId the rule that raised it
 * @param title a short headline, e.g. "Unfilled shift"
 * @param severity how soon to act
 * @param subject what it is about
 * @param regionId the region it concerns (routing uses it), or {@link #NO_REGION} when its subject
 *     cannot be placed in one (a caregiver whose record and shifts are not known)
 * @param message the text schedulers read
 * @param recommended suggested caregivers, best first
 * @param shiftId the shift (visit id) it concerns, or {@code null}
 */
public record Alert(
    String ruleId,
    String title,
    Severity severity,
    Subject subject,
    String regionId,
    String message,
    List<Recommendation> recommended,
    String shiftId) {

  /**
   * The region of an alert whose subject cannot be placed in one, e.g. a call-out pattern of a
   * caregiver whose own record and shifts are not in the schedule (quarantined, say). Such an alert
   * is never dropped: it is stored for the dashboard feed and goes to the routes without a region
   * filter (the "all regions" routes), or to a route that asks for it with
   * {@code Route.builder().region(Alert.NO_REGION)}. No real region has this id: region ids are
   * never blank.
   */
  public static final String NO_REGION = "";

  public Alert {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(regionId, "regionId");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("Alert from rule '" + ruleId + "' about " + subject + " has a blank message");
    }
    recommended = List.copyOf(recommended);
  }

  public static Builder builder(String ruleId, Subject subject) {
    return new Builder(ruleId, subject);
  }

  public Optional<String> shift() {
    return Optional.ofNullable(shiftId);
  }

  /** False for an alert whose region is {@link #NO_REGION}. */
  public boolean hasRegion() {
    return !regionId.isEmpty();
  }

  /** The same alert at another severity. */
  public Alert withSeverity(Severity severity) {
    return new Alert(ruleId, title, severity, subject, regionId, message, recommended, shiftId);
  }

  /** Leaves out the message: it names people. */
  @Override
  public String toString() {
    return "Alert[" + ruleId + ", " + severity + ", " + subject + ", region=" + (hasRegion() ? regionId : "(none)")
        + ", recommended=" + recommended + "]";
  }

  /** Builds an {@link Alert}; {@link #build()} checks the required values. */
  public static final class Builder {
    private final String ruleId;
    private final Subject subject;
    private String title;
    private Severity severity = Severity.INFO;
    private String regionId;
    private String message;
    private List<Recommendation> recommended = List.of();
    private String shiftId;

    private Builder(String ruleId, Subject subject) {
      this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
      this.subject = Objects.requireNonNull(subject, "subject");
    }

    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    /** The region, or {@link Alert#NO_REGION} when the subject cannot be placed in one. */
    public Builder region(String regionId) {
      Objects.requireNonNull(regionId, "regionId");
      if (regionId.isBlank() && !regionId.equals(NO_REGION)) {
        throw new IllegalArgumentException("Alert from rule '" + ruleId + "': region '" + regionId + "' is blank; use"
            + " Alert.NO_REGION for an alert that cannot be placed in a region");
      }
      this.regionId = regionId;
      return this;
    }

    public Builder message(String message) {
      this.message = Objects.requireNonNull(message, "message");
      return this;
    }

    public Builder recommended(List<Recommendation> recommended) {
      this.recommended = Objects.requireNonNull(recommended, "recommended");
      return this;
    }

    public Builder shift(String shiftId) {
      this.shiftId = shiftId;
      return this;
    }

    public Alert build() {
      if (regionId == null) {
        throw new IllegalStateException("Alert from rule '" + ruleId + "': region is required (Alert.NO_REGION when"
            + " the subject cannot be placed in a region)");
      }
      if (message == null) {
        throw new IllegalStateException("Alert from rule '" + ruleId + "': message is required");
      }
      return new Alert(ruleId, title != null ? title : ruleId, severity, subject, regionId, message, recommended,
          shiftId);
    }
  }
}
