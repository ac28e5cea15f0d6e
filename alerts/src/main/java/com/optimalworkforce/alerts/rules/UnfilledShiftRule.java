package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.rules.internal.Candidates;
import com.optimalworkforce.alerts.rules.internal.Checks;
import com.optimalworkforce.alerts.rules.internal.Phrases;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Visit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Unfilled shift near start: a live shift with nobody assigned, starting within the horizon (or
 * started a little while ago and still empty), with the best backup to try first.
 *
 * <pre>{@code
 * AlertRule rule = UnfilledShiftRule.builder().backups(MatchScorerBackups.of(scorer)).build();
 * // "Friday 2 PM shift with Mr. Lee unfilled - Sarah has 85% match (accepted 6/7 similar shifts). Try Sarah first?"
 * }</pre>
 *
 * <p>Defaults: horizon 24 hours (INFO), WARNING within 8 hours, URGENT within 3 hours; shifts that
 * started up to 1 hour ago and are still empty are URGENT; up to 3 backups recommended.
 */
public final class UnfilledShiftRule implements AlertRule {
  public static final String ID = "unfilled-shift";

  private final Duration horizon;
  private final Duration warningWithin;
  private final Duration urgentWithin;
  private final Duration overdueFor;
  private final int backupCount;
  private final BackupFinder backups;

  private UnfilledShiftRule(Builder b) {
    this.horizon = b.horizon;
    this.warningWithin = b.warningWithin;
    this.urgentWithin = b.urgentWithin;
    this.overdueFor = b.overdueFor;
    this.backupCount = b.backupCount;
    this.backups = b.backups;
  }

  public static UnfilledShiftRule ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Unfilled shift";
  }

  @Override
  public List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope) {
    Instant now = clock.instant();
    Instant from = now.minus(overdueFor);
    Instant to = now.plus(horizon).plusNanos(1); // "within 24 hours" includes exactly 24 hours
    List<Visit> candidates;
    if (scope.isAll()) {
      candidates = view.unfilledStarting(from, to);
    } else {
      candidates = new ArrayList<>();
      for (String id : scope.shiftIds()) {
        view.visit(id).filter(v -> v.isUnfilled() && !v.start().isBefore(from) && v.start().isBefore(to))
            .ifPresent(candidates::add);
      }
    }
    List<Alert> out = new ArrayList<>(candidates.size());
    for (Visit v : candidates) {
      out.add(alert(view, clock, now, v));
    }
    return out;
  }

  private Alert alert(ScheduleView view, Clock clock, Instant now, Visit v) {
    Duration until = Duration.between(now, v.start());
    Severity severity = until.compareTo(urgentWithin) <= 0 ? Severity.URGENT
        : until.compareTo(warningWithin) <= 0 ? Severity.WARNING : Severity.INFO;
    List<Recommendation> recs = Candidates.backups(backups, v, view, clock, backupCount);
    String shift = Phrases.dayTime(v.localStart()) + " shift with " + Phrases.client(view, v.clientId());
    String message;
    if (recs.isEmpty()) {
      message = shift + " unfilled - no backup found yet. "
          + (until.isNegative() ? "It started " + Phrases.duration(until.negated()) + " ago." : "Starts in "
              + Phrases.duration(until) + ".");
    } else {
      Recommendation best = recs.get(0);
      message = shift + " unfilled - " + best.name() + " has " + best.percent() + "% match"
          + (best.reason().isEmpty() ? "" : " (" + best.reason() + ")") + ". Try " + best.name() + " first?";
    }
    return Alert.builder(ID, Subject.shift(v.id())).title(title()).severity(severity).region(v.regionId())
        .shift(v.id()).message(message).recommended(recs).build();
  }

  /** Builds an {@link UnfilledShiftRule}; setters check their values. */
  public static final class Builder {
    private Duration horizon = Duration.ofHours(24);
    private Duration warningWithin = Duration.ofHours(8);
    private Duration urgentWithin = Duration.ofHours(3);
    private Duration overdueFor = Duration.ofHours(1);
    private int backupCount = 3;
    private BackupFinder backups = BackupFinder.none();

    private Builder() {}

    /** How far ahead to look (default 24 hours); shifts inside it are at least INFO. */
    public Builder horizon(Duration horizon) {
      this.horizon = Checks.positive(ID, "horizon", horizon);
      return this;
    }

    /** WARNING when the shift starts within this (default 8 hours). */
    public Builder warningWithin(Duration warningWithin) {
      this.warningWithin = Checks.positive(ID, "warningWithin", warningWithin);
      return this;
    }

    /** URGENT when the shift starts within this (default 3 hours). */
    public Builder urgentWithin(Duration urgentWithin) {
      this.urgentWithin = Checks.positive(ID, "urgentWithin", urgentWithin);
      return this;
    }

    /** Keep alerting (URGENT) for shifts that started this long ago and are still empty (default 1 hour). */
    public Builder overdueFor(Duration overdueFor) {
      Objects.requireNonNull(overdueFor, "overdueFor");
      if (overdueFor.isNegative()) {
        throw new IllegalArgumentException(ID + ": overdueFor must not be negative but was " + overdueFor);
      }
      this.overdueFor = overdueFor;
      return this;
    }

    /** How many backups to recommend (default 3; the message names the first). */
    public Builder backupCount(int backupCount) {
      this.backupCount = Checks.atLeast(ID, "backupCount", 1, backupCount);
      return this;
    }

    /** Where recommendations come from (default: none). */
    public Builder backups(BackupFinder backups) {
      this.backups = Objects.requireNonNull(backups, "backups");
      return this;
    }

    public UnfilledShiftRule build() {
      if (urgentWithin.compareTo(warningWithin) > 0 || warningWithin.compareTo(horizon) > 0) {
        throw new IllegalStateException(ID + ": expected urgentWithin <= warningWithin <= horizon but got "
            + urgentWithin + ", " + warningWithin + ", " + horizon);
      }
      return new UnfilledShiftRule(this);
    }
  }
}
