package com.optimalworkforce.alerts.store;

import com.optimalworkforce.alerts.rules.Severity;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a dashboard asks the {@link AlertStore} for: alerts of some regions and rules, at or above
 * a severity, updated in a time range, open only or all; newest first.
 *
 * <pre>{@code
 * List<AlertRecord> feed = engine.feed(AlertQuery.builder()
 *     .region("toronto-east").minSeverity(Severity.WARNING)
 *     .since(clock.instant().minus(Duration.ofDays(1))).openOnly(true).limit(50)
 *     .build());
 * }</pre>
 *
 * @param regions regions to include ({@link com.optimalworkforce.alerts.rules.Alert#NO_REGION} for the
 *     alerts that have none); empty for all
 * @param rules rule ids to include; empty for all
 * @param minSeverity the lowest severity to include
 * @param since include records updated at or after this, or {@code null}
 * @param until include records updated before this, or {@code null}
 * @param openOnly leave out resolved alerts
 * @param limit the most records to return
 */
public record AlertQuery(Set<String> regions, Set<String> rules, Severity minSeverity, Instant since, Instant until,
    boolean openOnly, int limit) {

  public AlertQuery {
    regions = Set.copyOf(regions);
    rules = Set.copyOf(rules);
    Objects.requireNonNull(minSeverity, "minSeverity");
    if (limit < 1) {
      throw new IllegalArgumentException("AlertQuery: limit must be at least 1 but was " + limit);
    }
  }

  /** Everything, up to 100 records. */
  public static AlertQuery all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when the record belongs in the answer (the limit aside). */
  public boolean matches(AlertRecord r) {
    return (regions.isEmpty() || regions.contains(r.alert().regionId()))
        && (rules.isEmpty() || rules.contains(r.alert().ruleId()))
        && r.alert().severity().isAtLeast(minSeverity)
        && (since == null || !r.updatedAt().isBefore(since))
        && (until == null || r.updatedAt().isBefore(until))
        && (!openOnly || r.isOpen());
  }

  /** Builds an {@link AlertQuery}. */
  public static final class Builder {
    private final Set<String> regions = new HashSet<>();
    private final Set<String> rules = new HashSet<>();
    private Severity minSeverity = Severity.INFO;
    private Instant since;
    private Instant until;
    private boolean openOnly;
    private int limit = 100;

    private Builder() {}

    public Builder region(String regionId) {
      regions.add(Objects.requireNonNull(regionId, "regionId"));
      return this;
    }

    public Builder rule(String ruleId) {
      rules.add(Objects.requireNonNull(ruleId, "ruleId"));
      return this;
    }

    public Builder minSeverity(Severity minSeverity) {
      this.minSeverity = Objects.requireNonNull(minSeverity, "minSeverity");
      return this;
    }

    public Builder since(Instant since) {
      this.since = Objects.requireNonNull(since, "since");
      return this;
    }

    public Builder until(Instant until) {
      this.until = Objects.requireNonNull(until, "until");
      return this;
    }

    public Builder openOnly(boolean openOnly) {
      this.openOnly = openOnly;
      return this;
    }

    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("AlertQuery: limit must be at least 1 but was " + limit);
      }
      this.limit = limit;
      return this;
    }

    public AlertQuery build() {
      if (since != null && until != null && !until.isAfter(since)) {
        throw new IllegalStateException("AlertQuery: until (" + until + ") must be after since (" + since + ")");
      }
      return new AlertQuery(regions, rules, minSeverity, since, until, openOnly, limit);
    }
  }
}
