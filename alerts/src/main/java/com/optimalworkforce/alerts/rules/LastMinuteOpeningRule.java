package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.rules.internal.Candidates;
import com.optimalworkforce.alerts.rules.internal.Checks;
import com.optimalworkforce.alerts.rules.internal.Phrases;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.alerts.view.Vacancy;
import com.optimalworkforce.core.model.Visit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Last-minute change: a shift that was staffed and opened recently (a call-out, or the caregiver
 * taken off it) and starts soon, with the priority backups to call.
 *
 * <pre>{@code
 * AlertRule rule = LastMinuteOpeningRule.builder().backups(MatchScorerBackups.of(scorer)).build();
 * // "Tom's Saturday 10 AM shift with Mr. Davis now open. Priority backups: Lisa (90%), Rachel (85%), Mike (78%)"
 * }</pre>
 *
 * <p>Defaults: shifts starting within 48 hours that opened in the last 24 hours; WARNING, or URGENT
 * within 3 hours of the start; 3 backups. The weekday is left out when the shift is today.
 */
public final class LastMinuteOpeningRule implements AlertRule {
  public static final String ID = "last-minute-opening";

  private final Duration horizon;
  private final Duration openedWithin;
  private final Duration urgentWithin;
  private final int backupCount;
  private final BackupFinder backups;

  private LastMinuteOpeningRule(Builder b) {
    this.horizon = b.horizon;
    this.openedWithin = b.openedWithin;
    this.urgentWithin = b.urgentWithin;
    this.backupCount = b.backupCount;
    this.backups = b.backups;
  }

  public static LastMinuteOpeningRule ofDefaults() {
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
    return "Last-minute opening";
  }

  @Override
  public List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope) {
    Instant now = clock.instant();
    Instant to = now.plus(horizon);
    Instant openedFrom = now.minus(openedWithin);
    List<Vacancy> recent = new ArrayList<>();
    if (scope.isAll()) {
      for (Vacancy vacancy : view.vacancies()) { // few: only shifts seen opening
        if (vacancy.openedAt().isBefore(openedFrom)) {
          break; // most recent first
        }
        recent.add(vacancy);
      }
    } else {
      for (String id : scope.shiftIds()) {
        view.vacancy(id).filter(v -> !v.openedAt().isBefore(openedFrom)).ifPresent(recent::add);
      }
    }
    List<Alert> out = new ArrayList<>();
    for (Vacancy vacancy : recent) {
      Optional<Visit> visit = view.visit(vacancy.visitId())
          .filter(v -> v.isUnfilled() && v.start().isAfter(now) && v.start().isBefore(to));
      if (visit.isPresent()) {
        out.add(alert(view, clock, now, visit.get(), vacancy));
      }
    }
    return out;
  }

  private Alert alert(ScheduleView view, Clock clock, Instant now, Visit v, Vacancy vacancy) {
    Duration until = Duration.between(now, v.start());
    List<Recommendation> recs = Candidates.backups(backups, v, view, clock, backupCount);
    boolean today = v.localStart().toLocalDate().equals(now.atZone(v.zone()).toLocalDate());
    String when = today ? Phrases.time(v.localStart()) : Phrases.dayTime(v.localStart());
    String message = Phrases.caregiver(view, vacancy.previousCaregiverId()) + "'s " + when + " shift with "
        + Phrases.client(view, v.clientId()) + " now open. "
        + (recs.isEmpty() ? "No backup found yet; it starts in " + Phrases.duration(until) + "."
            : "Priority backups: " + Phrases.labels(recs));
    return Alert.builder(ID, Subject.shift(v.id())).title(title())
        .severity(until.compareTo(urgentWithin) <= 0 ? Severity.URGENT : Severity.WARNING)
        .region(v.regionId()).shift(v.id()).message(message).recommended(recs).build();
  }

  /** Builds a {@link LastMinuteOpeningRule}; setters check their values. */
  public static final class Builder {
    private Duration horizon = Duration.ofHours(48);
    private Duration openedWithin = Duration.ofHours(24);
    private Duration urgentWithin = Duration.ofHours(3);
    private int backupCount = 3;
    private BackupFinder backups = BackupFinder.none();

    private Builder() {}

    /** Shifts starting within this (default 48 hours). */
    public Builder horizon(Duration horizon) {
      this.horizon = Checks.positive(ID, "horizon", horizon);
      return this;
    }

    /** Shifts that opened within this (default 24 hours). */
    public Builder openedWithin(Duration openedWithin) {
      this.openedWithin = Checks.positive(ID, "openedWithin", openedWithin);
      return this;
    }

    /** URGENT when the shift starts within this (default 3 hours); WARNING otherwise. */
    public Builder urgentWithin(Duration urgentWithin) {
      this.urgentWithin = Checks.positive(ID, "urgentWithin", urgentWithin);
      return this;
    }

    /** How many backups to name (default 3). */
    public Builder backupCount(int backupCount) {
      this.backupCount = Checks.atLeast(ID, "backupCount", 1, backupCount);
      return this;
    }

    /** Where recommendations come from (default: none). */
    public Builder backups(BackupFinder backups) {
      this.backups = Objects.requireNonNull(backups, "backups");
      return this;
    }

    public LastMinuteOpeningRule build() {
      return new LastMinuteOpeningRule(this);
    }
  }
}
